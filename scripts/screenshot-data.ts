import { sql } from 'kysely';
import type { TenantId } from '../src/tenancy/tenant-id.js';
import { call } from '../test/e2e/support/seed-console.js';
import type { TestInstance } from '../test/support/test-instance.js';

export const SHOWCASE_OWNER = { tenant: 'acme', email: 'owner@acme.test', password: 'owner-password-1' };

const PROJECTS = ['storefront', 'checkout', 'search', 'billing', 'auth', 'catalog', 'mobile-api', 'reports'];
const DEPLOYMENT_STATUSES = ['active', 'active', 'active', 'building', 'pending', 'failed', 'stopped'];
const WORKFLOWS = [
  'nightly-backup',
  'invoice-run',
  'patient-reminders',
  'supply-reorder',
  'weekly-report',
  'cleanup',
];

const SUPPLIES = ['gloves', 'masks', 'floss', 'composite', 'anesthetic', 'x-ray-film', 'toothbrush', 'bib'];

/** Two years of daily sales of dental supplies and a finished forecast over them. */
async function seedDemand(tb: TestInstance, owner: string): Promise<void> {
  const end = Date.UTC(2026, 2, 31);
  const rows = SUPPLIES.flatMap((item, n) =>
    Array.from({ length: 730 }, (_, i) => {
      const day = new Date(end - (729 - i) * 86_400_000);
      const weekly = [0.3, 1.1, 1.2, 1.1, 1.2, 1.3, 0.5][day.getUTCDay()]!;
      const level = (8 + n * 6) * (1 + i / 1500) * (1 + 0.15 * Math.sin((i / 365) * 2 * Math.PI));
      const noise = 0.75 + (((i + 1) * (n + 3) * 7919) % 100) / 200;
      return {
        item_id: item,
        date: day.toISOString().slice(0, 10),
        units_sold: Math.round(level * weekly * noise),
      };
    }),
  );
  await call(tb, owner, 'POST', '/demand', { rows });
  const run = await call<{ id: string }>(tb, owner, 'POST', '/forecast', {
    horizon_days: 28,
    method: 'auto',
  });
  for (;;) {
    const state = await call<{ status: string }>(tb, owner, 'GET', `/forecast-runs/${run.id}`);
    if (state.status === 'done') return;
    if (state.status === 'failed') throw new Error('the showcase forecast run failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sample tenants, rows, people and mail so every page of the console has something to show. */
export async function seedShowcase(tb: TestInstance): Promise<void> {
  const admin = await tb.adminToken();
  await tb.createTenant({ id: 'acme', name: 'Acme Dental', business_domain: 'dental' });
  await tb.createTenant({ id: 'globex', name: 'Globex', tier: 'premium' });
  await tb.createTenant({ id: 'initech', name: 'Initech', tier: 'enterprise', isolation: 'schema' });
  await call(tb, admin, 'POST', '/tenants/initech/suspend');
  await tb.services.tenancy.platformDb
    .updateTable('platform.tenants')
    .set({ limit_overrides: JSON.stringify({ max_users: 6 }), updated_at: sql<Date>`now()` })
    .where('id', '=', 'acme')
    .execute();
  tb.services.tenancy.registry.invalidate('acme' as TenantId);

  const owner = await tb.login(SHOWCASE_OWNER.email, SHOWCASE_OWNER.password, 'acme');
  await call(tb, owner, 'PATCH', '/tenants/acme/branding', {
    company_name: 'Acme Dental',
    primary_color: '#0f766e',
  });
  await seedDemand(tb, owner);
  for (let i = 0; i < 64; i += 1) {
    const project = `${PROJECTS[i % PROJECTS.length]}-${Math.floor(i / PROJECTS.length) + 1}`;
    await call(tb, owner, 'POST', '/deployments', {
      project_name: project,
      status: DEPLOYMENT_STATUSES[i % DEPLOYMENT_STATUSES.length],
      url: `https://${project}.acme-dental.example`,
    });
  }
  for (let i = 0; i < 18; i += 1) {
    await call(tb, owner, 'POST', '/workflows', {
      name: `${WORKFLOWS[i % WORKFLOWS.length]}-${Math.floor(i / WORKFLOWS.length) + 1}`,
      status: ['active', 'active', 'paused', 'disabled'][i % 4],
      config: { schedule: i % 2 ? '0 3 * * *' : '@hourly', steps: (i % 3) + 1 },
    });
  }
  const PATIENTS = [
    ['Maria Garcia', '+34 600 123 456', 'maria.garcia@example.com', '1984-03-12', ['penicillin']],
    ['James Smith', '+44 20 7946 0018', 'j.smith@example.com', '1971-11-02', []],
    ['Aiko Tanaka', '+81 3 1234 5678', 'aiko.t@example.com', '1999-07-25', ['latex', 'ibuprofen']],
    ['Lars Nilsson', '+46 8 123 456', 'lars@example.com', '1962-01-30', []],
    ['Fatima Khan', '+92 21 3456 7890', 'fatima.khan@example.com', '2004-09-14', ['lidocaine']],
  ] as const;
  const patientIds: string[] = [];
  for (const [name, phone, email, birth, allergies] of PATIENTS) {
    const patient = await call<{ id: string }>(tb, owner, 'POST', '/entries/patients', {
      data: { name, phone, email, birth_date: birth, allergies: [...allergies] },
    });
    patientIds.push(patient.id);
  }
  for (const [i, [tooth, code, cost]] of (
    [
      [36, 'D2740', 850],
      [11, 'D1110', 95],
      [47, 'D3330', 1100],
      [24, 'D2391', 180],
    ] as const
  ).entries()) {
    await call(tb, owner, 'POST', '/entries/treatments', {
      data: {
        patient: patientIds[i],
        tooth,
        procedure_code: code,
        date: `2026-11-${10 + i}`,
        cost,
        status: i % 2 ? 'planned' : 'done',
      },
    });
  }
  await call(tb, owner, 'POST', '/roles', {
    name: 'release-manager',
    permissions: ['tenant:read', 'deployments:read', 'deployments:write'],
  });
  for (const email of ['dr.lee@acme.test', 'front.desk@acme.test']) {
    await call(tb, owner, 'POST', '/users', { email, role: 'member', password: 'member-password-1' });
  }
  for (const email of ['hygienist@acme.test', 'accountant@acme.test', 'it@acme.test']) {
    await call(tb, owner, 'POST', '/users', { email, role: email.startsWith('it') ? 'admin' : 'viewer' });
  }
  await call(tb, owner, 'POST', '/api-keys', {
    name: 'ci-pipeline',
    permissions: ['deployments:read', 'deployments:write'],
  });
  await call(tb, owner, 'POST', '/api-keys', { name: 'status-page', permissions: ['deployments:read'] });

  const globex = await tb.login('owner@globex.test', 'owner-password-1', 'globex');
  for (let i = 0; i < 5; i += 1)
    await call(tb, globex, 'POST', '/deployments', { project_name: `globex-app-${i + 1}` });

  for (const [company, email] of [
    ['Initrode', 'ceo@initrode.test'],
    ['Hooli Clinics', 'ops@hooli.test'],
  ]) {
    const response = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/demo-requests',
      payload: {
        company_name: company,
        email,
        business_domain: 'dental',
        message: 'We run twelve clinics and want to try scheduling.',
      },
    });
    if (response.statusCode !== 201) throw new Error(`demo request: ${response.body}`);
  }
}
