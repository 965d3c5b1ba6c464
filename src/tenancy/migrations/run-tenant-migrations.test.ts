import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runTenantMigrations } from './run-tenant-migrations.js';

// One storage migrated by two runners at once, a migration that fails midway, and the grants
// the runner gives (only what is missing) checked in the ACLs themselves.
const schema = `run_migrations_${process.pid}`;
const roles = [`${schema}_app`, `${schema}_tenant`];
let first: pg.Client;
let second: pg.Client;

const table = (name: string) => ({
  id: `0001_${name}`,
  up: (s: string) =>
    `create table ${s}.${name} (tenant_id text not null, id int not null, primary key (tenant_id, id))`,
});
const notes = {
  module: 'notes',
  migrations: [table('notes'), { id: '0002_seq', up: (s: string) => `create sequence ${s}.note_numbers` }],
};

async function acl(relation: string): Promise<Record<string, string>> {
  const { rows } = await first.query<{ grantee: string; privileges: string }>(
    `select r.rolname as grantee, string_agg(a.privilege_type, ',' order by a.privilege_type) as privileges
       from pg_class c cross join lateral aclexplode(c.relacl) a join pg_roles r on r.oid = a.grantee
      where c.oid = $1::regclass and r.rolname = any($2) group by r.rolname`,
    [`"${schema}".${relation}`, roles],
  );
  return Object.fromEntries(rows.map((row) => [row.grantee, row.privileges]));
}

beforeAll(async () => {
  first = new pg.Client({ connectionString: inject('serverUrl') });
  second = new pg.Client({ connectionString: inject('serverUrl') });
  await Promise.all([first.connect(), second.connect()]);
  await first.query(`drop schema if exists "${schema}" cascade`);
  for (const role of roles) {
    await first.query(`drop role if exists "${role}"`);
    await first.query(`create role "${role}" nologin`);
  }
});
afterAll(async () => {
  await first?.query(`drop schema if exists "${schema}" cascade`);
  for (const role of roles) await first?.query(`drop owned by "${role}"; drop role if exists "${role}"`);
  await Promise.all([first?.end(), second?.end()]);
});

describe('runTenantMigrations', () => {
  it('applies each migration once when two runners migrate one storage at once', async () => {
    const outcomes = await Promise.all([
      runTenantMigrations(first, schema, [notes], roles),
      runTenantMigrations(second, schema, [notes], roles),
    ]);
    expect(outcomes.map((outcome) => outcome.applied.length).sort()).toEqual([0, 2]);
    const { rows } = await first.query(`select id from "${schema}".tenant_migrations order by id`);
    expect(rows.map((row) => row.id)).toEqual(['notes:0001_notes', 'notes:0002_seq']);
  });

  it('grants each role its rights: the bookkeeping read-only, tables read-write, sequences usable', async () => {
    for (const role of roles) {
      expect((await acl('notes'))[role]).toBe('DELETE,INSERT,SELECT,UPDATE');
      expect((await acl('tenant_migrations'))[role]).toBe('SELECT');
      expect((await acl('note_numbers'))[role]).toBe('SELECT,USAGE');
    }
    // A right taken away by hand comes back on the next run; a forged write right goes.
    await first.query(`revoke delete on "${schema}".notes from "${roles[1]}"`);
    await first.query(`grant insert on "${schema}".tenant_migrations to "${roles[0]}"`);
    expect((await runTenantMigrations(first, schema, [notes], roles)).applied).toEqual([]);
    expect((await acl('notes'))[roles[1]!]).toBe('DELETE,INSERT,SELECT,UPDATE');
    expect((await acl('tenant_migrations'))[roles[0]!]).toBe('SELECT');
  });

  it('keeps what committed before a failing migration, names it, and a re-run completes', async () => {
    let broken = true;
    const later = {
      module: 'later',
      migrations: [
        table('later_a'),
        {
          id: '0002_fails',
          up: (s: string) => (broken ? `select 1/0` : `create table ${s}.later_b (tenant_id text)`),
        },
        table('later_c'),
      ],
    };
    await expect(runTenantMigrations(first, schema, [notes, later], roles)).rejects.toThrow(
      `tenant migration later:0002_fails failed in ${schema}: division by zero`,
    );
    const { rows } = await first.query(
      `select id from "${schema}".tenant_migrations where id like 'later:%'`,
    );
    expect(rows.map((row) => row.id)).toEqual(['later:0001_later_a']);
    // The lock was let go: another session takes it at once.
    const lock = await second.query(
      `select pg_try_advisory_lock(hashtext('tenantbase:migrate:' || $1)) as got`,
      [schema],
    );
    expect(lock.rows[0].got).toBe(true);
    await second.query(`select pg_advisory_unlock(hashtext('tenantbase:migrate:' || $1))`, [schema]);
    broken = false;
    const rerun = await runTenantMigrations(second, schema, [notes, later], roles);
    expect(rerun.applied).toEqual(['later:0002_fails', 'later:0001_later_c']);
  });

  it('refuses when a role to grant to does not exist, as GRANT would', async () => {
    await expect(
      runTenantMigrations(first, schema, [notes], [roles[0]!, `${schema}_gone`]),
    ).rejects.toMatchObject({ code: '42704' });
  });
});
