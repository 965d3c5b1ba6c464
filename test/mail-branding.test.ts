import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Isolation } from '../src/tenancy/tenant-scope.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from './support/test-instance.js';

let tb: TestInstance;
beforeAll(async () => {
  tb = await startTestInstance();
});
afterAll(async () => {
  await tb?.destroy();
});

interface SentMail {
  kind: string;
  text: string;
  html: string | null;
  tenantId: string | null;
}

/**
 * A mail as the development outbox received it from the send_mail job: both parts were made when
 * it was queued (a done job's payload is wiped, so the outbox is where they can be read).
 */
async function waitForMail(to: string, kind: string): Promise<SentMail> {
  for (let i = 0; i < 200; i += 1) {
    const row = await tb.services.tenancy.platformDb
      .selectFrom('platform.mail_outbox')
      .select(['kind', 'body', 'html', 'tenant_id'])
      .where('recipient', '=', to)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (row) return { kind: row.kind, text: row.body, html: row.html, tenantId: row.tenant_id };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no ${kind} mail for ${to}`);
}

function api(token: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return tb.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload ? { payload } : {}),
  });
}

describe.each(ISOLATIONS)('mail of a tenant in %s isolation', (isolation: Isolation) => {
  const id = `mail-${isolation}`;
  const other = `mail-${isolation}-other`;
  const name = `Bright <script>alert("${isolation}")</script> & Co`;

  beforeAll(async () => {
    await tb.createTenant({ id, isolation, tier: 'enterprise' });
    await tb.createTenant({ id: other, isolation, tier: 'enterprise' });
    const owner = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    const branded = await api(owner, 'PATCH', `/tenants/${id}/branding`, {
      company_name: name,
      primary_color: '#c0ffee',
      logo_url: 'https://cdn.example.com/logo.png?a=1&b=2',
    });
    expect(branded.statusCode).toBe(200);
    const otherOwner = await tb.login(`owner@${other}.test`, 'owner-password-1', other);
    expect(
      (
        await api(otherOwner, 'PATCH', `/tenants/${other}/branding`, {
          company_name: 'Other Brand',
          primary_color: '#123456',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await api(owner, 'POST', '/users', { email: `invitee@${id}.test`, role: 'member' })).statusCode,
    ).toBe(201);
    expect(
      (await api(null, 'POST', '/auth/forgot-password', { email: `owner@${id}.test`, tenant_id: id }))
        .statusCode,
    ).toBeLessThan(300);
  });

  for (const kind of ['invitation', 'password_reset'] as const) {
    it(`sends the ${kind} mail as text and HTML with the tenant's brand, escaped`, async () => {
      const to = kind === 'invitation' ? `invitee@${id}.test` : `owner@${id}.test`;
      const mail = await waitForMail(to, kind);
      expect(mail.tenantId).toBe(id);
      expect(mail.text).toMatch(/https?:\/\/\S+token=/);
      expect(mail.html).toEqual(expect.any(String));
      const html = mail.html!;
      expect(html).toContain('Bright &lt;script&gt;alert(&quot;');
      expect(html).not.toContain('<script');
      expect(html).toContain('#c0ffee');
      expect(html).toContain('src="https://cdn.example.com/logo.png?a=1&amp;b=2"');
      const link = /https?:\/\/\S+token=\S+/.exec(mail.text)![0];
      expect(html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
      // Nothing of another tenant's brand.
      expect(html).not.toContain('Other Brand');
      expect(html).not.toContain('#123456');
    });
  }

  it('drops a colour or logo that is not what branding allows', async () => {
    await tb.services.tenancy.platformDb
      .updateTable('platform.tenants')
      .set({
        branding: JSON.stringify({
          company_name: 'Sneaky',
          primary_color: 'red;background:url(javascript:alert(1))',
          logo_url: 'javascript:alert(1)',
        }) as never,
      })
      .where('id', '=', other)
      .execute();
    const owner = await tb.login(`owner@${other}.test`, 'owner-password-1', other);
    expect(
      (await api(owner, 'POST', '/users', { email: `invitee@${other}.test`, role: 'member' })).statusCode,
    ).toBe(201);
    const html = (await waitForMail(`invitee@${other}.test`, 'invitation')).html!;
    expect(html).toContain('Sneaky');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
  });
});

describe('the signup verification mail', () => {
  it('carries the company being created, escaped, in text and HTML', async () => {
    const signup = await api(null, 'POST', '/auth/signup', {
      tenant_id: 'mail-signup',
      company_name: 'Fresh <b>Start</b>',
      email: 'founder@fresh.test',
      password: 'founder-password-1',
    });
    expect(signup.statusCode).toBeLessThan(300);
    const mail = await waitForMail('founder@fresh.test', 'signup_verification');
    expect(mail.text).toContain('Fresh <b>Start</b>');
    expect(mail.html).toContain('Fresh &lt;b&gt;Start&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>');
  });
});
