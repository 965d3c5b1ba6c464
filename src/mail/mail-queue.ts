import type { Kysely } from 'kysely';
import type { PlatformDatabase } from '../db/platform-database.js';
import { JobQueue } from '../jobs/job-queue.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import { loadMailBrand } from './mail-brand.js';
import type { MailMessage } from './mailer.js';
import { renderMailHtml } from './render-mail-html.js';

/** The job that delivers one queued mail through the mailer (outbox or SMTP), with retries. */
export const SEND_MAIL_JOB = 'send_mail';

/** Attempts before a mail is given up (the queue backs off up to a minute between them). */
const MAIL_ATTEMPTS = 10;

/**
 * How use cases send mail: never directly, since the outbox needs a second connection and SMTP
 * the network, and neither may wait inside an open transaction. A mail becomes a `send_mail`
 * job, queued in the caller's platform transaction or, for a tenant scope (whose transaction may
 * be in another database), right after it commits.
 */
export class MailQueue {
  constructor(
    private readonly jobs: JobQueue,
    /** Where people reach this server; links in mails start here. */
    readonly publicUrl: string,
  ) {}

  /** Queues `message` once `scope` commits; nothing is queued if it rolls back. */
  afterCommit(scope: TenantScope, message: MailMessage): void {
    scope.afterCommit(() => this.enqueue(message));
  }

  /** Queues `message` now, in the transaction of `db` when given (a platform transaction). */
  async enqueue(message: MailMessage, db?: Kysely<PlatformDatabase>): Promise<void> {
    const queue = db ? new JobQueue(db) : this.jobs;
    // Read through the same connection as the queueing, so no second one is awaited inside a transaction.
    const { brand: given, ...rest } = message;
    const brand = given ?? (await loadMailBrand(queue.db, message.tenantId));
    await queue.enqueue(
      SEND_MAIL_JOB,
      { message: { ...rest, html: renderMailHtml(message, brand) } },
      { tenantId: message.tenantId, maxAttempts: MAIL_ATTEMPTS },
    );
  }
}
