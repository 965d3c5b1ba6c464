import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandCsv, demandRows } from '../forecasting/forecasting-calls.js';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/forecasting-console: ${missing}`);

const OWNER = { tenant: 'fcweb', email: 'owner@fcweb.test', password: 'owner-password-1' };

describe.skipIf(missing)('the forecasting pages in Chromium', () => {
  let world: ConsoleWorld;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'fcweb', name: 'Forecast Co' });
    token = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    const rows = [
      ...demandRows('widget-large', 150, '2026-03-31', 40),
      ...demandRows('widget-small', 150, '2026-03-31', 4),
      ...demandRows('gadget', 120, '2026-03-31', 12),
    ];
    const ingested = await world.tb.app.inject({
      method: 'POST',
      url: '/api/v1/demand',
      headers: { authorization: `Bearer ${token}` },
      payload: { rows },
    });
    expect(ingested.statusCode, ingested.body).toBe(200);
    page = await world.newPage();
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it('lists items by volume and finds one by search', async () => {
    await page.goto('/sign-in?tenant=fcweb');
    await signIn(page, OWNER);
    await page.waitForURL('**/overview');
    await page.getByRole('link', { name: 'Forecasting', exact: true }).click();
    await page.getByRole('heading', { name: 'Forecasting' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    expect(await page.locator('tbody tr').first().textContent()).toContain('widget-large');
    await page.getByLabel('Sort').selectOption('total_units');
    await page.waitForURL(/sort=total_units/);
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain('widget-small');
    await page.getByLabel('Search items').fill('gadg');
    await page.waitForURL(/q=gadg/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
  });

  it('uploads a CSV file with progress and shows what it did', async () => {
    const file = path.join(os.tmpdir(), `demand-${process.pid}.csv`);
    await writeFile(file, demandCsv(demandRows('gizmo', 60, '2026-03-31', 9)));
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('60 rows: 60 new, 0 updated.').waitFor();
    await page.getByLabel('Search items').fill('');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(4);
  });

  it('runs a forecast from the form and follows its progress to done', async () => {
    await page.getByLabel('Horizon (days)').fill('21');
    await page.getByLabel('Method').selectOption('seasonal_naive');
    await page.getByRole('button', { name: 'Run forecast' }).click();
    await page.waitForURL('**/forecasting/runs');
    await page.getByRole('heading', { name: 'Forecast runs' }).waitFor();
    await page.locator('tbody tr', { hasText: 'done' }).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('tbody tr').first().textContent()).toContain('4 / 4');
    await page.screenshot({ path: path.join(os.tmpdir(), 'forecasting-runs.png') });
  });

  it('charts an item with its forecast bands, quality and reorder advice', async () => {
    await page.goto('/forecasting/items/widget-large');
    await page.getByRole('heading', { name: 'widget-large' }).waitFor();
    await page.getByText('100 days of history and 21 forecast days.').waitFor();
    await expect.poll(() => page.locator('.recharts-area').count()).toBe(2);
    await page.getByText('Backtest quality').waitFor();
    await expect.poll(() => page.locator('dd').first().textContent()).toMatch(/%$/);
    await page.getByLabel('Lead time (days)').fill('14');
    const reorder = page
      .locator('dt', { hasText: 'Reorder point' })
      .locator('xpath=following-sibling::dd[1]');
    await expect
      .poll(async () => Number((await reorder.textContent())?.replace(/,/g, '')))
      .toBeGreaterThan(0);
  });
});
