import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetEnsuredDomain } from '../../src/modules/entries/ensure-domain-types.js';
import { api, setLimitOverrides } from '../support/identity-api.js';
import { startTestInstance } from '../support/test-instance.js';

const tb = await startTestInstance();
afterAll(() => tb.destroy());

let admin = '';
let owner = '';
const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: unknown, t = owner) =>
  api(tb, t, method, path, payload === undefined ? {} : { payload });
const keysOf = async (t = owner) =>
  ((await as('GET', '/entry-types', undefined, t)).json().data as Array<{ key: string }>).map(
    (row) => row.key,
  );

beforeAll(async () => {
  admin = await tb.adminToken();
  await tb.createTenant({ id: 'clinic', business_domain: 'dental', tier: 'standard' });
  owner = await tb.login('owner@clinic.test', 'owner-password-1', 'clinic');
});

describe('a dental clinic', () => {
  it('is provisioned with patients, treatments and dental supplies, switched on by its domain features', async () => {
    expect(await keysOf()).toEqual(['dental_supplies', 'patients', 'treatments']);
    const patients = (await as('GET', '/entry-types/patients')).json().data;
    expect(patients.feature).toBe('patient_management');
    expect(Object.keys(patients.schema.properties)).toEqual(
      expect.arrayContaining(['name', 'email', 'phone', 'birth_date', 'allergies']),
    );
  });

  it('records treatments of its own patients on FDI teeth', async () => {
    const patient = await as('POST', '/entries/patients', {
      data: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        birth_date: '1815-12-10',
        allergies: ['penicillin'],
      },
    });
    expect(patient.statusCode, patient.body).toBe(201);
    const badPatient = await as('POST', '/entries/patients', {
      data: { name: 'B', birth_date: '10/12/1815' },
    });
    expect(badPatient.json().error.details).toEqual([
      { path: 'data.birth_date', message: expect.any(String) },
    ]);
    const treatment = {
      patient: patient.json().data.id,
      tooth: 36,
      procedure_code: 'D2740',
      date: '2026-12-01',
      cost: 850.5,
    };
    const done = await as('POST', '/entries/treatments', { data: treatment });
    expect(done.statusCode, done.body).toBe(201);
    for (const tooth of [19, 10, 49, 50, 9]) {
      const wrong = await as('POST', '/entries/treatments', { data: { ...treatment, tooth } });
      expect(wrong.json().error.details, String(tooth)).toEqual([
        { path: 'data.tooth', message: expect.any(String) },
      ]);
    }
    const nobody = await as('POST', '/entries/treatments', { data: { ...treatment, patient: randomUUID() } });
    expect(nobody.json().error.details).toEqual([
      { path: 'data.patient', message: 'no patients entry has this id' },
    ]);
    const listed = await as(
      'GET',
      `/entries/treatments?filter[patient]=${patient.json().data.id}&filter[tooth]=36`,
    );
    expect(listed.json().data).toHaveLength(1);
  });

  it('switches a preset type off with its feature', async () => {
    await api(tb, admin, 'PATCH', '/tenants/clinic', {
      payload: { feature_overrides: { treatment_tracking: false } },
    });
    expect((await as('GET', '/entries/treatments')).json().error.code).toBe('FEATURE_DISABLED');
    expect((await as('GET', '/entries/patients')).statusCode).toBe(200);
    await api(tb, admin, 'PATCH', '/tenants/clinic', {
      payload: { feature_overrides: { treatment_tracking: true } },
    });
  });

  it('gains the manufacturing types when its domain changes, losing none, and a deleted preset stays deleted', async () => {
    expect((await as('DELETE', '/entry-types/dental_supplies')).statusCode).toBe(204);
    const changed = await api(tb, admin, 'PATCH', '/tenants/clinic', {
      payload: { business_domain: 'manufacturing' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await keysOf()).toEqual(['boms', 'materials', 'patients', 'production_orders', 'treatments']);
    forgetEnsuredDomain('clinic'); // as a fresh process would
    expect(await keysOf()).toEqual(['boms', 'materials', 'patients', 'production_orders', 'treatments']);
    // The dental types' features now come from overrides only, so their entries are switched off.
    expect((await as('GET', '/entries/patients')).json().error.code).toBe('FEATURE_DISABLED');
    const steel = (
      await as('POST', '/entries/materials', {
        data: { sku: 'ST-1', name: 'Steel sheet', unit: 'kg', stock: 120, supplier: 'Acme' },
      })
    ).json().data;
    const bolt = (
      await as('POST', '/entries/materials', {
        data: { sku: 'BT-8', name: 'Bolt M8', unit: 'pcs', stock: 5000 },
      })
    ).json().data;
    const bom = await as('POST', '/entries/boms', {
      data: {
        name: 'Bracket',
        components: [
          { material: steel.id, quantity: 0.4 },
          { material: bolt.id, quantity: 4 },
        ],
      },
    });
    expect(bom.statusCode, bom.body).toBe(201);
    const badBom = await as('POST', '/entries/boms', {
      data: {
        name: 'Bad',
        components: [
          { material: steel.id, quantity: 1 },
          { material: bom.json().data.id, quantity: 0 },
        ],
      },
    });
    expect(
      badBom
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['data.components[1].material', 'data.components[1].quantity']);
    const order = await as('POST', '/entries/production_orders', {
      data: { bom: bom.json().data.id, quantity: 50, status: 'planned', due_date: '2027-01-15' },
    });
    expect(order.statusCode, order.body).toBe(201);
    expect(
      (await as('GET', '/entries/production_orders?filter[status]=planned')).json().pagination.total,
    ).toBe(1);
  });

  it('counts entry creation against the hourly quota of its tier', async () => {
    const limits = (await api(tb, admin, 'GET', '/tenants/clinic')).json().data.limits;
    expect(limits.creates_per_hour.entries).toBe(500);
    await setLimitOverrides(tb, 'clinic', { creates_per_hour: { entries: 0 } });
    const refused = await as('POST', '/entries/materials', { data: { sku: 'X', name: 'X', unit: 'g' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    await setLimitOverrides(tb, 'clinic', {});
  });
});

describe('tenant lifecycle', () => {
  it('exports types and entries and imports them into a tenant of another model', async () => {
    const started = await api(tb, admin, 'POST', '/tenants/clinic/export');
    expect(started.statusCode, started.body).toBe(202);
    const exportId = started.json().data.id as string;
    let status: { status: string; tables: Array<{ name: string; rows: number }> };
    const deadline = Date.now() + 60_000;
    do {
      status = (await api(tb, admin, 'GET', `/tenants/clinic/exports/${exportId}`)).json().data;
      if (Date.now() > deadline) throw new Error('export still running');
    } while (status.status === 'running');
    expect(status.status).toBe('done');
    const rows = Object.fromEntries(status.tables.map((t) => [t.name, t.rows]));
    expect(rows.entry_types).toBe(5);
    expect(rows.entries).toBe(6);
    expect(rows.entry_domain_seeds).toBe(2);
    const file = await api(tb, admin, 'GET', `/tenants/clinic/exports/${exportId}?download=1`);
    const imported = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/tenants/clinic-copy/import?isolation=database',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/gzip' },
      payload: file.rawPayload,
    });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
    await tb.waitForTenant('clinic-copy');
    const copy = (path: string) => api(tb, admin, 'GET', path, { headers: { 'x-tenant-id': 'clinic-copy' } });
    expect((await copy('/entry-types')).json().data.map((t: { key: string }) => t.key)).toEqual([
      'boms',
      'materials',
      'patients',
      'production_orders',
      'treatments',
    ]);
    expect((await copy('/entries/materials')).json().pagination.total).toBe(2);
    // The copy's lists read side tables the import rebuilt from its entries.
    const names = async (query: string) =>
      (await copy(`/entries/materials?${query}`))
        .json()
        .data.map((e: { data: { name: string } }) => e.data.name);
    expect(await names('filter[unit]=kg')).toEqual(['Steel sheet']);
    expect(await names('q=bolt')).toEqual(['Bolt M8']);
    expect(await names('sort=-data.stock')).toEqual(['Bolt M8', 'Steel sheet']);
  });
});
