/** One mail to one person; plain text, so nothing in it can run in a mail client. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
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
