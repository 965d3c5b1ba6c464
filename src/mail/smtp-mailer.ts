import { createTransport } from 'nodemailer';
import { AppError } from '../errors.js';
import type { Mailer, MailMessage } from './mailer.js';

/** Sends through the SMTP server of SMTP_URL (nodemailer reads host, port, TLS and login from it). */
export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    readonly publicUrl: string,
    /** Bounds connecting, the greeting and every silence of the server (SMTP_TIMEOUT_MS). */
    timeoutMs = 10_000,
  ) {
    // nodemailer's defaults wait minutes: a stalled server would hold a mail job's worker slot that long.
    this.transport = createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    } catch (error) {
      // The caller's transaction rolls back, so a retry starts clean.
      throw new AppError('UNAVAILABLE', 'Mail cannot be sent right now; retry shortly', {
        internal: `smtp: ${(error as Error).message}`,
        headers: { 'Retry-After': '30' },
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
