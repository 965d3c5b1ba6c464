import { CompiledQuery } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { quoteIdent } from '../../db/sql-identifier.js';
import { preparedName } from '../../tenancy/prepared-name.js';
import { requestContext } from '../../tenancy/tenant-context.js';
import type { TenantScope } from '../../tenancy/tenant-scope.js';
import { textPerSchema } from '../../tenancy/text-per-schema.js';
import { chainBody } from './audit-hash.js';
import { rememberCommitted } from './committed-audit.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/** The scope signal after whose commit the tenant's unsealed tail is sealed (audit-sealer.ts). */
export const AUDIT_APPENDED = 'audit:appended';

const toJsonb = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
/** What jsonb hands back for the text stored: the value as plain JSON. */
const asStored = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * The INSERT's text per storage schema, and its prepared statement's name: it runs on every
 * audited write, so it is prepared once per connection (see sendWithCommit) and PostgreSQL
 * neither receives nor parses and plans its text again.
 */
const insertFor = textPerSchema((schema) => {
  const text = `insert into ${quoteIdent(schema)}.${quoteIdent('audit_log')}
      (tenant_id, id, created_at, actor_type, actor_id, action, target_type, target_id, request_id, before, after)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb)`;
  return { text, name: preparedName('audit_insert', text) };
});

/**
 * Writes one entry of the tenant's own audit trail in the same transaction as the change it
 * describes, so a change and its record commit or vanish together. The entry joins the unsealed
 * tail: no chain lock is taken, so a tenant's writers never wait for each other here; the sealer
 * gives it its place and hash once the transaction committed (see seal-audit-tail.ts). The
 * entry's canonical body is kept for this process's sealer once the transaction committed.
 * The INSERT goes out with the COMMIT, in its round trip: the entry holds the writer's connection
 * no longer than the write itself does, and if it fails the COMMIT rolls the write back.
 */
export async function recordAudit(scope: TenantScope, entry: AuditEntry): Promise<void> {
  const context = requestContext.current();
  const row = {
    id: uuidv7(),
    created_at: new Date(),
    actor_type: context?.actorType ?? 'system',
    actor_id: context?.actorId ?? null,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    request_id: context?.requestId ?? null,
  };
  const before = toJsonb(entry.before);
  const after = toJsonb(entry.after);
  const insert = insertFor(scope.schema);
  scope.sendWithCommit(
    CompiledQuery.raw(insert.text, [
      scope.tenantId,
      row.id,
      row.created_at,
      row.actor_type,
      row.actor_id,
      row.action,
      row.target_type,
      row.target_id,
      row.request_id,
      before,
      after,
    ]),
    insert.name,
  );
  const body = chainBody(
    {
      id: row.id,
      created_at: row.created_at,
      actor_type: row.actor_type,
      actor_id: row.actor_id,
      action: row.action,
      target_type: row.target_type,
      target_id: row.target_id,
      request_id: row.request_id,
      before: asStored(before),
      after: asStored(after),
    },
    true,
  );
  const tenantId = scope.tenantId;
  scope.afterCommit(async () => rememberCommitted(tenantId, row.id, body));
  scope.signal(AUDIT_APPENDED);
}
