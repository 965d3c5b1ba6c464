import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import '../../mail/mail-outbox.table.js';
import type { Page } from '../listing/list-query.schema.js';
import { readListPage } from '../listing/read-list-page.js';
import type { OutboxMail, OutboxQuery } from './outbox.schema.js';

/**
 * A page of the development outbox, newest first. Its rows and total are one statement: two would
 * let a mail committed between them be in the rows and not in the total.
 */
export async function findOutboxMail(
  db: Kysely<PlatformDatabase>,
  query: OutboxQuery,
): Promise<Page<OutboxMail>> {
  let base = db.selectFrom('platform.mail_outbox');
  if (query.to !== undefined) base = base.where('recipient', '=', query.to.toLowerCase());
  const page = await readListPage(
    db,
    base,
    (q) => q.select(['id', 'recipient', 'subject', 'body', 'kind', 'tenant_id', 'created_at']),
    query,
    { name: '-created_at', value: sql`created_at`, descending: true, kind: 'instant' },
    { column: sql`id`, type: 'uuid' },
  );
  return {
    rows: page.rows.map((row) => ({
      id: row.id,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      kind: row.kind,
      tenant_id: row.tenant_id,
      created_at: row.created_at.toISOString(),
    })),
    pagination: page.pagination,
  };
}
