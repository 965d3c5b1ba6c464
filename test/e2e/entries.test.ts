import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { chromiumMissing } from './support/chromium.js';
import { type ConsoleWorld, signIn, startConsoleWorld } from './support/console-world.js';

const missing = chromiumMissing();
if (missing) console.log(`test/e2e/entries: ${missing}`);

const OWNER = { tenant: 'smile', email: 'owner@smile.test', password: 'owner-password-1' };
const FRESH = { tenant: 'bright', email: 'owner@bright.test', password: 'owner-password-1' };

describe.skipIf(missing)('entries in the console (Chromium)', () => {
  let world: ConsoleWorld;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await world.tb.createTenant({ id: 'smile', name: 'Smile Dental', business_domain: 'dental' });
    const token = await world.tb.login(OWNER.email, OWNER.password, OWNER.tenant);
    for (const [name, status] of [
      ['Grace Hopper', 'active'],
      ['Alan Turing', 'inactive'],
      ['Katherine Johnson', 'active'],
    ]) {
      const response = await world.tb.app.inject({
        method: 'POST',
        url: '/api/v1/entries/patients',
        headers: { authorization: `Bearer ${token}` },
        payload: { data: { name, status, phone: '+44 20 7946 0000' } },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    page = await world.newPage();
    await signIn(page, OWNER);
    await page.waitForURL('**/overview');
  });
  afterAll(async () => {
    await world?.close();
  });

  it("shows a dental tenant's preset types right after provisioning, before any entries request", async () => {
    await world.tb.createTenant({ id: FRESH.tenant, name: 'Bright Smiles', business_domain: 'dental' });
    // Read from the storage, not through /entry-types (which would seed them itself as a safety net).
    const { tenancy } = world.tb.services;
    const tenant = (await tenancy.registry.load(FRESH.tenant as TenantId))!;
    const stored = await tenancy.withTenant(
      tenant,
      (scope) =>
        scope.db
          .selectFrom('entry_types')
          .select('key')
          .where('tenant_id', '=', scope.tenantId)
          .orderBy('key')
          .execute(),
      'read',
    );
    expect(stored.map((row) => row.key)).toEqual(['dental_supplies', 'patients', 'treatments']);
    const fresh = await world.newPage();
    await signIn(fresh, FRESH);
    await fresh.waitForURL('**/overview');
    await fresh.getByRole('link', { name: 'Entry types', exact: true }).click();
    for (const key of ['patients', 'treatments', 'dental_supplies'])
      await fresh.getByRole('cell', { name: key, exact: true }).first().waitFor();
    await expect.poll(() => fresh.locator('tbody tr').count()).toBe(3);
    await fresh.waitForLoadState('networkidle');
    await fresh.screenshot({ path: path.join(os.tmpdir(), 'entry-types-after-provisioning.png') });
    await fresh.context().close();
  });

  it("lists the dental domain's preset types and their entries with the schema's columns", async () => {
    await page.getByRole('link', { name: 'Entries', exact: true }).click();
    await page.getByRole('link', { name: 'Treatments' }).waitFor();
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.getByRole('cell', { name: 'Grace Hopper' }).waitFor();
    const headers = (await page.locator('thead th').allTextContents()).map((h) =>
      h.replace(/[↕↑↓]/g, '').trim(),
    );
    expect(headers.slice(0, 4)).toEqual(['Full name', 'Phone', 'Email', 'Birth date']);
  });

  it('filters by a choice field and sorts by a data column, both in the URL', async () => {
    await page.getByLabel('Status').selectOption('inactive');
    await page.waitForURL(/filter%5Bstatus%5D=inactive|filter\[status\]=inactive/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Status').selectOption('');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: 'Full name' }).click();
    await page.waitForURL(/sort=data.name/);
    await expect
      .poll(() => page.locator('tbody tr td:first-child').allTextContents())
      .toEqual(['Alan Turing', 'Grace Hopper', 'Katherine Johnson']);
  });

  it('creates an entry through the schema-built form, with the validation message beside the field', async () => {
    await page.getByRole('button', { name: 'New entry' }).click();
    const dialog = page.getByRole('dialog', { name: 'New patients entry' });
    await dialog.getByLabel('Full name *').fill('Ada Lovelace');
    await dialog.getByLabel('Email').fill('ada@');
    await dialog.getByLabel('Allergies').fill('penicillin\nlatex');
    await dialog.getByRole('button', { name: 'Create entry' }).click();
    await dialog.locator('.field-invalid', { hasText: 'Email' }).locator('.field-error').waitFor();
    await dialog.getByLabel('Email').fill('ada@example.com');
    await dialog.getByRole('button', { name: 'Create entry' }).click();
    await page.getByRole('cell', { name: 'Ada Lovelace' }).waitFor();
  });

  it('lets an administrator edit a type with a live preview of its form', async () => {
    await page.getByRole('link', { name: 'Entry types', exact: true }).click();
    await page.getByRole('button', { name: 'New entry type' }).click();
    const dialog = page.getByRole('dialog', { name: 'New entry type' });
    await dialog.getByLabel('Key').fill('x_rays');
    await dialog.getByLabel('Name', { exact: true }).fill('X-rays');
    await dialog.getByLabel('JSON Schema (draft 2020-12)').fill(
      JSON.stringify({
        type: 'object',
        required: ['taken_on'],
        properties: { taken_on: { type: 'string', format: 'date' }, region: { enum: ['upper', 'lower'] } },
      }),
    );
    const preview = dialog.getByRole('region', { name: 'Schema preview' });
    await preview.getByLabel('Taken on *').waitFor();
    await preview.getByLabel('Region').waitFor();
    await dialog
      .getByLabel('JSON Schema (draft 2020-12)')
      .fill('{"type":"object","properties":{"a":{"type":"strnig"}}}');
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await dialog.locator('.field-error').first().waitFor();
    await dialog
      .getByLabel('JSON Schema (draft 2020-12)')
      .fill('{"type":"object","properties":{"region":{"enum":["upper","lower"]}}}');
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await page.getByRole('cell', { name: 'x_rays' }).waitFor();
  });

  it('says on the features page what each key switches on', async () => {
    await page.getByRole('link', { name: 'Features' }).click();
    await page.getByText('The Patients entry type').waitFor();
  });
});
