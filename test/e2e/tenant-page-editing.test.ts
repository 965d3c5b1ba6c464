import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';
import { call } from './support/seed-console.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/tenant-page-editing: ${missing}`);

const OWNER = { tenant: 'hooli', email: 'owner@hooli.test', password: 'owner-password-1' };

describe.skipIf(missing)('the platform tenant page edits everything the API can', () => {
  let world: ConsoleWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'hooli', name: 'Hooli', tier: 'standard' });
    const owner = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    const { user: me } = await call<{ user: { id: string } }>(world.tb, owner, 'GET', '/auth/me');
    await call(world.tb, owner, 'PATCH', `/users/${me.id}`, { name: 'Olive Owner' });
    await call(world.tb, owner, 'POST', '/deployments', { project_name: 'audited-by-name' });
    page = await world.newPage();
    await signIn(page, PLATFORM_ADMIN);
    await page.waitForURL('**/console/tenants');
    await page.goto('/console/tenants/hooli');
    await page.getByRole('heading', { name: 'Hooli' }).waitFor();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('overrides a feature against its plan default and back', async () => {
    const features = page.getByRole('region', { name: 'Features' });
    const row = features.getByRole('row', { name: /BOM management/ });
    await row.getByText('Plan default (off)').waitFor({ state: 'attached' });
    await row.getByLabel('BOM management setting').selectOption('on');
    await row.locator('.badge-good').getByText('on').waitFor();
    await page.reload();
    const reloaded = page
      .getByRole('region', { name: 'Features' })
      .getByRole('row', { name: /BOM management/ });
    expect(await reloaded.getByLabel('BOM management setting').inputValue()).toBe('on');
    await reloaded.getByLabel('BOM management setting').selectOption('inherit');
    await reloaded.locator('.badge-muted').getByText('off').waitFor();
  });

  it('overrides limits, rejects a bad one on its field, and the usage card follows', async () => {
    const limits = page.getByRole('form', { name: 'Limit overrides' });
    await limits.getByLabel('Users').fill('many');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await limits.getByText('must be a whole number, or “unlimited”').waitFor();
    expect(await limits.getByLabel('Users').getAttribute('aria-invalid')).toBe('true');
    await limits.getByLabel('Users').fill('7');
    await limits.getByLabel('API requests per minute').fill('unlimited');
    await limits.getByRole('button', { name: 'Save limits' }).click();
    await page.getByRole('form', { name: 'Limit overrides' }).getByText('Limits saved.').waitFor();
    await page.getByRole('region', { name: 'Usage' }).getByText(/of 7/).waitFor();
    const stored = await call<{ limit_overrides: Record<string, unknown> }>(
      world.tb,
      await world.tb.adminToken(),
      'GET',
      '/tenants/hooli',
    );
    expect(stored.limit_overrides).toEqual({ max_users: 7, api_per_minute: null });
  });

  it('adds and removes host names, with the server’s refusal on the field', async () => {
    const hosts = page.getByRole('region', { name: 'Host names' });
    await hosts.getByLabel('New host name').fill('not a host');
    await hosts.getByRole('button', { name: 'Add host name' }).click();
    await hosts.getByText('must be a DNS name such as app.example.com').waitFor();
    expect(await hosts.getByLabel('New host name').getAttribute('aria-invalid')).toBe('true');
    await hosts.getByLabel('New host name').fill('app.hooli.example');
    await hosts.getByRole('button', { name: 'Add host name' }).click();
    await hosts.getByRole('list', { name: 'Host names' }).getByText('app.hooli.example').waitFor();
    await hosts.getByRole('button', { name: 'Remove app.hooli.example' }).click();
    await hosts.getByText('No custom host names').waitFor();
  });

  it('saves organisation settings and shows a bad email on its field', async () => {
    const settings = page.getByRole('form', { name: 'Organisation settings' });
    await settings.getByLabel('GST number').fill('GST-123');
    await settings.getByLabel('Contact email').fill('not-an-email');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('must be an email address').waitFor();
    await settings.getByLabel('Contact email').fill('billing@hooli.example');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('form', { name: 'Organisation settings' }).getByText('Settings saved.').waitFor();
    await page.reload();
    expect(await page.getByLabel('GST number').inputValue()).toBe('GST-123');
    expect(await page.getByLabel('Contact email').inputValue()).toBe('billing@hooli.example');
  });

  it('keeps the export history across reloads', async () => {
    const exports = page.getByRole('region', { name: 'Export' });
    await exports.getByRole('button', { name: 'Export data' }).click();
    await exports.getByRole('button', { name: 'Download' }).waitFor({ timeout: 60_000 });
    await page.reload();
    const history = page
      .getByRole('region', { name: 'Export' })
      .getByRole('table', { name: 'Export history' });
    await history.getByText(/Ready, /).waitFor();
    expect(await history.getByRole('row').count()).toBe(2);
  });

  it('imports an archive into a new tenant with a progress bar', async () => {
    const admin = await world.tb.adminToken();
    const [job] = await call<{ id: string }[]>(world.tb, admin, 'GET', '/tenants/hooli/exports');
    const archive = await world.tb.app.inject({
      url: `/api/v1/tenants/hooli/exports/${job!.id}?download=1`,
      headers: { authorization: `Bearer ${admin}` },
    });
    const file = path.join(os.tmpdir(), `hooli-${process.pid}.jsonl.gz`);
    await writeFile(file, archive.rawPayload);
    const form = page.getByRole('form', { name: 'Import an archive' });
    await form.getByRole('button', { name: 'Import archive' }).click();
    await form.getByText('is required').waitFor();
    await form.getByLabel('New tenant ID').fill('hooli-copy');
    await form.getByLabel('Archive (.jsonl.gz)').setInputFiles(file);
    // The answer is held back until the progress bar has been seen, so a fast machine cannot skip it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/tenants/hooli-copy/import', async (route) => {
      await held;
      await route.continue();
    });
    await form.getByRole('button', { name: 'Import archive' }).click();
    await form.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
    release();
    await form
      .getByRole('status')
      .getByText(/Imported \d+ rows into hooli-copy/)
      .waitFor({ timeout: 60_000 });
    const copy = await call<{ id: string; status: string }>(world.tb, admin, 'GET', '/tenants/hooli-copy');
    expect(copy.status).toBe('active');
  });

  it('shows recent activity and the tenant’s trail with people, not ids', async () => {
    const activity = page.getByRole('region', { name: 'Recent activity and audit' });
    const platform = activity.getByRole('list', { name: 'Recent platform activity' });
    await platform.getByText(PLATFORM_ADMIN.email).first().waitFor();
    const inside = activity.getByRole('list', { name: 'Latest audit entries' });
    await inside.getByText('Olive Owner').first().waitFor();
    expect(await inside.textContent()).toContain(OWNER.email);
  });
});

describe.skipIf(missing)('the audit trail names people and filters by person', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'piper', name: 'Pied Piper' });
    await world.tb.createTenant({ id: 'endframe', name: 'Endframe' });
    const owner = await world.tb.login('owner@piper.test', 'owner-password-1', 'piper');
    const { user: me } = await call<{ user: { id: string } }>(world.tb, owner, 'GET', '/auth/me');
    await call(world.tb, owner, 'PATCH', `/users/${me.id}`, { name: 'Richard Hendricks' });
    await call(world.tb, owner, 'POST', '/users', { email: 'dinesh@piper.test', role: 'member' });
    const other = await world.tb.login('owner@endframe.test', 'owner-password-1', 'endframe');
    await call(world.tb, other, 'POST', '/deployments', { project_name: 'not-yours' });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('shows the tenant owner by name and email, filters by person, and shows no other tenant', async () => {
    const page = await world.newPage();
    await signIn(page, { tenant: 'piper', email: 'owner@piper.test', password: 'owner-password-1' });
    await page.waitForURL('**/overview');
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit entries' });
    await table.getByText('Richard Hendricks').first().waitFor();
    expect(await table.textContent()).not.toContain('owner@endframe.test');
    const people = page.getByLabel('Person');
    const options = await people.locator('option').allTextContents();
    expect(options).toContain('Richard Hendricks (owner@piper.test)');
    expect(options.join(' ')).not.toContain('endframe');
    await people.selectOption({ label: 'Richard Hendricks (owner@piper.test)' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/actor_id=/);
    await table.getByText('Richard Hendricks').first().waitFor();
    const whos = await table.locator('td[data-label="Who"]').allTextContents();
    expect(whos.length).toBeGreaterThan(0);
    for (const who of whos) expect(who).toContain('Richard Hendricks');
  });
});
