import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { PlatformDatabase } from '../db/platform-database.js';
import type { Mailer, MailMessage } from './mailer.js';
import './mail-outbox.table.js';

/**
 * Development mail: kept in the platform database instead of sent, and shown to platform
 * administrators (GET /api/v1/outbox), so invitations and resets work without an SMTP server.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Kysely<PlatformDatabase>,
    readonly publicUrl: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.db
      .insertInto('platform.mail_outbox')
      .values({
        id: uuidv7(),
        tenant_id: message.tenantId,
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        html: message.html ?? null,
        kind: message.kind,
        created_at: new Date(),
      })
      .execute();
  }

  async close(): Promise<void> {}
}
