import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/platform-console: ${missing}`);

describe.skipIf(missing)('the platform console in Chromium', () => {
  let world: ConsoleWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'initech', name: 'Initech' });
    page = await world.newPage();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('signs the platform administrator in without a workspace', async () => {
    await signIn(page, PLATFORM_ADMIN);
    await page.waitForURL('**/console/tenants');
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    await page.getByRole('link', { name: /Initech/ }).waitFor();
  });

  it('creates a tenant and watches it become active', async () => {
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a tenant' });
    await dialog.getByLabel('Company name').fill('Globex Corporation');
    expect(await dialog.getByLabel('Tenant ID').inputValue()).toBe('globex-corporation');
    await dialog.getByLabel('Tier').selectOption('premium');
    await dialog.getByLabel("Owner's email").fill('owner@globex.test');
    await dialog.getByLabel("Owner's password (optional)").fill('owner-password-1');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await dialog.getByRole('list', { name: 'Provisioning of globex-corporation' }).waitFor();
    await dialog.getByText('Tenant globex-corporation is active.').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('.step-done').count()).toBe(await dialog.locator('.step').count());
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    const row = page.getByRole('row', { name: /Globex Corporation/ });
    await row.getByText('active').waitFor();
    await row.getByText('schema').waitFor();
  });

  it('acts inside a tenant with the header selector, clearly marked', async () => {
    await page.getByLabel('Act inside tenant').selectOption('globex-corporation');
    await page.waitForURL('**/overview');
    const banner = page.getByRole('region', { name: 'Acting inside a tenant' });
    await banner.getByText('Acting inside tenant globex-corporation').waitFor();
    await page.getByRole('heading', { name: 'Overview · Globex Corporation' }).waitFor();

    await page.getByRole('link', { name: 'Deployments', exact: true }).click();
    await page.getByRole('button', { name: 'New deployment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deployment' });
    await dialog.getByLabel('Project name').fill('made-by-the-platform');
    await dialog.getByRole('button', { name: 'Create deployment' }).click();
    await page.getByRole('cell', { name: 'made-by-the-platform', exact: true }).waitFor();

    await page.reload();
    await banner.getByText('Acting inside tenant globex-corporation').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('tenantbase.acting_tenant'))).toBe(
      'globex-corporation',
    );

    await page.getByLabel('Act inside tenant').selectOption('initech');
    await page.waitForURL('**/overview');
    await banner.getByText('Acting inside tenant initech').waitFor();
    await page.getByRole('link', { name: 'Deployments', exact: true }).click();
    await page.getByText('No deployments yet').waitFor();

    await banner.getByRole('button', { name: 'Leave tenant' }).click();
    await page.waitForURL('**/console/tenants');
    expect(await banner.count()).toBe(0);
  });

  it('keeps the deployment in the tenant it was made in', async () => {
    const token = await world.tb.login('owner@globex.test', 'owner-password-1', 'globex-corporation');
    const response = await world.tb.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.json().data.map((d: { project_name: string }) => d.project_name)).toEqual([
      'made-by-the-platform',
    ]);
  });

  it('suspends and resumes a tenant from its page', async () => {
    await page.getByRole('link', { name: /Initech/ }).click();
    await page.getByRole('heading', { name: 'Initech' }).waitFor();
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page
      .getByRole('dialog', { name: 'Suspend initech' })
      .getByRole('button', { name: 'Suspend' })
      .click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Suspend' }).waitFor();
  });
});
