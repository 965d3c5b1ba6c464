import { type Kysely, sql } from 'kysely';
import type { PlatformDatabase } from '../../db/platform-database.js';
import '../../mail/mail-outbox.table.js';
import type { Pagination } from '../listing/list-query.schema.js';
import type { OutboxMail, OutboxQuery } from './outbox.schema.js';

/** A page of the development outbox, newest first. */
export async function findOutboxMail(
  db: Kysely<PlatformDatabase>,
  query: OutboxQuery,
): Promise<{ mails: OutboxMail[]; pagination: Pagination }> {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? 20;
  let base = db.selectFrom('platform.mail_outbox');
  if (query.to !== undefined) base = base.where('recipient', '=', query.to.toLowerCase());
  const [{ total }, rows] = await Promise.all([
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const count = Number(total);
  const totalPages = Math.ceil(count / perPage);
  return {
    mails: rows.map((row) => ({
      id: row.id,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      kind: row.kind,
      tenant_id: row.tenant_id,
      created_at: row.created_at.toISOString(),
    })),
    pagination: {
      page,
      per_page: perPage,
      total: count,
      total_pages: totalPages,
      has_next: page < totalPages,
      has_prev: page > 1,
    },
  };
}
