import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushTenantTraffic } from '../../src/modules/fleet-reports/flush-tenant-traffic.js';
import { rollupFleet } from '../../src/modules/fleet-reports/rollup-fleet.js';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/fleet-and-doctor: ${missing}`);

describe.skipIf(missing)('the Fleet and Isolation doctor pages in Chromium', () => {
  let world: ConsoleWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'fleet-pool', name: 'Pool Works', isolation: 'pool' });
    await world.tb.createTenant({
      id: 'fleet-schema',
      name: 'Schema Labs',
      isolation: 'schema',
      tier: 'premium',
    });
    const token = await world.tb.login('owner@fleet-schema.test', 'owner-password-1', 'fleet-schema');
    for (let i = 0; i < 4; i++)
      await world.tb.app.inject({
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${token}` },
      });
    await flushTenantTraffic(world.tb.services.tenancy.platformDb, world.tb.services.metrics.traffic);
    await rollupFleet(world.tb.services.tenancy);
    page = await world.newPage();
    await signIn(page, PLATFORM_ADMIN);
    await page.waitForURL('**/console/tenants');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('lists every tenant with its numbers, sorts on a whole header, filters and keeps it in the URL', async () => {
    await page.getByRole('link', { name: 'Fleet', exact: true }).click();
    await page.getByRole('heading', { name: 'Fleet' }).waitFor();
    const schemaRow = page.getByRole('row', { name: /Schema Labs/ });
    await schemaRow.waitFor();
    expect(await schemaRow.getByRole('cell').nth(6).innerText()).toMatch(/^[4-9]$/);
    await page.getByRole('figure').filter({ hasText: 'Requests and errors per day' }).waitFor();

    await page.getByRole('button', { name: /^Tenant/ }).click();
    await page.waitForURL(/sort=name/);
    // The URL changes before the refetched rows render, so wait for the order rather than read once.
    await expect
      .poll(async () => {
        const names = await page.locator('tbody tr td:first-child a').allInnerTexts();
        return names.join('|') === [...names].sort((a, b) => a.localeCompare(b)).join('|');
      })
      .toBe(true);

    await page.getByLabel('Isolation').selectOption('schema');
    await page.waitForURL(/isolation=schema/);
    await page.getByRole('row', { name: /Pool Works/ }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.reload();
    await page.getByRole('row', { name: /Schema Labs/ }).waitFor();
    expect(await page.getByLabel('Isolation').inputValue()).toBe('schema');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^tenants-.*\.csv$/);
  });

  it('draws the persisted hourly traffic on the traffic page, after a reload too', async () => {
    await page.getByRole('link', { name: 'Traffic', exact: true }).click();
    await page.getByRole('heading', { name: 'Last 24 hours, every process' }).waitFor();
    await page.locator('figcaption', { hasText: 'Requests per hour' }).waitFor();
    await page.getByLabel('Tenant (empty for the whole fleet)').fill('fleet-schema');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('figcaption', { hasText: 'Requests per hour' }).waitFor();
    await page.reload();
    await page.locator('figcaption', { hasText: 'Requests per hour' }).waitFor();
  });

  it('shows a healthy install, then a failure with its fix', async () => {
    await page.getByRole('link', { name: 'Isolation doctor' }).click();
    await page.getByRole('status').getByText('Isolation is intact.').waitFor({ timeout: 60_000 });
    await page.getByText('Nothing to fix').waitFor();

    const role = quoteIdent(world.tb.services.tenancy.endpoints.names.appRole);
    await world.tb.services.tenancy.adminPool.query(`grant create on schema platform to ${role}`);
    try {
      await page.getByRole('button', { name: 'Run again' }).click();
      await page
        .getByRole('status')
        .getByText(/1 check failed\./)
        .waitFor({ timeout: 60_000 });
      const failure = page.getByRole('listitem').filter({ hasText: 'app-role:shared-schemas' });
      await failure
        .getByText(/may create objects in schema platform\. Fix: as the owner, REVOKE CREATE/)
        .waitFor();
    } finally {
      await world.tb.services.tenancy.adminPool.query(`revoke create on schema platform from ${role}`);
    }
  });
});
