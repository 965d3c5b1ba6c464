import type { MailBrand } from './mail-brand.js';

/**
 * One mail to one person. Builders write the text; the queue adds the HTML part from it with
 * the tenant's branding, every value escaped, so nothing in it can run in a mail client.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Set by the queue (render-mail-html.ts), never by a builder. */
  html?: string;
  /** Whose brand the HTML part carries when no tenant exists yet (signup); else the tenant's. */
  brand?: MailBrand;
  /** What the mail is for (`invitation`, `password_reset`, ...), kept with outbox copies. */
  kind: string;
  /** The tenant the mail is about, or null for the platform's own. */
  tenantId: string | null;
}

/**
 * The one way Tenantbase sends mail: SMTP when configured, otherwise the development
 * outbox. Callers build links from `publicUrl`, where the recipient reaches this server.
 */
export interface Mailer {
  readonly publicUrl: string;
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
