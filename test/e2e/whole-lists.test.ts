import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';
import { call } from './support/seed-console.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/whole-lists: ${missing}`);

const OWNER = { tenant: 'wholly', email: 'owner@wholly.test', password: 'owner-password-1' };
const CUSTOM_ROLES = 100;
const KEYS = 45;
const STAFF = 30;

/** Rows of the table captioned `caption` (its header row excluded). */
const rowsOf = (page: Page, caption: string) =>
  page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');

/**
 * Roles, API keys and platform administrators are paged lists like any other (SPEC §5), but their
 * console pages show each list whole: every row, however many pages the API answers them in.
 */
describe.skipIf(missing)('console pages that show a whole list in Chromium', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: OWNER.tenant });
    const token = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    for (let i = 0; i < CUSTOM_ROLES; i++)
      await call(world.tb, token, 'POST', '/roles', {
        name: `custom-${String(i).padStart(3, '0')}`,
        permissions: ['deployments:read'],
      });
    for (let i = 0; i < KEYS; i++)
      await call(world.tb, token, 'POST', '/api-keys', {
        name: `key ${i}`,
        permissions: ['deployments:read'],
      });
    for (let i = 0; i < STAFF; i++)
      await world.tb.services.tenancy.adminPool.query(
        `insert into platform.platform_admins (id, email, password_hash, role, created_at)
         values ($1, $2, 'not-a-hash', 'platform_support', now())`,
        [randomUUID(), `staff-${i}@operator.test`],
      );
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it('shows every role and every API key of the workspace', async () => {
    const page = await world.newPage();
    await signIn(page, OWNER);
    await page.waitForURL('**/overview');
    await page.goto('/admin/roles');
    await page.getByText('custom-099').waitFor();
    const builtIn = await page.locator('.badge', { hasText: 'built-in' }).count();
    expect(builtIn).toBeGreaterThan(0);
    expect(await rowsOf(page, 'Roles').count()).toBe(CUSTOM_ROLES + builtIn);

    await page.goto('/admin/api-keys');
    await page.getByText('key 0', { exact: true }).waitFor();
    expect(await rowsOf(page, 'API keys').count()).toBe(KEYS);
  });

  it('shows every platform administrator', async () => {
    const page = await world.newPage();
    await signIn(page, PLATFORM_ADMIN);
    await page.waitForURL('**/console/tenants');
    await page.goto('/console/admins');
    await page.getByText(`staff-${STAFF - 1}@operator.test`).waitFor();
    expect(await rowsOf(page, 'Platform admins').count()).toBe(STAFF + 1);
  });
});
