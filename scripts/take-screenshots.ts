import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { flushTenantTraffic } from '../src/modules/fleet-reports/flush-tenant-traffic.js';
import { rollupFleet } from '../src/modules/fleet-reports/rollup-fleet.js';
import { chromiumMissing } from '../test/e2e/support/chromium.js';
import {
  type ConsoleWorld,
  PLATFORM_ADMIN,
  signIn,
  startConsoleWorld,
} from '../test/e2e/support/console-world.js';
import { tokenIn, waitForMail } from '../test/support/outbox.js';
import { seedShowcase, SHOWCASE_OWNER } from './screenshot-data.js';

/**
 * `npm run screenshots`: refreshes docs/screenshots/*.png, one per main page of the console, on
 * a throwaway instance seeded with sample data. Look at them after a UI change.
 */
const OUT = path.resolve('docs/screenshots');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 375, height: 760 };

let world: ConsoleWorld;

async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: options.fullPage ?? false });
  console.log(`docs/screenshots/${name}.png`);
}

async function visit(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.getByText(ready, { exact: false }).first().waitFor();
}

/** A little traffic in two tenants, some of it failing, for the traffic page to draw. */
async function tenantTraffic(world: ConsoleWorld): Promise<void> {
  const authorization = `Bearer ${await world.tb.adminToken()}`;
  for (const [tenant, url] of [
    ['acme', '/api/v1/deployments?per_page=5'],
    ['acme', '/api/v1/workflows'],
    ['globex', '/api/v1/deployments'],
    ['globex', '/api/v1/deployments/00000000-0000-0000-0000-000000000000'],
  ] as const) {
    await world.tb.app.inject({ url, headers: { authorization, 'x-tenant-id': tenant } });
  }
}

const missing = chromiumMissing();
if (missing) console.log(`screenshots: ${missing}`);

beforeAll(async () => {
  if (missing) return;
  await mkdir(OUT, { recursive: true });
  world = await startConsoleWorld();
  await seedShowcase(world.tb);
});
afterAll(async () => {
  await world?.close();
});

it.skipIf(missing)('takes a screenshot of each main page', async () => {
  const visitor = await world.newPage(DESKTOP);
  await visit(visitor, '/sign-in?tenant=acme', 'Acme Dental');
  await shoot(visitor, 'sign-in');
  const phoneVisitor = await world.newPage(PHONE);
  await visit(phoneVisitor, '/sign-in?tenant=acme', 'Acme Dental');
  await shoot(phoneVisitor, 'sign-in-phone');

  const owner = await world.newPage(DESKTOP);
  await signIn(owner, SHOWCASE_OWNER);
  await owner.waitForURL('**/overview');
  await owner.getByText('Deployments by status').waitFor();
  await shoot(owner, 'tenant-overview');
  await visit(owner, '/deployments', 'of 64');
  await shoot(owner, 'deployments');
  await owner.getByRole('button', { name: 'New deployment' }).click();
  const dialog = owner.getByRole('dialog', { name: 'New deployment' });
  await dialog.getByLabel('Project name').fill('checkout');
  await dialog.getByLabel('URL (optional)').fill('ftp://checkout');
  await dialog.getByRole('button', { name: 'Create deployment' }).click();
  await dialog.locator('.field-error').first().waitFor();
  await shoot(owner, 'deployment-validation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await visit(owner, '/workflows?view=scroll&status=active', 'loaded');
  await shoot(owner, 'workflows-infinite-scroll');
  await visit(owner, '/forecasting', 'anesthetic');
  await shoot(owner, 'forecasting-items');
  await visit(owner, '/forecasting/items/composite', 'forecast days');
  await owner.locator('.recharts-area').first().waitFor();
  await owner.getByText('Reorder point').waitFor();
  await shoot(owner, 'forecasting-item', { fullPage: true });
  await visit(owner, '/forecasting/runs', 'done');
  await shoot(owner, 'forecasting-runs');
  await visit(owner, '/admin/users', 'seats');
  await shoot(owner, 'users');
  await owner.getByRole('button', { name: 'Invite user' }).click();
  const invite = owner.getByRole('dialog', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill('one-too-many@acme.test');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await invite.getByText('User limit reached').waitFor();
  await shoot(owner, 'users-limit-reached');
  await invite.getByRole('button', { name: 'Cancel' }).click();
  await visit(owner, '/admin/roles', 'built-in');
  await shoot(owner, 'roles');
  await visit(owner, '/admin/api-keys', 'ci-pipeline');
  await shoot(owner, 'api-keys');
  await owner.getByRole('button', { name: 'New API key' }).click();
  const newKey = owner.getByRole('dialog', { name: 'New API key' });
  await newKey.getByLabel('Name').fill('deploy-bot');
  await newKey.getByRole('button', { name: 'Create key' }).click();
  await newKey.getByText('Copy the API key now').waitFor();
  await shoot(owner, 'api-key-shown-once');
  await newKey.getByRole('button', { name: 'Done' }).click();
  await visit(owner, '/admin/branding', 'Preview of your sign-in page');
  await shoot(owner, 'branding');
  await visit(owner, '/admin/features', 'Patient management');
  await shoot(owner, 'features');
  await visit(owner, '/entries/patients', 'Maria Garcia');
  await shoot(owner, 'entries-patients');
  await owner.getByRole('button', { name: 'New entry' }).click();
  const entry = owner.getByRole('dialog', { name: 'New patients entry' });
  await entry.getByLabel('Full name *').fill('Ada Lovelace');
  await entry.getByLabel('Email').fill('ada@');
  await entry.getByLabel('Birth date').fill('1815-12-10');
  await entry.getByRole('button', { name: 'Create entry' }).click();
  await entry.locator('.field-error').first().waitFor();
  await shoot(owner, 'entries-validation');
  await entry.getByRole('button', { name: 'Cancel' }).click();
  await visit(owner, '/entries/treatments', 'D2740');
  await shoot(owner, 'entries-treatments');
  await visit(owner, '/admin/entry-types', 'dental_supplies');
  await owner
    .getByRole('row', { name: /treatments/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  await owner.getByRole('region', { name: 'Schema preview' }).getByLabel('Tooth (FDI)').waitFor();
  await shoot(owner, 'entry-type-editor');
  await owner.getByRole('button', { name: 'Cancel' }).click();
  await visit(owner, '/admin/identity-provider', 'Save identity provider');
  await shoot(owner, 'identity-provider');
  await visit(owner, '/admin/audit', 'user.invite');
  await shoot(owner, 'audit-trail');
  await visit(owner, '/account', 'Two-factor authentication');
  await shoot(owner, 'account-security');
  const phoneOwner = await world.newPage(PHONE);
  await signIn(phoneOwner, SHOWCASE_OWNER);
  await phoneOwner.waitForURL('**/overview');
  await visit(phoneOwner, '/deployments?status=active&per_page=5', 'of ');
  await shoot(phoneOwner, 'deployments-phone', { fullPage: true });

  const admin = await world.newPage(DESKTOP);
  await signIn(admin, PLATFORM_ADMIN);
  await admin.waitForURL('**/console/tenants');
  await admin.getByText('users').first().waitFor();
  await shoot(admin, 'platform-tenants');
  await admin.getByRole('button', { name: 'Create tenant' }).click();
  const create = admin.getByRole('dialog', { name: 'Create a tenant' });
  await create.getByLabel('Company name').fill('Umbrella Manufacturing');
  await create.getByLabel('Business domain').selectOption('manufacturing');
  await create.getByLabel("Owner's email").fill('owner@umbrella.test');
  await create.getByRole('button', { name: 'Create tenant' }).click();
  await create.getByText('is active.').waitFor({ timeout: 60_000 });
  await shoot(admin, 'platform-tenant-provisioned');
  await create.getByRole('button', { name: 'Close' }).last().click();
  await visit(admin, '/console/tenants/acme', 'Export data');
  await shoot(admin, 'platform-tenant-detail', { fullPage: true });
  const phoneAdmin = await world.newPage(PHONE);
  await signIn(phoneAdmin, PLATFORM_ADMIN);
  await phoneAdmin.waitForURL('**/console/tenants');
  await visit(phoneAdmin, '/console/tenants/acme', 'Export data');
  await shoot(phoneAdmin, 'platform-tenant-detail-phone', { fullPage: true });
  await visit(admin, '/console/demo-requests', 'Initrode');
  await shoot(admin, 'platform-demo-requests');
  await visit(admin, '/console/outbox', 'You are invited');
  await admin.locator('.mail summary').first().click();
  await shoot(admin, 'platform-outbox');
  await admin.goto('/console/traffic?every=2');
  const traffic = setInterval(() => void tenantTraffic(world), 250);
  try {
    await admin.locator('figcaption', { hasText: 'Request rate' }).waitFor({ timeout: 20_000 });
    await admin.waitForTimeout(12_000);
  } finally {
    clearInterval(traffic);
  }
  await shoot(admin, 'platform-traffic');
  await flushTenantTraffic(world.tb.services.tenancy.platformDb, world.tb.services.metrics.traffic);
  await rollupFleet(world.tb.services.tenancy);
  await visit(admin, '/console/fleet', 'Requests and errors per day');
  await shoot(admin, 'platform-fleet', { fullPage: true });
  await visit(admin, '/console/doctor', 'Isolation is intact.');
  await shoot(admin, 'platform-doctor');
  await admin.getByLabel('Act inside tenant').selectOption('acme');
  await admin.getByText('Acting inside tenant acme').waitFor();
  await admin.getByText('Deployments by status').waitFor();
  await shoot(admin, 'platform-acting-in-tenant');
  expect(true).toBe(true);
});

it.skipIf(missing)('takes the signup, platform admin, billing and profile pages', async () => {
  const visitor = await world.newPage(DESKTOP);
  await visit(visitor, '/signup', 'Create your workspace');
  await visitor.getByLabel('Company').fill('Stark Dental Group');
  await visitor.getByLabel('Work email').fill('pepper@stark.test');
  await visitor.getByLabel('Password').fill('stark-password-1');
  await visitor.getByLabel('Business').selectOption('dental');
  await visitor.getByText('stark-dental-group is available.').waitFor();
  await shoot(visitor, 'signup');
  await visitor.getByRole('button', { name: 'Create workspace' }).click();
  await visitor.getByRole('heading', { name: 'Check your mail' }).waitFor();
  await shoot(visitor, 'signup-check-mail');
  const mail = await waitForMail(world.tb, 'pepper@stark.test', 'signup_verification', 1, 30_000);
  await visitor.goto(`/signup/verify?token=${encodeURIComponent(tokenIn(mail))}`);
  await visitor.getByText('stark-dental-group is ready.').waitFor({ timeout: 60_000 });
  await shoot(visitor, 'signup-ready');

  const admin = await world.newPage(DESKTOP);
  await signIn(admin, PLATFORM_ADMIN);
  await admin.waitForURL('**/console/tenants');
  for (const [email, role] of [
    ['sam@operator.test', 'platform_support'],
    ['bill@operator.test', 'platform_billing'],
  ] as const) {
    await world.tb.app.inject({
      method: 'POST',
      url: '/api/v1/platform/admins',
      headers: { authorization: `Bearer ${await world.tb.adminToken()}` },
      payload: { email, role, password: 'staff-password-1' },
    });
  }
  await visit(admin, '/console/admins', 'bill@operator.test');
  await shoot(admin, 'platform-admins');
  await world.tb.app.inject({
    method: 'PUT',
    url: '/api/v1/tenants/acme/billing',
    headers: { authorization: `Bearer ${await world.tb.adminToken()}` },
    payload: { provider: 'stripe', customer_id: 'cus_NffrFeUfNV2Hib' },
  });
  await visit(admin, '/console/tenants/acme', 'cus_NffrFeUfNV2Hib');
  await admin.getByRole('heading', { name: 'Billing' }).scrollIntoViewIfNeeded();
  await shoot(admin, 'platform-tenant-billing');

  const owner = await world.newPage(DESKTOP);
  await signIn(owner, SHOWCASE_OWNER);
  await owner.waitForURL('**/overview');
  await visit(owner, '/admin/users', 'seats');
  await owner
    .getByRole('button', { name: /^Edit the profile of/ })
    .first()
    .click();
  const profile = owner.getByRole('dialog');
  await profile.getByLabel('Name').fill('Dana Whitlock');
  await profile.getByLabel('Job title').fill('Practice manager');
  await profile.getByLabel('Department').fill('Front desk');
  await shoot(owner, 'user-profile');
  expect(true).toBe(true);
});

it.skipIf(missing)("takes a dental tenant's entry types right after provisioning", async () => {
  await world.tb.createTenant({ id: 'bright', name: 'Bright Smiles', business_domain: 'dental' });
  const owner = await world.newPage(DESKTOP);
  await signIn(owner, { tenant: 'bright', email: 'owner@bright.test', password: 'owner-password-1' });
  await owner.waitForURL('**/overview');
  await visit(owner, '/admin/entry-types', 'dental_supplies');
  await shoot(owner, 'entry-types-after-provisioning');
  expect(true).toBe(true);
});
