import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { PlatformDatabase } from '../db/platform-database.js';
import { AppError } from '../errors.js';
import type { Principal } from './access-tokens.js';

/** The channel the platform database's triggers notify when a generation or a session changes. */
export const REVOCATIONS_CHANNEL = 'tenantbase_token_revocations';

/** The LISTEN connection's application_name, for operators (pg_stat_activity) and tests. */
export const LISTENER_NAME = 'tenantbase-token-revocations';
const RECONNECT_MS = 1000;

/** Whose tokens a generation counts: a tenant user, or a platform administrator (tenant null). */
export interface TokenAccount {
  subject: string;
  tenantId: string | null;
}

export interface TokenRevocationsOptions {
  /** Access token lifetime plus clock leeway: older revocations can only concern expired tokens. */
  windowSeconds: number;
  /** Reload this often even without a notification (a lost LISTEN connection, PgBouncer). */
  pollMs: number;
  /** Refuse tokens (503) when the mirror is older than this: revocations could be missing. */
  staleAfterMs: number;
  /** A direct connection for LISTEN; without one, the poll alone keeps the mirror fresh. */
  listenUrl?: string;
  /** A tenant's roles table changed (in any process): cached role permissions must go. */
  onRolesChanged?: (tenantId: string) => void;
  onError?: (error: unknown) => void;
}

/** The pseudo-account whose generation counts changes to a tenant's roles (no user id looks so). */
export const ROLES_SUBJECT = '*roles';

/**
 * Deletes generations older than any access token can live (ACCESS_TOKEN_TTL_SECONDS is at most a
 * day). Safe: generations come from one sequence, so a later revocation still outdates every
 * token issued before it, whether or not its account had a row.
 */
export async function purgeTokenGenerations(
  db: Kysely<PlatformDatabase>,
  keepSeconds = 2 * 86400,
): Promise<number> {
  const result = await db
    .deleteFrom('platform.token_generations')
    .where('changed_at', '<', sql<Date>`now() - make_interval(secs => ${keepSeconds})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const ended = (internal: string) =>
  new AppError('UNAUTHENTICATED', 'The access token is missing, invalid or expired', { internal });

const accountKey = (account: TokenAccount) => `${account.tenantId ?? ''}\n${account.subject}`;

/**
 * Ends access tokens before they expire. Each process mirrors, in memory, the revocations of the
 * last token lifetime: account generations (deleted, disabled or demoted accounts) and revoked
 * refresh families (logout, reuse, password reset). So the request path checks a token without
 * a database round trip; the mirror reloads on NOTIFY and every `pollMs`.
 */
export class TokenRevocations {
  private accounts = new Map<string, number>();
  private sessions = new Set<string>();
  private syncedAt = 0;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private listener: pg.Client | undefined;
  private stopped = true;

  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    private readonly options: TokenRevocationsOptions,
  ) {}

  /** Loads the mirror before the first request, then keeps it fresh. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.sync();
    this.schedule();
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** The hot-path check of one of our own access tokens; throws 401 for a revoked one. */
  assertLive(principal: Principal): void {
    if (Date.now() - this.syncedAt > this.options.staleAfterMs) {
      throw new AppError('UNAVAILABLE', 'Sign-in state cannot be checked right now; retry shortly', {
        internal: 'token revocation mirror is stale',
        headers: { 'Retry-After': '5' },
      });
    }
    if (principal.sessionId !== undefined && this.sessions.has(principal.sessionId)) {
      throw ended('session ended');
    }
    const current = this.accounts.get(accountKey({ subject: principal.id, tenantId: principal.tenantId }));
    if (current !== undefined && (principal.generation ?? 0) < current) throw ended('account revoked');
  }

  /**
   * The account's generation for a token about to be issued. Read it BEFORE the account's state:
   * a revocation committed after that read then always has a higher generation than the token.
   */
  async generationOf(account: TokenAccount): Promise<number> {
    const row = await this.db
      .selectFrom('platform.token_generations')
      .select('generation')
      .where('tenant_id', '=', account.tenantId ?? '')
      .where('subject', '=', account.subject)
      .executeTakeFirst();
    return row ? Number(row.generation) : 0;
  }

  /**
   * Ends every access token the account holds now. Call it after the change that warrants it has
   * committed, so a token issued from the old state is always outdated by this generation.
   */
  async revokeAccount(account: TokenAccount): Promise<void> {
    await sql`
      insert into platform.token_generations (tenant_id, subject, generation)
      values (${account.tenantId ?? ''}, ${account.subject}, nextval('platform.token_generation_seq'))
      on conflict (tenant_id, subject)
      do update set generation = excluded.generation, changed_at = now()`.execute(this.db);
    await this.sync();
  }

  /** Tells every process that the tenant's roles changed, once the change has committed. */
  async rolesChanged(tenantId: string): Promise<void> {
    await this.revokeAccount({ subject: ROLES_SUBJECT, tenantId });
  }

  /** Reloads the mirror; concurrent callers share a load that starts after their call. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.load().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.sync();
      });
    return this.queued;
  }

  private async load(): Promise<void> {
    const window = this.options.windowSeconds;
    const { rows } = await sql<{ tenant_id: string | null; subject: string; generation: string | null }>`
      select tenant_id, subject, generation from platform.token_generations
        where changed_at > now() - make_interval(secs => ${window})
      union all
      select distinct null::text, family_id::text, null::bigint from platform.refresh_tokens
        where revoked_at > now() - make_interval(secs => ${window})`.execute(this.db);
    const accounts = new Map<string, number>();
    const sessions = new Set<string>();
    for (const row of rows) {
      if (row.generation === null) {
        sessions.add(row.subject);
        continue;
      }
      const key = accountKey({ subject: row.subject, tenantId: row.tenant_id });
      const generation = Number(row.generation);
      accounts.set(key, generation);
      if (row.subject === ROLES_SUBJECT && this.accounts.get(key) !== generation && row.tenant_id) {
        this.options.onRolesChanged?.(row.tenant_id);
      }
    }
    this.accounts = accounts;
    this.sessions = sessions;
    this.syncedAt = Date.now();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sync()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  // A lost connection is re-opened, then the mirror reloaded: notifications sent meanwhile are gone.
  private async listen(): Promise<void> {
    if (this.stopped || !this.options.listenUrl) return;
    const client = new pg.Client({
      connectionString: this.options.listenUrl,
      connectionTimeoutMillis: 5000,
      application_name: LISTENER_NAME,
    });
    let retried = false;
    const retry = () => {
      if (retried || this.stopped) return;
      retried = true;
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), RECONNECT_MS).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on(
      'notification',
      () => void this.sync().catch((error: unknown) => this.options.onError?.(error)),
    );
    try {
      await client.connect();
      await client.query(`listen ${REVOCATIONS_CHANNEL}`);
      if (this.stopped) return void (await client.end());
      this.listener = client;
      await this.sync();
    } catch (error) {
      this.options.onError?.(error);
      retry();
    }
  }
}
