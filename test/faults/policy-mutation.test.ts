import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../../src/db/sql-identifier.js';
import { checkIsolation, type IsolationCheck } from '../../src/tenancy/doctor/check-isolation.js';
import { tenantRowSecurity } from '../../src/tenancy/migrations/tenant-migration.js';
import type { TenantId } from '../../src/tenancy/tenant-id.js';
import { startTestInstance, type TestInstance } from '../support/test-instance.js';

/**
 * Breaks each fence of each isolation model in turn, on a live instance, and requires the
 * isolation checker (the seed of `tenantbase doctor`) to fail for every break and to pass again
 * once the break is repaired: a checker that misses one would let that break ship unnoticed.
 */
let tb: TestInstance;
let appRole: string;
let owner: string;
const TENANTS = { poolA: 'pm-pool-a', poolB: 'pm-pool-b', schema: 'pm-schema', database: 'pm-db' } as const;

const failing = (results: IsolationCheck[]) =>
  results.filter((result) => result.status === 'fail').map((result) => result.name);
const unhealthy = (results: IsolationCheck[]) => results.filter((result) => result.status !== 'ok');

async function ownerOfDatabase<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(tb.services.tenancy.endpoints.servers.get('default')!);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs owner SQL in the storage of `tenant`: the platform database for pool and schema tenants. */
function asOwner(tenant: string, sql: string): Promise<unknown> {
  if (tenant === TENANTS.database) {
    const database = tb.services.tenancy.endpoints.names.databaseFor(tenant as TenantId);
    return ownerOfDatabase(database, (client) => client.query(sql));
  }
  return tb.services.tenancy.adminPool.query(sql);
}

/** Applies `mutation`, returns the failing checks, and always repairs with `restore`. */
async function underMutation(tenant: string, mutation: string, restore: string): Promise<string[]> {
  await asOwner(tenant, mutation);
  try {
    return failing(await checkIsolation(tb.services.tenancy, { tenantId: tenant }));
  } finally {
    await asOwner(tenant, restore);
  }
}

beforeAll(async () => {
  tb = await startTestInstance();
  for (const [id, isolation] of [
    [TENANTS.poolA, 'pool'],
    [TENANTS.poolB, 'pool'],
    [TENANTS.schema, 'schema'],
    [TENANTS.database, 'database'],
  ] as const) {
    await tb.createTenant({ id, isolation });
    const response = await tb.app.inject({
      method: 'POST',
      url: '/api/v1/deployments',
      headers: { authorization: `Bearer ${await tb.adminToken()}`, 'x-tenant-id': id },
      payload: { project_name: `row of ${id}` },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  appRole = tb.services.tenancy.endpoints.names.appRole;
  const { rows } = await tb.services.tenancy.adminPool.query<{ owner: string }>(
    `select pg_get_userbyid(relowner) as owner from pg_class where oid = 'pool.deployments'::regclass`,
  );
  owner = rows[0]!.owner;
});
afterAll(async () => {
  await tb?.destroy();
});

describe('the isolation checker on a healthy installation', () => {
  it('passes every check of every model, with rows to probe in each storage', async () => {
    const results = await checkIsolation(tb.services.tenancy);
    expect(unhealthy(results)).toEqual([]);
    for (const label of ['pool', `schema:${TENANTS.schema}`, `database:${TENANTS.database}`]) {
      expect(results.map((result) => result.name)).toContain(`${label}:cross-tenant-read`);
    }
  });
});

/** Breaks of one tenant table's fence; `t` is the qualified table name. */
const TABLE_MUTATIONS: Array<[name: string, sql: (t: string) => string]> = [
  ['policy dropped', (t) => `drop policy tenant_isolation on ${t}`],
  [
    'policy loosened to using (true)',
    (t) => `drop policy tenant_isolation on ${t}; create policy tenant_isolation on ${t} using (true)`,
  ],
  [
    'policy loosened for writes (with check (true))',
    (t) => `alter policy tenant_isolation on ${t} with check (true)`,
  ],
  ['a second permissive policy', (t) => `create policy doctor_leak on ${t} for select using (true)`],
  ['row-level security disabled', (t) => `alter table ${t} disable row level security`],
  ['FORCE ROW LEVEL SECURITY off', (t) => `alter table ${t} no force row level security`],
  ['the application role owns the table', (t) => `alter table ${t} owner to ${quoteIdent(appRole)}`],
  [
    'the application role owns the table, FORCE off',
    (t) => `alter table ${t} owner to ${quoteIdent(appRole)}; alter table ${t} no force row level security`,
  ],
];

/** Undoes every table mutation; a change of owner takes the application role's grants with it. */
function restoreTable(schema: string, table: string): string {
  const t = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  return `alter table ${t} owner to ${quoteIdent(owner)}; drop policy if exists doctor_leak on ${t};
          grant select, insert, update, delete on ${t} to ${quoteIdent(appRole)};
          ${tenantRowSecurity(quoteIdent(schema), table)}`;
}

async function tenantTables(schema: string): Promise<string[]> {
  const { rows } = await tb.services.tenancy.adminPool.query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
      order by 1`,
    [schema],
  );
  return rows.map((row) => row.table);
}

describe("every break of a pool table's fence fails a check", () => {
  it('for each tenant table and each mutation, and the checks pass again once repaired', async () => {
    const schema = tb.services.tenancy.endpoints.names.poolSchema;
    const tables = await tenantTables(schema);
    expect(tables.length).toBeGreaterThan(5);
    const missed: string[] = [];
    for (const table of tables) {
      const t = `${quoteIdent(schema)}.${quoteIdent(table)}`;
      for (const [name, sql] of TABLE_MUTATIONS) {
        const failed = await underMutation(TENANTS.poolA, sql(t), restoreTable(schema, table));
        if (failed.length === 0) missed.push(`${table}: ${name}`);
      }
    }
    expect(missed).toEqual([]);
    expect(unhealthy(await checkIsolation(tb.services.tenancy))).toEqual([]);
  });

  it('the live probe itself catches what lets rows cross, not only the catalogue', async () => {
    const t = `${quoteIdent(tb.services.tenancy.endpoints.names.poolSchema)}.deployments`;
    const restore = restoreTable(tb.services.tenancy.endpoints.names.poolSchema, 'deployments');
    // FORCE off alone changes nothing for a role that does not own the table: only the catalogue
    // check sees it. Everything below lets rows cross, and the probe must see them cross.
    const crossing = [
      'policy loosened to using (true)',
      'a second permissive policy',
      'row-level security disabled',
      'the application role owns the table, FORCE off',
    ];
    for (const [name, sql] of TABLE_MUTATIONS.filter(([name]) => crossing.includes(name))) {
      expect(await underMutation(TENANTS.poolA, sql(t), restore), name).toContain('pool:cross-tenant-read');
    }
    expect(
      await underMutation(
        TENANTS.poolA,
        `alter policy tenant_isolation on ${t} using (true) with check (true)`,
        restore,
      ),
    ).toEqual(expect.arrayContaining(['pool:cross-tenant-read', 'pool:cross-tenant-write']));
  });

  it('says so when a probe cannot run, instead of counting it as a pass', async () => {
    const schema = tb.services.tenancy.endpoints.names.poolSchema;
    const t = `${quoteIdent(schema)}.deployments`;
    // A policy that errors on every row it looks at: no row is read, and nothing is proved.
    await asOwner(TENANTS.poolA, `alter policy tenant_isolation on ${t} using (tenant_id::int > 0)`);
    try {
      const results = await checkIsolation(tb.services.tenancy, { tenantId: TENANTS.poolA });
      expect(results.find((result) => result.name === 'pool:probe-errors')).toMatchObject({
        status: 'warn',
        detail: expect.stringContaining('invalid input syntax'),
      });
      expect(failing(results)).toContain('pool:policies');
    } finally {
      await asOwner(TENANTS.poolA, restoreTable(schema, 'deployments'));
    }
  });
});

describe('every break of the application role fails a check', () => {
  it('BYPASSRLS, CREATEROLE, a role it can become that bypasses RLS, or reading a secret', async () => {
    const role = quoteIdent(appRole);
    const helper = quoteIdent(`${tb.namespace}_bypass`);
    const cases: Array<[string, string, string, string[]]> = [
      [
        'bypassrls',
        `alter role ${role} bypassrls`,
        `alter role ${role} nobypassrls`,
        ['app-role:attributes', 'pool:cross-tenant-read'],
      ],
      [
        'createrole',
        `alter role ${role} createrole`,
        `alter role ${role} nocreaterole`,
        ['app-role:attributes'],
      ],
      [
        'member of a bypassrls role',
        `create role ${helper} nologin bypassrls; grant ${helper} to ${role}`,
        `revoke ${helper} from ${role}; drop role ${helper}`,
        ['app-role:attributes'],
      ],
      [
        'reads the private signing keys',
        `grant select on platform.signing_keys to ${role}`,
        `revoke all on platform.signing_keys from ${role}`,
        ['platform:secret-columns'],
      ],
      [
        'reads the admin password hashes',
        `grant select (password_hash) on platform.platform_admins to ${role}`,
        `revoke select (password_hash) on platform.platform_admins from ${role}`,
        ['platform:secret-columns'],
      ],
      [
        'rewrites the platform audit',
        `grant update, delete on platform.platform_audit to ${role}`,
        `revoke update, delete on platform.platform_audit from ${role}`,
        ['platform:audit-append-only'],
      ],
      [
        'writes the pool migration bookkeeping',
        `grant insert on pool.tenant_migrations to ${role}`,
        `revoke insert on pool.tenant_migrations from ${role}`,
        ['pool:untenanted-tables'],
      ],
      [
        'creates objects in the pool schema',
        `grant create on schema pool to ${role}`,
        `revoke create on schema pool from ${role}`,
        ['pool:ownership'],
      ],
    ];
    for (const [name, mutation, restore, expected] of cases) {
      expect(await underMutation(TENANTS.poolA, mutation, restore), name).toEqual(
        expect.arrayContaining(expected),
      );
    }
    expect(unhealthy(await checkIsolation(tb.services.tenancy))).toEqual([]);
  });
});

describe('every break of the schema and database fences fails a check', () => {
  it('in a tenant schema and in a tenant database', async () => {
    const role = quoteIdent(appRole);
    const schemaName = tb.services.tenancy.endpoints.names.schemaFor(TENANTS.schema as TenantId);
    const database = tb.services.tenancy.endpoints.names.databaseFor(TENANTS.database as TenantId);
    const inSchema = `${quoteIdent(schemaName)}.deployments`;
    const inDatabase = 'public.deployments';
    const schemaLabel = `schema:${TENANTS.schema}`;
    const databaseLabel = `database:${TENANTS.database}`;
    const cases: Array<[string, string, string, string, string[]]> = [
      [
        TENANTS.schema,
        'loosened policy',
        TABLE_MUTATIONS[1]![1](inSchema),
        restoreTable(schemaName, 'deployments'),
        [`${schemaLabel}:policies`, `${schemaLabel}:cross-tenant-read`],
      ],
      [
        TENANTS.schema,
        'app role owns, FORCE off',
        TABLE_MUTATIONS[7]![1](inSchema),
        restoreTable(schemaName, 'deployments'),
        [`${schemaLabel}:ownership`, `${schemaLabel}:cross-tenant-read`],
      ],
      [
        TENANTS.schema,
        'CREATE on the schema',
        `grant create on schema ${quoteIdent(schemaName)} to ${role}`,
        `revoke create on schema ${quoteIdent(schemaName)} from ${role}`,
        [`${schemaLabel}:ownership`],
      ],
      [
        TENANTS.schema,
        'PUBLIC may use the schema',
        `grant usage on schema ${quoteIdent(schemaName)} to public`,
        `revoke usage on schema ${quoteIdent(schemaName)} from public`,
        [`${schemaLabel}:ownership`],
      ],
      [
        TENANTS.database,
        'dropped policy',
        TABLE_MUTATIONS[0]![1](inDatabase),
        restoreTable('public', 'deployments'),
        [`${databaseLabel}:policies`],
      ],
      [
        TENANTS.database,
        'loosened policy',
        TABLE_MUTATIONS[1]![1](inDatabase),
        restoreTable('public', 'deployments'),
        [`${databaseLabel}:policies`, `${databaseLabel}:cross-tenant-read`],
      ],
      [
        TENANTS.database,
        'app role owns, FORCE off',
        TABLE_MUTATIONS[7]![1](inDatabase),
        restoreTable('public', 'deployments'),
        [`${databaseLabel}:ownership`, `${databaseLabel}:cross-tenant-read`],
      ],
      [
        TENANTS.database,
        'every role may connect',
        `grant connect on database ${quoteIdent(database)} to public`,
        `revoke connect on database ${quoteIdent(database)} from public`,
        [`${databaseLabel}:database-access`],
      ],
      [
        TENANTS.database,
        'CREATE on the database',
        `grant create on database ${quoteIdent(database)} to ${role}`,
        `revoke create on database ${quoteIdent(database)} from ${role}`,
        [`${databaseLabel}:database-access`],
      ],
    ];
    for (const [tenant, name, mutation, restore, expected] of cases) {
      expect(await underMutation(tenant, mutation, restore), name).toEqual(expect.arrayContaining(expected));
    }
    expect(unhealthy(await checkIsolation(tb.services.tenancy))).toEqual([]);
  });
});

describe('the doctor checks added for operators fail when broken', () => {
  /** Applies `mutation` as the platform owner, runs the whole fleet's checks, always restores. */
  async function fleetUnder(mutation: string, restore: string): Promise<IsolationCheck[]> {
    await tb.services.tenancy.adminPool.query(mutation);
    try {
      return await checkIsolation(tb.services.tenancy);
    } finally {
      await tb.services.tenancy.adminPool.query(restore);
    }
  }
  const failed = (results: IsolationCheck[]) => failing(results);

  it('CREATE on a shared schema of the platform database', async () => {
    const role = quoteIdent(appRole);
    for (const schema of ['platform', 'public']) {
      const results = await fleetUnder(
        `grant create on schema ${schema} to ${role}`,
        `revoke create on schema ${schema} from ${role}`,
      );
      expect(failed(results), schema).toContain('app-role:shared-schemas');
      const detail = results.find((result) => result.name === 'app-role:shared-schemas')!.detail;
      expect(detail).toContain(`may create objects in schema ${schema}`);
      expect(detail).toContain('Fix: as the owner, REVOKE CREATE ON SCHEMA');
    }
  });

  it('a unique key or a foreign key of a tenant table without tenant_id, in every model', async () => {
    const schemaName = tb.services.tenancy.endpoints.names.schemaFor(TENANTS.schema as TenantId);
    const cases: Array<[tenant: string, schema: string, label: string]> = [
      [TENANTS.poolA, 'pool', 'pool'],
      [TENANTS.schema, schemaName, `schema:${TENANTS.schema}`],
      [TENANTS.database, 'public', `database:${TENANTS.database}`],
    ];
    for (const [tenant, schema, label] of cases) {
      const s = quoteIdent(schema);
      const unique = await underMutation(
        tenant,
        `create unique index doctor_loose_key on ${s}.deployments (id)`,
        `drop index ${s}.doctor_loose_key`,
      );
      expect(unique, `${label} unique`).toContain(`${label}:tenant-keys`);
      const foreign = await underMutation(
        tenant,
        `create unique index doctor_user_id on ${s}.users (id);
         alter table ${s}.user_roles add constraint doctor_loose_fk foreign key (user_id) references ${s}.users (id)`,
        `alter table ${s}.user_roles drop constraint doctor_loose_fk; drop index ${s}.doctor_user_id`,
      );
      expect(foreign, `${label} foreign`).toContain(`${label}:tenant-keys`);
    }
    const results = await checkIsolation(tb.services.tenancy, { tenantId: TENANTS.poolA });
    expect(results.find((result) => result.name === 'pool:tenant-keys')?.status).toBe('ok');
  });

  it('a schema or database with no live tenant, a missing schema, and migrations behind', async () => {
    const names = tb.services.tenancy.endpoints.names;
    const ghostSchema = names.schemaFor('pm-ghost' as TenantId);
    const orphanSchema = await fleetUnder(
      `create schema ${quoteIdent(ghostSchema)}`,
      `drop schema ${quoteIdent(ghostSchema)}`,
    );
    expect(failed(orphanSchema)).toContain('storage:orphaned');
    expect(orphanSchema.find((r) => r.name === 'storage:orphaned')!.detail).toContain(ghostSchema);

    const ghostDatabase = names.databaseFor('pm-ghost' as TenantId);
    await tb.services.tenancy.adminPool.query(`create database ${quoteIdent(ghostDatabase)}`);
    try {
      const results = await checkIsolation(tb.services.tenancy);
      expect(results.find((r) => r.name === 'storage:orphaned')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining(ghostDatabase),
      });
    } finally {
      await tb.services.tenancy.adminPool.query(`drop database ${quoteIdent(ghostDatabase)}`);
    }

    const schemaName = quoteIdent(names.schemaFor(TENANTS.schema as TenantId));
    const moved = quoteIdent(`${names.schemaFor(TENANTS.schema as TenantId)}_moved`);
    const missing = await fleetUnder(
      `alter schema ${schemaName} rename to ${moved}`,
      `alter schema ${moved} rename to ${schemaName}`,
    );
    expect(missing.find((r) => r.name === 'storage:missing')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(`tenant ${TENANTS.schema} is missing`),
    });

    const storage = `schema:${TENANTS.schema}`;
    const { rows } = await tb.services.tenancy.adminPool.query<{ migration_id: string }>(
      `delete from platform.storage_migrations where storage = $1
        and migration_id = (select max(migration_id) from platform.storage_migrations where storage = $1)
       returning migration_id`,
      [storage],
    );
    try {
      const behind = await checkIsolation(tb.services.tenancy, { tenantId: TENANTS.schema });
      expect(behind.find((r) => r.name === 'storage:migrations')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('tenantbase migrate'),
      });
    } finally {
      await tb.services.tenancy.adminPool.query(
        `insert into platform.storage_migrations (storage, migration_id) values ($1, $2)`,
        [storage, rows[0]!.migration_id],
      );
    }
    expect(unhealthy(await checkIsolation(tb.services.tenancy))).toEqual([]);
  });
});
