import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { PlatformDatabase } from '../db/platform-database.js';
import type { Mailer } from './mailer.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

/** SMTP when SMTP_URL is set, the development outbox otherwise; nothing else chooses. */
export function createMailer(config: Config, platformDb: Kysely<PlatformDatabase>): Mailer {
  return config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom, config.publicUrl, config.smtpTimeoutMs)
    : new OutboxMailer(platformDb, config.publicUrl);
}
