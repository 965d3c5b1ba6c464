import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';
import { call, enrollMfa } from './support/seed-console.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/console-defects: ${missing}`);

const OWNER = { tenant: 'acme', email: 'owner@acme.test', password: 'owner-password-1' };

/** Nothing of the page, and nothing drawn by the header, reaches past a phone's screen. */
async function expectFits(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
    // Anything of the header drawn past the screen's edge, even where overflow is hidden.
    past: [...document.querySelectorAll('header *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => element.outerHTML.slice(0, 80)),
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
  expect(widths.past).toEqual([]);
}

/** Issue 17's defect list, each found by trying the console as a new user would. */
describe.skipIf(missing)('the console defects of issue 17 stay fixed', () => {
  let world: ConsoleWorld;
  let admin: Page;
  let owner: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'acme', name: 'Acme', tier: 'standard' });
    await world.tb.createTenant({ id: 'doomed', name: 'Doomed' });
    // A long name makes the header's tenant selector as wide as its longest option.
    await world.tb.createTenant({
      id: 'longname',
      name: 'The Exceptionally Long-Named Dental and Manufacturing Holding Company of Somewhere',
    });
    const ownerToken = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    await call(world.tb, ownerToken, 'POST', '/users', {
      email: 'member@acme.test',
      role: 'member',
      password: 'member-password-1',
    });
    const demo = await world.tb.app.inject({
      method: 'POST',
      url: '/api/v1/demo-requests',
      payload: { company_name: 'Demo Co', email: 'ceo@demo.test' },
    });
    const adminToken = await world.tb.adminToken();
    await call(world.tb, adminToken, 'POST', `/demo-requests/${demo.json().data.id}/approve`, {
      tenant_id: 'demo-co',
    });
    admin = await world.newPage();
    await signIn(admin, PLATFORM_ADMIN);
    await admin.waitForURL('**/console/tenants');
    owner = await world.newPage();
    await signIn(owner, OWNER);
    await owner.waitForURL('**/overview');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('fits the admin header in 390 px', async () => {
    const phone = await world.newPage({ width: 390, height: 844 });
    await signIn(phone, PLATFORM_ADMIN);
    await phone.waitForURL('**/console/tenants');
    await phone.getByRole('heading', { name: 'Tenants' }).waitFor();
    await phone.locator('option[value="longname"]').waitFor({ state: 'attached' });
    await expectFits(phone);
    // Acting inside a tenant adds the banner and a chosen tenant's name to the selector.
    await phone.getByLabel('Act inside tenant').selectOption('acme');
    await phone.waitForURL('**/overview');
    await expectFits(phone);
  });

  it('shows an empty workspace a first step, not empty axes', async () => {
    await owner.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
    await owner.getByRole('link', { name: 'Create a deployment' }).waitFor();
    expect(await owner.locator('.chart-grid').count()).toBe(0);
  });

  it('drops bad list parameters from the address and says so', async () => {
    await owner.goto('/deployments?status=bogus&per_page=7');
    await owner.getByText(/Ignored from the address: status/).waitFor();
    await owner.waitForURL((url) => !url.search.includes('bogus'));
    expect(await owner.getByText('Correct the highlighted fields').count()).toBe(0);
  });

  it('sorts from anywhere in a sortable header cell', async () => {
    await call(world.tb, await world.tb.login(OWNER.email, OWNER.password, 'acme'), 'POST', '/deployments', {
      project_name: 'sortable',
    });
    await owner.goto('/deployments');
    await owner.getByRole('cell', { name: 'sortable', exact: true }).waitFor();
    const cell = owner.locator('th:has(.sort-button)').first();
    const box = (await cell.boundingBox())!;
    const before = owner.url();
    await owner.mouse.click(box.x + box.width - 2, box.y + box.height - 2);
    await owner.waitForURL((url) => url.toString() !== before && url.search.includes('sort='));
  });

  it('offers the last owner no impossible acts on their own row, and asks before disabling', async () => {
    await owner.goto('/admin/users');
    const own = owner.getByRole('row', { name: /owner@acme\.test/ });
    await own.getByText('you', { exact: true }).waitFor();
    expect(await own.getByRole('button', { name: /Disable|Remove/ }).count()).toBe(0);
    expect(await own.getByLabel('Role of owner@acme.test').isDisabled()).toBe(true);
    await owner.getByRole('button', { name: 'Disable member@acme.test' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Disable user' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await owner.getByRole('button', { name: 'Disable member@acme.test' }).waitFor();
    await owner.getByRole('button', { name: 'Disable member@acme.test' }).click();
    await owner
      .getByRole('dialog', { name: 'Disable user' })
      .getByRole('button', { name: 'Disable' })
      .click();
    await owner.getByRole('button', { name: 'Enable member@acme.test' }).waitFor();
  });

  it('applies branding without a reload', async () => {
    await owner.goto('/admin/branding');
    await owner.getByLabel('Company name').fill('Acme Rockets');
    await owner.getByRole('button', { name: /Save/ }).click();
    await owner.locator('.brand-name').getByText('Acme Rockets').waitFor();
  });

  it('names features as people do', async () => {
    await admin.getByLabel('Act inside tenant').selectOption('acme');
    await admin.waitForURL('**/overview');
    await admin.goto('/admin/features');
    await admin.getByText('BOM management').first().waitFor();
    expect(await admin.getByText(/Bom management/).count()).toBe(0);
    await admin
      .getByRole('region', { name: 'Acting inside a tenant' })
      .getByRole('button', { name: 'Leave tenant' })
      .click();
    await admin.waitForURL('**/console/tenants');
  });

  it('reloads the usage card after a tier change', async () => {
    await admin.goto('/console/tenants/acme');
    const usage = admin.getByRole('region', { name: 'Usage' });
    await usage.getByText(/of 50\b/).waitFor();
    await admin.getByLabel('Tier').selectOption('premium');
    await admin.getByRole('button', { name: 'Change tier' }).click();
    await usage.getByText(/of 200\b/).waitFor();
  });

  it('asks before suspending, and the suspended workspace’s user is told so', async () => {
    await admin.getByRole('button', { name: 'Suspend' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Suspend acme' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await admin.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Suspend' }).click();
    await admin
      .getByRole('dialog', { name: 'Suspend acme' })
      .getByRole('button', { name: 'Suspend' })
      .click();
    await admin.getByRole('button', { name: 'Resume' }).waitFor();

    await owner.goto('/deployments');
    await owner
      .getByText(/This workspace is suspended/)
      .first()
      .waitFor();
    expect(await owner.getByText('Your session has ended').count()).toBe(0);

    await admin.getByRole('button', { name: 'Resume' }).click();
    await admin.getByRole('button', { name: 'Suspend' }).waitFor();
    await signIn(owner, OWNER);
    await owner.waitForURL('**/overview');
  });

  it('shows "deleted", not "deleting", once a deletion finished', async () => {
    await admin.goto('/console/tenants/doomed');
    await admin.getByRole('button', { name: 'Delete tenant' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Delete doomed' });
    await dialog.getByRole('textbox').fill('doomed');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await admin.getByText('Tenant doomed is deleted').waitFor({ timeout: 60_000 });
    const header = admin.locator('.page-header, header').filter({ hasText: 'Tenant doomed' }).first();
    await header.getByText('deleted', { exact: true }).waitFor();
    expect(await header.getByText('deleting', { exact: true }).count()).toBe(0);
  });

  it('speaks to the operator on an unknown tenant’s page', async () => {
    await admin.goto('/console/tenants/no-such-tenant');
    await admin.getByText('No tenant has the ID “no-such-tenant”').waitFor();
    expect(await admin.getByText(/administrator sent you/).count()).toBe(0);
  });

  it('fits the isolation select, puts a taken id on its field and phrases field errors alike', async () => {
    await admin.goto('/console/tenants');
    await admin.getByRole('button', { name: 'Create tenant' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Create a tenant' });
    await dialog.getByLabel('Tier').selectOption('enterprise');
    const fits = await dialog.getByLabel('Isolation').evaluate((select: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(select).font;
      const text = select.options[select.selectedIndex]!.text;
      // The closed select shows its text plus padding and the arrow (about 2.5rem together).
      return { text, need: context.measureText(text).width + 32, has: select.clientWidth };
    });
    expect(fits.text).toBe('Tier default (database)');
    expect(fits.need).toBeLessThanOrEqual(fits.has);

    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    // allTextContents() does not wait: read the errors once the form has shown them.
    await dialog.getByText('Company name is required.').waitFor();
    const messages = await dialog.locator('.field-error').allTextContents();
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message).toMatch(/^[A-Z][^;]*\.$/);
    expect(messages).toContain('Company name is required.');

    await dialog.getByLabel('Company name').fill('Acme again');
    await dialog.getByLabel('Tenant ID').fill('acme');
    await dialog.getByLabel("Owner's email").fill('again@acme.test');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    const id = dialog.getByLabel('Tenant ID');
    await dialog.getByText('Tenant ID is taken by another tenant.').waitFor();
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('links approved demo requests to their tenant', async () => {
    await admin.goto('/console/demo-requests?status=approved');
    await admin.getByRole('link', { name: 'tenant demo-co' }).click();
    await admin.waitForURL('**/console/tenants/demo-co');
    await admin.getByRole('heading', { name: 'Demo Co' }).waitFor();
  });

  it('shows one MFA card for the state the account is in', async () => {
    await owner.goto('/account');
    await owner.getByRole('heading', { name: 'Two-factor authentication', exact: true }).waitFor();
    expect(await owner.getByRole('heading', { name: /Turn off|is on/ }).count()).toBe(0);
    await enrollMfa(world.tb, await world.tb.login(OWNER.email, OWNER.password, 'acme'));
    await owner.reload();
    await owner.getByRole('heading', { name: 'Two-factor authentication is on' }).waitFor();
    expect(await owner.getByRole('heading', { name: 'Two-factor authentication', exact: true }).count()).toBe(
      0,
    );
  });
});
