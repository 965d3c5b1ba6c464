import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { SmtpMailer } from './smtp-mailer.js';

/** A loopback SMTP server that speaks just enough of RFC 5321 to take one message at a time. */
function smtpServer(received: string[]): net.Server {
  return net.createServer((socket) => {
    let data: string | undefined;
    let buffer = '';
    socket.write('220 test ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== undefined) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push(data + buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = undefined;
          socket.write('250 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (line.startsWith('DATA')) {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (line.startsWith('QUIT')) {
          socket.end('221 bye\r\n');
        } else {
          socket.write(line.startsWith('EHLO') ? '250 test\r\n' : '250 ok\r\n');
        }
      }
    });
  });
}

const received: string[] = [];
const server = smtpServer(received);
let port = 0;

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends plain-text mail through the SMTP server of SMTP_URL', async () => {
  const mailer = new SmtpMailer(
    `smtp://127.0.0.1:${port}`,
    'Acme <no-reply@acme.test>',
    'https://app.acme.test',
  );
  await mailer.send({
    to: 'ada@acme.test',
    subject: 'You are invited',
    text: 'Choose your password: https://app.acme.test/accept-invite?token=x',
    kind: 'invitation',
    tenantId: 'acme',
  });
  await mailer.close();
  expect(received).toHaveLength(1);
  expect(received[0]).toContain('To: ada@acme.test');
  expect(received[0]).toContain('From: Acme <no-reply@acme.test>');
  expect(received[0]).toContain('Subject: You are invited');
  expect(received[0]).toContain('accept-invite?token=x');
});

it('sends the HTML part beside the text part when the queue made one', async () => {
  const mailer = new SmtpMailer(
    `smtp://127.0.0.1:${port}`,
    'Acme <no-reply@acme.test>',
    'https://app.acme.test',
  );
  await mailer.send({
    to: 'bea@acme.test',
    subject: 'Reset your password',
    text: 'Choose a new password: https://app.acme.test/reset-password?token=y',
    html: '<p style="color:#c0ffee">Choose a new password</p>',
    kind: 'password_reset',
    tenantId: 'acme',
  });
  await mailer.close();
  const mail = received.at(-1)!;
  expect(mail).toContain('To: bea@acme.test');
  expect(mail).toMatch(/Content-Type: multipart\/alternative/i);
  expect(mail).toMatch(/Content-Type: text\/plain/i);
  expect(mail).toMatch(/Content-Type: text\/html/i);
  expect(mail).toContain('reset-password?token=y');
  expect(mail).toContain('#c0ffee');
});

it('turns an unreachable server into 503 UNAVAILABLE, so the caller rolls back and may retry', async () => {
  const closed = net.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const deadPort = (closed.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const mailer = new SmtpMailer(
    `smtp://127.0.0.1:${deadPort}`,
    'no-reply@acme.test',
    'https://app.acme.test',
  );
  const sending = mailer.send({
    to: 'ada@acme.test',
    subject: 's',
    text: 't',
    kind: 'invitation',
    tenantId: null,
  });
  await expect(sending).rejects.toBeInstanceOf(AppError);
  await expect(sending).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  await mailer.close();
});

it('gives up on a server that accepts the connection and then says nothing (SMTP_TIMEOUT_MS)', async () => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => sockets.add(socket));
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  const silentPort = (silent.address() as net.AddressInfo).port;
  const mailer = new SmtpMailer(
    `smtp://127.0.0.1:${silentPort}`,
    'no-reply@acme.test',
    'https://app.acme.test',
    300,
  );
  try {
    // Without the timeout nodemailer waits 30 s for the greeting; the test's own limit is below that.
    await expect(
      mailer.send({ to: 'ada@acme.test', subject: 's', text: 't', kind: 'invitation', tenantId: null }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(sockets.size).toBe(1);
  } finally {
    await mailer.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
}, 20_000);
