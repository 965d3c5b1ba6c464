import type { ColumnType } from 'kysely';

declare module '../db/platform-database.js' {
  interface PlatformDatabase {
    /** Mail kept instead of sent when SMTP_URL is unset (development), newest read first. */
    'platform.mail_outbox': {
      id: string;
      tenant_id: string | null;
      recipient: string;
      subject: string;
      body: string;
      /** The HTML part beside the text part (module migration mail.0001), null for older mail. */
      html: ColumnType<string | null, string | null | undefined, never>;
      kind: string;
      created_at: ColumnType<Date, Date | string, never>;
    };
  }
}

/** The outbox keeps both parts, so a developer sees the branded mail a tenant's users would get. */
export const mailOutboxHtmlMigration = {
  id: 'mail.0001_outbox_html',
  sql: 'alter table platform.mail_outbox add column if not exists html text',
};
