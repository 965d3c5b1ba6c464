import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIn, waitForMail } from '../support/outbox.js';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/signup-and-platform-admins: ${missing}`);

describe.skipIf(missing)('signup and platform admins in Chromium', () => {
  let world: ConsoleWorld;

  beforeAll(async () => {
    world = await startConsoleWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('signs up: the id follows the company name, is checked as typed, and the mailed link creates the workspace', async () => {
    const page = await world.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Create a workspace' }).click();
    await page.waitForURL('**/signup');
    await page.getByLabel('Company').fill('Umbrella Dental');
    const id = page.getByLabel('Workspace ID');
    expect(await id.inputValue()).toBe('umbrella-dental');
    await page.getByText('umbrella-dental is available.').waitFor();
    await id.fill('default');
    await page.getByText('This ID is taken; choose another.').waitFor();
    await id.fill('admin');
    await page.getByText('This ID is reserved; choose another.').waitFor();
    await id.fill('umbrella');
    await page.getByText('umbrella is available.').waitFor();
    await page.getByLabel('Work email').fill('founder@umbrella.test');
    await page.getByLabel('Password').fill('umbrella-password-1');
    await page.getByLabel('Business').selectOption('dental');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL('**/signup/check-mail**');
    await page.getByRole('heading', { name: 'Check your mail' }).waitFor();
    await page.getByText('founder@umbrella.test').waitFor();

    const mail = await waitForMail(world.tb, 'founder@umbrella.test', 'signup_verification', 1, 30_000);
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(link.pathname).toBe('/signup/verify');
    await page.goto(`/signup/verify?token=${encodeURIComponent(tokenIn(mail))}`);
    await page.getByText('umbrella is ready.').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/sign-in?tenant=umbrella');
    expect(await page.getByLabel('Workspace ID').inputValue()).toBe('umbrella');
    await page.getByLabel('Email').fill('founder@umbrella.test');
    await page.getByLabel('Password', { exact: true }).fill('umbrella-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/overview');
  });

  it('manages platform admins: adds support staff, shows MFA, protects the last platform admin', async () => {
    const page: Page = await world.newPage();
    await signIn(page, PLATFORM_ADMIN);
    await page.waitForURL('**/console/tenants');
    await page.getByRole('link', { name: 'Platform admins' }).click();
    await page.getByRole('heading', { name: 'Platform admins' }).waitFor();
    const form = page.getByRole('form', { name: 'Add a platform admin' });
    await form.getByLabel('Email').fill('sam@operator.test');
    await form.getByLabel('Role').selectOption('platform_support');
    await form.getByLabel('Password (optional)').fill('staff-password-1');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.getByText('sam@operator.test was added.').waitFor();
    const row = page.getByRole('row', { name: /sam@operator\.test/ });
    expect(await row.getByLabel('Role of sam@operator.test').inputValue()).toBe('platform_support');
    await row.getByText('off').waitFor();

    // The only platform_admin cannot step down.
    await page.getByLabel(`Role of ${PLATFORM_ADMIN.email}`).selectOption('platform_billing');
    await page.getByText(/last platform_admin/).waitFor();

    // Support signs in: no platform admins, no outbox in the menu; reads tenants.
    const support = await world.newPage();
    await signIn(support, { email: 'sam@operator.test', password: 'staff-password-1' });
    await support.waitForURL('**/console/tenants');
    expect(await support.getByRole('link', { name: 'Platform admins' }).count()).toBe(0);
    expect(await support.getByRole('link', { name: 'Mail outbox' }).count()).toBe(0);
    await support
      .getByRole('link', { name: /umbrella/i })
      .first()
      .waitFor();

    await row.getByRole('button', { name: 'Remove sam@operator.test' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('sam@operator.test was removed.').waitFor();
  });
});
