import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import {
  deleteSecret,
  ensureSecret,
  readSecret,
  writeSecret,
} from '../../platform/secrets/platform-secrets.js';
import type { SecretBox } from '../../platform/secrets/secret-box.js';
import type { TenantId } from '../tenant-id.js';

/** The `platform.secrets` row holding a database tenant's role password (sealed); never in the registry. */
export function credentialSecretName(tenantId: TenantId): string {
  return `tenant_role_password:${tenantId}`;
}

/** 192 random bits: nothing to stretch, so the role is created with the server's cheapest SCRAM. */
export function newRolePassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The login passwords of `database` tenants' roles, read as the owner (the application role
 * cannot read platform.secrets) and kept in memory, so a new tenant-database connection costs
 * no platform query. After a rotation elsewhere a connection is refused once with the old
 * password: the caller forgets it and connects again with the stored one.
 */
export class TenantCredentials {
  private readonly cache = new Map<TenantId, Promise<string>>();

  constructor(
    private readonly ownerPool: pg.Pool,
    private readonly box: SecretBox,
  ) {}

  /** The password the tenant's role logs in with now. */
  passwordFor(tenantId: TenantId): Promise<string> {
    let password = this.cache.get(tenantId);
    if (!password) {
      password = readSecret(this.ownerPool, this.box, credentialSecretName(tenantId)).then((value) => {
        if (value === undefined) throw new Error(`tenant ${tenantId} has no stored credentials`);
        return value;
      });
      password.catch(() => this.cache.delete(tenantId));
      this.cache.set(tenantId, password);
    }
    return password;
  }

  /** The stored password, storing a new one first when the tenant has none (provisioning). */
  async ensure(tenantId: TenantId): Promise<string> {
    const password = await ensureSecret(
      this.ownerPool,
      this.box,
      credentialSecretName(tenantId),
      newRolePassword(),
    );
    this.cache.set(tenantId, Promise.resolve(password));
    return password;
  }

  /**
   * Stores `password` as the tenant's current one, on `owner` (inside the caller's transaction,
   * to commit with the role's ALTER) or on a pool connection of its own.
   */
  async store(
    tenantId: TenantId,
    password: string,
    owner: pg.ClientBase | pg.Pool = this.ownerPool,
  ): Promise<void> {
    await writeSecret(owner, this.box, credentialSecretName(tenantId), password);
  }

  /** Makes this process use `password` for new connections at once (once it is committed). */
  remember(tenantId: TenantId, password: string): void {
    this.cache.set(tenantId, Promise.resolve(password));
  }

  /** Drops the cached password, e.g. after the server refused it. */
  forget(tenantId: TenantId): void {
    this.cache.delete(tenantId);
  }

  /** Erases the tenant's stored password (deletion). */
  async remove(tenantId: TenantId): Promise<void> {
    await deleteSecret(this.ownerPool, credentialSecretName(tenantId));
    this.cache.delete(tenantId);
  }
}
