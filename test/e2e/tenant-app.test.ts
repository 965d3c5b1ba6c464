import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, signIn, startConsoleWorld } from './support/console-world.js';
import { call, enrollMfa, totpCode } from './support/seed-console.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/tenant-app: ${missing}`);

const OWNER = { tenant: 'acme', email: 'owner@acme.test', password: 'owner-password-1' };

describe.skipIf(missing)('the tenant app in Chromium', () => {
  let world: ConsoleWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'acme', name: 'Acme Corp' });
    const token = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    for (let i = 1; i <= 25; i += 1) {
      const response = await world.tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${token}` },
        payload: { project_name: `bulk-${String(i).padStart(2, '0')}`, status: i % 2 ? 'active' : 'stopped' },
      });
      expect(response.statusCode).toBe(201);
    }
    page = await world.newPage();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('signs the owner in on the branded sign-in page and opens the overview', async () => {
    await page.goto('/sign-in?tenant=acme');
    await expect.poll(() => page.locator('.auth-brand-name').textContent()).toBe('Acme Corp');
    await signIn(page, OWNER);
    await page.waitForURL('**/overview');
    await page.getByRole('heading', { name: 'Overview · Acme Corp' }).waitFor();
    await page.getByText('Deployments by status').waitFor();
    expect(await page.locator('.stat-card').first().textContent()).toContain('25');
  });

  it('shows the API validation message beside the field, then creates the deployment', async () => {
    await page.getByRole('link', { name: 'Deployments', exact: true }).click();
    await page.getByRole('button', { name: 'New deployment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deployment' });
    await dialog.getByLabel('Project name').fill('needle-app');
    await dialog.getByLabel('URL (optional)').fill('ftp://not-http');
    await dialog.getByRole('button', { name: 'Create deployment' }).click();
    await dialog.locator('.field-invalid', { hasText: 'URL' }).locator('.field-error').waitFor();
    await dialog.getByLabel('URL (optional)').fill('https://needle.example.com');
    await dialog.getByRole('button', { name: 'Create deployment' }).click();
    await page.getByText('Deployment needle-app created.').waitFor();
  });

  it('finds it through the debounced search, with the search in the URL', async () => {
    await page.getByLabel('Search projects').fill('needle');
    await page.waitForURL(/q=needle/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').first().textContent()).toContain('needle-app');
    await page.reload();
    await expect.poll(() => page.getByLabel('Search projects').inputValue()).toBe('needle');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
  });

  it('finds it through page buttons, sorted by name', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Sort by').selectOption('name');
    await page.waitForURL(/sort=name/);
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain('bulk-01');
    await page.getByText('1–20 of 26').waitFor();
    expect(await page.getByRole('cell', { name: 'needle-app', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.waitForURL(/page=2/);
    await page.getByText('21–26 of 26').waitFor();
    await page.getByRole('cell', { name: 'needle-app', exact: true }).waitFor();
  });

  it('loads the rest by cursor when scrolling in infinite-scroll mode', async () => {
    await page.getByText('Infinite scroll').click();
    await page.waitForURL(/view=scroll/);
    await page.getByText('20 loaded').waitFor();
    await page.locator('.load-more').scrollIntoViewIfNeeded();
    await page.getByText('26 loaded · end of the list').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(26);
  });

  it('filters by status from the overview chart legend', async () => {
    await page.goto('/overview');
    await page.getByRole('link', { name: 'Stopped: 12' }).click();
    await page.waitForURL(/\/deployments\?status=stopped/);
    await page.getByText('1–12 of 12').waitFor();
  });

  it('renews an expired access token once with the refresh token, then retries', async () => {
    let refused = 0;
    let refreshed = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/refresh')) refreshed += 1;
    });
    const workflows = (url: URL) => url.pathname === '/api/v1/workflows';
    await page.route(workflows, async (route) => {
      if (refused > 0) return route.continue();
      refused += 1;
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          success: false,
          error: { code: 'UNAUTHENTICATED', message: 'The access token has expired' },
        }),
      });
    });
    await page.getByRole('link', { name: 'Workflows', exact: true }).click();
    await page.getByText('No workflows yet').waitFor();
    expect(refused).toBe(1);
    expect(refreshed).toBe(1);
    await page.unroute(workflows);
  });

  it('asks for the authenticator code when the account uses MFA', async () => {
    const owner = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    const user = { email: 'mfa@acme.test', password: 'mfa-password-1' };
    await call(world.tb, owner, 'POST', '/users', { ...user, role: 'member' });
    const secret = await enrollMfa(world.tb, await world.tb.login(user.email, user.password, OWNER.tenant));

    const second = await world.newPage();
    await signIn(second, { tenant: OWNER.tenant, ...user });
    await second.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await second.getByLabel('Authentication code').fill('000000');
    await second.getByRole('button', { name: 'Verify' }).click();
    await second.getByText('This code did not work.', { exact: false }).waitFor();
    // The enrolment spent this step's code; the next step's is accepted (one step of drift).
    await second.getByLabel('Authentication code').fill(totpCode(secret, 1));
    await second.getByRole('button', { name: 'Verify' }).click();
    await second.waitForURL('**/overview');
    await second.getByRole('link', { name: user.email }).waitFor();
  });
});
