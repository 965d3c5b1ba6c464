import type { Job } from '../jobs/job-queue.js';
import { PermanentJobError } from '../jobs/job-worker.js';
import type { Mailer, MailMessage } from './mailer.js';

function messageOf(job: Job): MailMessage {
  const message = job.payload.message as Partial<MailMessage> | undefined;
  const text = (value: unknown): value is string => typeof value === 'string';
  if (
    !message ||
    !text(message.to) ||
    !text(message.subject) ||
    !text(message.text) ||
    !text(message.kind) ||
    !(message.html === undefined || text(message.html)) ||
    !(message.tenantId === null || text(message.tenantId))
  ) {
    throw new PermanentJobError('send_mail job without a complete message');
  }
  return message as MailMessage;
}

/**
 * Delivers a queued mail. A failure (SMTP down, the outbox unreachable) is retried by the queue;
 * a duplicate after a crash between delivery and completion is possible, a lost mail is not.
 */
export function sendMailJob(mailer: Mailer) {
  return async (job: Job) => {
    const message = messageOf(job);
    await mailer.send(message);
    return { sent: message.kind };
  };
}
