import type { ColumnType } from 'kysely';

declare module '../../db/platform-database.js' {
  interface PlatformDatabase {
    /** Single-use tokens mailed to platform administrators (password reset); only a SHA-256 is kept. */
    'platform.admin_tokens': {
      id: string;
      admin_id: string;
      purpose: 'password_reset';
      token_hash: string;
      expires_at: Date;
      used_at: ColumnType<Date | null, Date | null, Date | null>;
      created_at: Date;
    };
  }
}

export {};
