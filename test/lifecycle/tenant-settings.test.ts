import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import type { Isolation } from '../../src/tenancy/tenant-scope.js';
import { ISOLATIONS, startTestInstance, type TestInstance } from '../support/test-instance.js';

const BASE_DOMAIN = 'example.test';
const ids: Record<Isolation, string> = { pool: 'set-pool', schema: 'set-schema', database: 'set-db' };
/** Suspended, resumed and given features here, so the other tests' tenants keep their state. */
const LIFE = 'set-life';

let tb: TestInstance;
let admin: string;
const owners: Record<string, string> = {};
const members: Record<string, string> = {};

async function call(method: string, url: string, token?: string, payload?: unknown) {
  const response = await tb.app.inject({
    method: method as 'GET',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

beforeAll(async () => {
  tb = await startTestInstance({ extraEnv: { BASE_DOMAIN } });
  admin = await tb.adminToken();
  await Promise.all([
    ...ISOLATIONS.map((isolation) => tb.createTenant({ id: ids[isolation], isolation })),
    tb.createTenant({ id: LIFE, isolation: 'pool' }),
  ]);
  for (const id of [...Object.values(ids), LIFE]) {
    owners[id] = await tb.login(`owner@${id}.test`, 'owner-password-1', id);
    members[id] = await tb.services.tokens.issue({
      kind: 'tenant_user',
      id: randomUUID(),
      tenantId: id as TenantId,
      roles: ['member'],
    });
  }
});
afterAll(() => tb?.destroy());

describe('PATCH /api/v1/tenants/{id}', () => {
  it('lets a platform administrator change name, settings, domain, features, limits and hosts, audited', async () => {
    const { status, body } = await call('PATCH', '/api/v1/tenants/set-pool', admin, {
      name: 'Set Pool Ltd',
      settings: { gst_number: 'GST123456789', contact_info: { phone: '+91-9876543210' } },
      business_domain: 'dental',
      feature_overrides: { forecasting: true },
      limit_overrides: { max_users: 5, creates_per_hour: { deployments: 10 } },
      hostnames: ['app.set-pool.com'],
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.data).toMatchObject({
      name: 'Set Pool Ltd',
      business_domain: 'dental',
      isolation: 'pool',
      placement: 'default',
      hostnames: ['app.set-pool.com'],
      settings: { gst_number: 'GST123456789', contact_info: { phone: '+91-9876543210' } },
      limits: { max_users: 5, creates_per_hour: { deployments: 10, workflows: 50 } },
    });
    expect(body.data.features).toEqual(expect.arrayContaining(['patient_management', 'forecasting']));
    const audit = await tb.services.tenancy.platformDb
      .selectFrom('platform.platform_audit')
      .select(['actor_type', 'details'])
      .where('action', '=', 'tenant.update')
      .where('target_id', '=', 'set-pool')
      .executeTakeFirstOrThrow();
    expect(audit.actor_type).toBe('platform_admin');
    expect(audit.details).toMatchObject({
      before: { name: 'set-pool', business_domain: 'default', hostnames: [] },
      after: { name: 'Set Pool Ltd', business_domain: 'dental', hostnames: ['app.set-pool.com'] },
    });
    // The registry cache was dropped: the new host name resolves the tenant at once.
    const viaHost = await tb.app.inject({
      url: '/api/v1/deployments',
      headers: { host: 'app.set-pool.com', authorization: `Bearer ${owners['set-pool']}` },
    });
    expect(viaHost.statusCode).toBe(200);
    expect(viaHost.headers['x-tenant-id']).toBe('set-pool');
  });

  it('merges settings (null removes a key) and refuses bad values', async () => {
    const merged = await call('PATCH', '/api/v1/tenants/set-pool', admin, {
      settings: { gst_number: null, region: 'south' },
    });
    expect(merged.body.data.settings).toEqual({ contact_info: { phone: '+91-9876543210' }, region: 'south' });
    // limit_overrides is replaced whole; null is "unlimited", not "tier default".
    const unlimited = await call('PATCH', '/api/v1/tenants/set-pool', admin, {
      limit_overrides: { max_users: null },
    });
    expect(unlimited.body.data.limit_overrides).toEqual({ max_users: null });
    expect(unlimited.body.data.limits).toMatchObject({
      max_users: null,
      creates_per_hour: { deployments: 100 },
    });
    const bad: Array<[unknown, string]> = [
      [{ status: 'deleted' }, 'status'],
      [{ status: 'provisioning' }, 'status'],
      [{ features: ['deployments', 'teleportation'] }, 'features[1]'],
      [{ features: ['deployments'], feature_overrides: {} }, 'features'],
      [{ settings: { 'Bad-Key': 'x' } }, 'settings'],
      [{ settings: { contact_info: { email: 'nope' } } }, 'settings.contact_info.email'],
      [{ feature_overrides: { teleportation: true } }, 'feature_overrides.teleportation'],
      [
        { limit_overrides: { creates_per_hour: { unicorns: 1 } } },
        'limit_overrides.creates_per_hour.unicorns',
      ],
      [{ limit_overrides: { max_users: -1 } }, 'limit_overrides.max_users'],
      [{ tier: 'platinum' }, 'tier'],
      [{ hostnames: ['App.Example.com'] }, 'hostnames[0]'],
      [{ hostnames: ['localhost'] }, 'hostnames[0]'],
      [{ hostnames: ['ok.example.org', '10.0.0.1'] }, 'hostnames[1]'],
      [{ hostnames: ['x.example.test'] }, 'hostnames[0]'],
      [{}, 'body'],
    ];
    for (const [payload, path] of bad) {
      const { status, body } = await call('PATCH', '/api/v1/tenants/set-pool', admin, payload);
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      // SPEC §5 spelling, exactly: array indices in brackets (`hostnames[0]`), keys with dots.
      expect(
        body.error.details.map((d: { path: string }) => d.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
  });

  it('refuses a host name another tenant holds with 409, naming no tenant', async () => {
    const { status, body } = await call('PATCH', '/api/v1/tenants/set-schema', admin, {
      hostnames: ['app.set-pool.com'],
    });
    expect(status).toBe(409);
    expect(body.error.code).toBe('CONFLICT');
    expect(JSON.stringify(body)).not.toContain('set-pool"');
  });

  it('lets a tenant administrator change only name and settings of their own tenant', async () => {
    const own = await call('PATCH', '/api/v1/tenants/set-schema', owners['set-schema'], {
      name: 'Schema Co',
      settings: { gst_number: 'GST1' },
    });
    expect(own.status).toBe(200);
    expect(own.body.data.name).toBe('Schema Co');
    expect(own.body.data.placement).toBeUndefined();
    for (const payload of [
      { tier: 'enterprise' },
      { feature_overrides: { workflows: true } },
      { limit_overrides: { max_users: 1000 } },
      { hostnames: ['mine.example.org'] },
      { business_domain: 'dental' },
      { status: 'suspended' },
      { features: ['deployments'] },
    ]) {
      const { status, body } = await call(
        'PATCH',
        '/api/v1/tenants/set-schema',
        owners['set-schema'],
        payload,
      );
      expect(status, JSON.stringify(payload)).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
    const member = await call('PATCH', '/api/v1/tenants/set-schema', members['set-schema'], { name: 'x' });
    expect(member.body.error.code).toBe('FORBIDDEN');
  });

  it("refuses another tenant's id with TENANT_MISMATCH, before looking at the body", async () => {
    for (const [target, payload] of [
      ['set-pool', { name: 'hijacked' }],
      ['set-pool', { tier: 'nonsense', extra: 1 }],
      ['no-such-tenant', { name: 'x' }],
    ] as const) {
      const { status, body } = await call(
        'PATCH',
        `/api/v1/tenants/${target}`,
        owners['set-schema'],
        payload,
      );
      expect(status).toBe(403);
      expect(body.error.code).toBe('TENANT_MISMATCH');
    }
    const unknown = await call('PATCH', '/api/v1/tenants/no-such-tenant', admin, { name: 'x' });
    expect(unknown.body.error.code).toBe('TENANT_NOT_FOUND');
  });
});

describe('PATCH /api/v1/tenants/{id} status and features', () => {
  const url = `/api/v1/tenants/${LIFE}`;
  const auditOf = (action: string) =>
    tb.services.tenancy.platformDb
      .selectFrom('platform.platform_audit')
      .select(['actor_type', 'target_type', 'tenant_id', 'details'])
      .where('action', '=', action)
      .where('target_id', '=', LIFE)
      .orderBy('id')
      .execute();

  it('suspends and resumes as POST /suspend and /resume do, audited the same', async () => {
    const suspended = await call('PATCH', url, admin, { status: 'suspended' });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body.data.status).toBe('suspended');
    expect((await call('GET', '/api/v1/deployments', owners[LIFE])).body.error.code).toBe('TENANT_SUSPENDED');
    // Already suspended: nothing to do and nothing audited, as POST /suspend.
    expect((await call('PATCH', url, admin, { status: 'suspended' })).status).toBe(200);
    const resumed = await call('PATCH', url, admin, { status: 'active', name: 'Life Co' });
    expect(resumed.body.data).toMatchObject({ status: 'active', name: 'Life Co' });
    expect((await call('GET', '/api/v1/deployments', owners[LIFE])).status).toBe(200);
    expect((await call('POST', `${url}/suspend`, admin)).status).toBe(200);
    expect((await call('POST', `${url}/resume`, admin)).status).toBe(200);

    const [viaPatch, viaPost] = await auditOf('tenant.suspend');
    expect(viaPatch).toEqual(viaPost);
    expect(viaPatch).toMatchObject({ actor_type: 'platform_admin', target_type: 'tenant', tenant_id: LIFE });
    expect(await auditOf('tenant.suspend')).toHaveLength(2);
    const resumes = await auditOf('tenant.resume');
    expect(resumes).toHaveLength(2);
    expect(resumes[0]).toEqual(resumes[1]);
    // The name changed beside the resume is the tenant.update entry's; the status is not in it.
    const [update] = await auditOf('tenant.update');
    expect(update!.details).toEqual({ before: { name: LIFE }, after: { name: 'Life Co' } });
  });

  it('refuses a transition the lifecycle does not allow with 409, as /resume does, changing nothing', async () => {
    await tb.services.tenancy.registry.setStatus(LIFE as TenantId, { status: 'failed' });
    try {
      for (const status of ['active', 'suspended']) {
        const { status: code, body } = await call('PATCH', url, admin, { status, name: 'Never' });
        expect(code, status).toBe(409);
        expect(body.error.code).toBe('CONFLICT');
      }
      expect((await call('POST', `${url}/resume`, admin)).body.error.code).toBe('CONFLICT');
      const after = await call('GET', url, admin);
      expect(after.body.data).toMatchObject({ status: 'failed', name: 'Life Co' });
    } finally {
      await tb.services.tenancy.registry.setStatus(LIFE as TenantId, { status: 'active' });
    }
  });

  it('stores a wanted feature set as the overrides that differ from the plan', async () => {
    const plan = (await call('GET', url, admin)).body.data.plan_features as string[];
    expect(plan).toContain('workflows');
    expect(plan).not.toContain('patient_management');
    const wanted = [...plan.filter((key) => key !== 'workflows'), 'patient_management'];
    const set = await call('PATCH', url, admin, { features: wanted });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.data.features).toEqual([...wanted].sort());
    expect(set.body.data.feature_overrides).toEqual({ patient_management: true, workflows: false });
    expect((await call('GET', '/api/v1/workflows', owners[LIFE])).body.error.code).toBe('FEATURE_DISABLED');

    // feature_overrides merges: {} changes nothing, null drops one override.
    const same = await call('PATCH', url, admin, { feature_overrides: {} });
    expect(same.body.data.feature_overrides).toEqual({ patient_management: true, workflows: false });
    const dropped = await call('PATCH', url, admin, { feature_overrides: { workflows: null } });
    expect(dropped.body.data.feature_overrides).toEqual({ patient_management: true });
    expect((await call('GET', '/api/v1/workflows', owners[LIFE])).status).toBe(200);

    // The plan's own set needs no override at all.
    const back = await call('PATCH', url, admin, { features: plan });
    expect(back.body.data).toMatchObject({ features: plan, feature_overrides: {} });
  });

  it('derives the overrides from the tier sent beside the features', async () => {
    const enterprise = (await call('PATCH', url, admin, { tier: 'enterprise' })).body.data.plan_features;
    const standard = (await call('PATCH', url, admin, { tier: 'standard' })).body.data.plan_features;
    const { body } = await call('PATCH', url, admin, { tier: 'enterprise', features: standard });
    expect(body.data.tier).toBe('enterprise');
    expect(body.data.features).toEqual(standard);
    const extra = (enterprise as string[]).filter((key) => !standard.includes(key));
    expect(body.data.feature_overrides).toEqual(Object.fromEntries(extra.map((key) => [key, false])));
    await call('PATCH', url, admin, {
      tier: 'standard',
      feature_overrides: Object.fromEntries(extra.map((key) => [key, null])),
    });
  });

  it('leaves status and features to platform administrators', async () => {
    for (const payload of [{ status: 'suspended' }, { features: [] }]) {
      const { status, body } = await call('PATCH', url, owners[LIFE], payload);
      expect(status, JSON.stringify(payload)).toBe(403);
      expect(body.error.code).toBe('FORBIDDEN');
    }
    expect((await call('GET', url, admin)).body.data.status).toBe('active');
  });
});

describe.for(ISOLATIONS)('%s isolation', (isolation) => {
  const id = ids[isolation];

  it('gates a switched-off feature with FEATURE_DISABLED and opens it again', async () => {
    const token = owners[id]!;
    expect((await call('GET', '/api/v1/workflows', token)).status).toBe(200);
    const off = await call('PATCH', `/api/v1/tenants/${id}`, admin, {
      feature_overrides: { workflows: false },
    });
    expect(off.body.data.features).not.toContain('workflows');
    for (const [method, payload] of [['GET'], ['POST', { name: 'wf' }]] as const) {
      const { status, body } = await call(method, '/api/v1/workflows', token, payload);
      expect(status).toBe(403);
      expect(body.error.code).toBe('FEATURE_DISABLED');
    }
    expect((await call('GET', '/api/v1/deployments', token)).status).toBe(200);
    const other = ids[isolation === 'pool' ? 'schema' : 'pool'];
    expect((await call('GET', '/api/v1/workflows', owners[other])).status).toBe(200);
    await call('PATCH', `/api/v1/tenants/${id}`, admin, { feature_overrides: { workflows: null } });
    expect((await call('GET', '/api/v1/workflows', token)).status).toBe(200);
  });

  it('changes limits on a tier change, never isolation, placement or where the data is', async () => {
    const token = owners[id]!;
    const created = await call('POST', '/api/v1/deployments', token, { project_name: `tier-${isolation}` });
    expect(created.status).toBe(201);
    // Each tier's default isolation differs from the tenant's own: nothing may follow it.
    const tier = isolation === 'database' ? 'premium' : 'enterprise';
    const { body } = await call('PATCH', `/api/v1/tenants/${id}`, admin, { tier });
    expect(body.data).toMatchObject({ tier, isolation, placement: 'default' });
    expect(body.data.limits.api_per_minute).toBe(tier === 'enterprise' ? 10000 : 3000);
    const read = await call('GET', `/api/v1/deployments/${created.body.data.id}`, token);
    expect(read.status).toBe(200);
    const names = tb.services.tenancy.endpoints.names;
    const { rows } = await tb.services.tenancy.adminPool.query(
      `select (select count(*)::int from pg_namespace where nspname = $1) as schemas,
              (select count(*)::int from pg_database where datname = $2) as databases`,
      [names.schemaFor(id as TenantId), names.databaseFor(id as TenantId)],
    );
    expect(rows[0]).toEqual({
      schemas: isolation === 'schema' ? 1 : 0,
      databases: isolation === 'database' ? 1 : 0,
    });
  });
});

describe('branding', () => {
  it('is public for the sign-in page', async () => {
    const { status, body, headers } = await call('GET', '/api/v1/tenants/set-db/branding');
    expect(status).toBe(200);
    expect(body.data).toEqual({ company_name: 'set-db', primary_color: null, logo_url: null });
    expect(headers['x-tenant-id']).toBe('set-db');
    expect((await call('GET', '/api/v1/tenants/nobody-here/branding')).body.error.code).toBe(
      'TENANT_NOT_FOUND',
    );
    expect((await call('GET', '/api/v1/tenants/Bad!Id/branding')).status).toBe(400);
  });

  it('is changed by tenant administrators and platform administrators, validated', async () => {
    const owner = owners['set-db'];
    const changed = await call('PATCH', '/api/v1/tenants/set-db/branding', owner, {
      company_name: 'ABC Dental Clinic',
      primary_color: '#2E86AB',
      logo_url: 'https://cdn.example.com/abc/logo.png',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toEqual({
      company_name: 'ABC Dental Clinic',
      primary_color: '#2e86ab',
      logo_url: 'https://cdn.example.com/abc/logo.png',
    });
    expect((await call('GET', '/api/v1/tenants/set-db/branding')).body.data.company_name).toBe(
      'ABC Dental Clinic',
    );
    for (const payload of [
      { primary_color: 'red' },
      { primary_color: '#12345' },
      { logo_url: 'http://cdn.example.com/logo.png' },
      { logo_url: 'https://user:secret@cdn.example.com/logo.png' },
      { logo_url: 'javascript:alert(1)' },
      { company_name: 'x'.repeat(101) },
      { company_name: '' },
      { tagline: 'hi' },
    ]) {
      const { status } = await call('PATCH', '/api/v1/tenants/set-db/branding', owner, payload);
      expect(status, JSON.stringify(payload)).toBe(400);
    }
    const byAdmin = await call('PATCH', '/api/v1/tenants/set-db/branding', admin, { logo_url: null });
    expect(byAdmin.body.data.logo_url).toBeNull();
  });

  it("refuses another tenant's branding and members without branding:manage", async () => {
    const other = await call('PATCH', '/api/v1/tenants/set-db/branding', owners['set-pool'], {
      company_name: 'pwned',
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('TENANT_MISMATCH');
    const read = await call('GET', '/api/v1/tenants/set-db/branding', owners['set-pool']);
    expect(read.body.error.code).toBe('TENANT_MISMATCH');
    const member = await call('PATCH', '/api/v1/tenants/set-db/branding', members['set-db'], {
      company_name: 'mine',
    });
    expect(member.body.error.code).toBe('FORBIDDEN');
  });
});

describe('GET /api/v1/tenants/{id}/config', () => {
  it('gives tenant administrators and platform administrators seed 001 configuration', async () => {
    for (const token of [owners['set-schema'], admin]) {
      const { status, body } = await call('GET', '/api/v1/tenants/set-schema/config', token);
      expect(status).toBe(200);
      expect(body.data).toMatchObject({
        tenant_id: 'set-schema',
        is_active: true,
        business_domain: 'default',
        gst_number: 'GST1',
        branding: { company_name: 'set-schema' },
        limits: { api_per_minute: expect.any(Number) },
      });
      expect(body.data.features).toContain('deployments');
      expect(JSON.stringify(body.data)).not.toMatch(/placement|database_url/);
    }
  });

  it('refuses members, other tenants and anonymous callers', async () => {
    expect(
      (await call('GET', '/api/v1/tenants/set-schema/config', members['set-schema'])).body.error.code,
    ).toBe('FORBIDDEN');
    expect((await call('GET', '/api/v1/tenants/set-schema/config', owners['set-db'])).body.error.code).toBe(
      'TENANT_MISMATCH',
    );
    expect((await call('GET', '/api/v1/tenants/set-schema/config')).status).toBe(401);
  });
});
