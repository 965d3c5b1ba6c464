import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, PLATFORM_ADMIN, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/users-and-invitations: ${missing}`);

const OWNER = { tenant: 'seats', email: 'owner@seats.test', password: 'owner-password-1' };

async function inviteThroughDialog(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a user' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
}

describe.skipIf(missing)('users and invitations in Chromium', () => {
  let world: ConsoleWorld;
  let owner: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'seats', name: 'Seats Ltd' });
    // Three seats: the owner and two invitations.
    await world.tb.services.tenancy.platformDb
      .updateTable('platform.tenants')
      .set({ limit_overrides: JSON.stringify({ max_users: 3 }), updated_at: sql<Date>`now()` })
      .where('id', '=', 'seats')
      .execute();
    world.tb.services.tenancy.registry.invalidate('seats' as TenantId);
    owner = await world.newPage();
    await signIn(owner, OWNER);
    await owner.waitForURL('**/overview');
  });
  afterAll(async () => {
    await world?.close();
  });

  it('shows the seat limit before it is reached', async () => {
    await owner.getByRole('link', { name: 'Users & invitations' }).click();
    const seats = owner.locator('.seat-summary');
    await seats.getByText('1 of 3').waitFor();
    await seats.getByText('2 of 3 seats are free.').waitFor();
  });

  it('invites up to the limit, warning as the seats run out', async () => {
    await inviteThroughDialog(owner, 'first@seats.test');
    await owner.getByText('Invitation sent to first@seats.test.').waitFor();
    await owner.locator('.seat-summary').getByText('One seat is left of 3.', { exact: false }).waitFor();
    await inviteThroughDialog(owner, 'second@seats.test');
    await owner.getByText('Invitation sent to second@seats.test.').waitFor();
    await owner.locator('.seat-summary').getByText('All 3 seats are taken.', { exact: false }).waitFor();
    await expect.poll(() => owner.getByRole('cell', { name: 'invited' }).count()).toBe(2);
  });

  it('explains LIMIT_EXCEEDED when one more is invited', async () => {
    await inviteThroughDialog(owner, 'third@seats.test');
    const dialog = owner.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByText('User limit reached').waitFor();
    await dialog.getByText('This tenant has reached its limit of 3 users').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('revoke a pending invitation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lets the invited person accept from the development outbox and sign straight in', async () => {
    const admin = await world.newPage();
    await signIn(admin, { email: PLATFORM_ADMIN.email, password: PLATFORM_ADMIN.password });
    await admin.waitForURL('**/console/tenants');
    await admin.getByRole('link', { name: 'Mail outbox' }).click();
    await admin.getByLabel('Recipient').fill('first@seats.test');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.waitForURL(/to=first/);
    await expect.poll(() => admin.locator('.mail').count()).toBe(1);
    await admin.getByText('You are invited to Seats Ltd').click();
    const link = admin.locator('a.mail-link', { hasText: '/accept-invite?token=' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/accept-invite\?token=seats\./);

    const invitee = await world.newPage();
    await invitee.goto(href!);
    await invitee.getByText('Seats Ltd', { exact: true }).first().waitFor();
    await invitee.getByLabel('New password').fill('invitee-password-1');
    await invitee.getByLabel('Repeat the password').fill('invitee-password-1');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.waitForURL('**/overview');
    await invitee.getByRole('link', { name: 'first@seats.test' }).waitFor();

    await owner.reload();
    await owner
      .getByRole('row', { name: /first@seats\.test/ })
      .getByText('active')
      .waitFor();
  });
});
