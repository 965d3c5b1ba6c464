import type { TestInstance } from './test-instance.js';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  tenant_id: string | null;
  created_at: string;
}

/** The development outbox's mail to `to`, newest first, read as the platform administrator. */
export async function mailsTo(tb: TestInstance, to: string): Promise<OutboxMail[]> {
  const response = await tb.app.inject({
    url: '/api/v1/outbox',
    query: { to, per_page: '100' },
    headers: { authorization: `Bearer ${await tb.adminToken()}` },
  });
  if (response.statusCode !== 200) throw new Error(`outbox: ${response.body}`);
  return response.json().data as OutboxMail[];
}

/** Waits until `to` has at least `count` mails of `kind` (some are sent in the background); the newest. */
export async function waitForMail(
  tb: TestInstance,
  to: string,
  kind: string,
  count = 1,
  timeoutMs = 10_000,
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await mailsTo(tb, to)).filter((mail) => mail.kind === kind);
    if (mails.length >= count) return mails[0]!;
    if (Date.now() > deadline) throw new Error(`no ${kind} mail #${count} to ${to} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token of the link in a mail. */
export function tokenIn(mail: OutboxMail): string {
  const match = /[?&]token=([^\s&]+)/.exec(mail.text);
  if (!match) throw new Error(`no link in ${mail.text}`);
  return decodeURIComponent(match[1]!);
}
