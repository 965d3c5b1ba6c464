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
      kind: string;
      created_at: ColumnType<Date, Date | string, never>;
    };
  }
}

export {};
