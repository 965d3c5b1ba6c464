import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/tenant-move-console: ${missing}`);

/*
 * The platform administrator moves a pool tenant to its own schema from the tenant's page: chooses
 * the model, confirms, watches the move job to the end, and the page then shows the new model;
 * the tenant's data is there, under the same id.
 */
describe.skipIf(missing)('moving a tenant from the console', () => {
  let world: ConsoleWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'hooli', name: 'Hooli', isolation: 'pool' });
    const owner = await world.tb.login('owner@hooli.test', 'owner-password-1', 'hooli');
    for (const name of ['nucleus', 'signal']) {
      const created = await world.tb.app.inject({
        method: 'POST',
        url: '/api/v1/deployments',
        headers: { authorization: `Bearer ${owner}` },
        payload: { project_name: name },
      });
      expect(created.statusCode).toBe(201);
    }
    page = await world.newPage();
    await signIn(page, PLATFORM_ADMIN);
    await page.waitForURL('**/console/tenants');
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it('moves a pool tenant to schema and sees it finish', { timeout: 120_000 }, async () => {
    await page.goto('/console/tenants/hooli');
    await page.getByRole('heading', { name: 'Hooli' }).waitFor();
    const model = page.getByLabel('Move to');
    expect(await model.locator('option').allTextContents()).toEqual(['schema', 'database']);
    await model.selectOption('schema');
    await page.getByRole('button', { name: 'Move…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move hooli' });
    await dialog.getByText('keeps serving').waitFor();
    await dialog.getByRole('button', { name: 'Move to schema' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('Moved.').waitFor({ timeout: 90_000 });
    await page.getByText('Now schema.').waitFor();
    expect(await page.getByLabel('Move to').locator('option').allTextContents()).toEqual([
      'pool',
      'database',
    ]);

    const tenant = (
      await world.tb.app.inject({
        url: '/api/v1/tenants/hooli',
        headers: { authorization: `Bearer ${await world.tb.adminToken()}` },
      })
    ).json().data;
    expect(tenant).toMatchObject({ id: 'hooli', isolation: 'schema', status: 'active' });
    const owner = await world.tb.login('owner@hooli.test', 'owner-password-1', 'hooli');
    const listed = await world.tb.app.inject({
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(
      listed
        .json()
        .data.map((d: { project_name: string }) => d.project_name)
        .sort(),
    ).toEqual(['nucleus', 'signal']);
  });

  it('shows the refusal on the form when the move cannot start', { timeout: 60_000 }, async () => {
    // Suspended behind the page's back: the server refuses, the dialog says why and stays open.
    const suspended = await world.tb.app.inject({
      method: 'POST',
      url: '/api/v1/tenants/hooli/suspend',
      headers: { authorization: `Bearer ${await world.tb.adminToken()}` },
    });
    expect(suspended.statusCode).toBe(200);
    await page.getByLabel('Move to').selectOption('pool');
    await page.getByRole('button', { name: 'Move…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move hooli' });
    await dialog.getByRole('button', { name: 'Move to pool' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('Only an active tenant can be moved');
    expect(await page.getByRole('status').textContent()).toContain('Moved.');
  });
});
