/**
 * `npx tsx bench/entry-type-change.ts [--rows 100000] [--rounds 1] [--models pool,schema,database]`
 *
 * Issue 14: what a schema change (`PATCH /api/v1/entry-types/orders`) costs on a type with
 * `--rows` entries, per isolation model, through the HTTP route under the product's 30 s
 * statement timeout. Each round: (a) add an optional string field (searched by `q`), (b) add a
 * numeric field, (c) a change about half the entries fail (→ 409, nothing changed), (d) a rename
 * only, (e) a looser `amount` every entry is checked against, (f) back to the seeded schema (two
 * fields removed). 50 ms into every change an entry create of the same type starts, to show how
 * long the change's lock holds creates back.
 * Entries are seeded past the API as entries-bench.ts seeds them (`seedEntries`).
 */
import { parseArgs } from 'node:util';
import { startBenchInstance } from './bench-instance.js';
import { ORDER_BODY, seedEntries } from './entries-bench.js';
import { seedTenants } from './seed-tenants.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '1' },
    models: { type: 'string', default: 'pool,schema,database' },
  },
});
const rows = Number(args.rows);
const rounds = Number(args.rounds);
const models = args.models.split(',') as Array<'pool' | 'schema' | 'database'>;
const log = (line: string) => console.error(line);

type Schema = { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;

const NOTE = { note: { type: 'string', maxLength: 2000 } };
const WEIGHT = { weight: { type: 'number', minimum: 0 } };
const amountUpTo = (maximum: number) => ({ amount: { type: 'number', minimum: 0, maximum } });

/** The changes of one round, each from the seeded schema. */
const CHANGES: Array<{ label: string; body: (seeded: Schema) => Record<string, unknown>; expect: number }> = [
  {
    label: '(a) add optional string field `note` (searched)',
    body: (s) => ({ schema: withFields(s, NOTE) }),
    expect: 200,
  },
  {
    label: '(b) add numeric field `weight`',
    body: (s) => ({ schema: withFields(s, { ...NOTE, ...WEIGHT }) }),
    expect: 200,
  },
  {
    label: '(c) `amount` maximum 500 (about half fail)',
    body: (s) => ({ schema: withFields(s, { ...NOTE, ...WEIGHT, ...amountUpTo(500) }) }),
    expect: 409,
  },
  { label: '(d) rename only', body: () => ({ name: 'Orders (renamed)' }), expect: 200 },
  {
    label: '(e) `amount` maximum 1000 (every entry checked, all pass)',
    body: (s) => ({ schema: withFields(s, { ...NOTE, ...WEIGHT, ...amountUpTo(1000) }) }),
    expect: 200,
  },
  { label: '(f) back to the seeded schema (two fields removed)', body: (s) => ({ schema: s }), expect: 200 },
];

function withFields(schema: Schema, fields: Record<string, Record<string, unknown>>): Schema {
  return { ...schema, properties: { ...schema.properties, ...fields } };
}

const instance = await startBenchInstance({
  provisioningConcurrency: 2,
  env: {},
  extraRoutes: () => undefined,
  log,
});
try {
  const seedStart = performance.now();
  const tenants = await seedTenants(
    instance.services,
    models.map((isolation) => ({ id: `typechange-${isolation}`, isolation, deployments: 0 })),
    2,
    () => undefined,
  );
  for (const tenant of tenants) {
    await seedEntries(instance, tenant, rows);
    log(`  entries seeded: ${tenant.id}`);
  }
  await instance.settle();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const lines = [
    `Schema changes of a type with ${rows.toLocaleString('en')} entries (seeded in ${seedSeconds.toFixed(0)} s), ${rounds} round(s), statement timeout 30 s:`,
    '',
    '| model | round | change | status | wall ms | create started 50 ms in: status, ms |',
    '|---|---|---|---|---:|---|',
  ];
  for (const tenant of tenants) {
    const call = async (method: string, path: string, body?: unknown) => {
      const started = performance.now();
      const response = await fetch(`${instance.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tenant.token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await response.json()) as { data?: { schema?: Schema }; error?: { message: string } };
      return { status: response.status, ms: performance.now() - started, json };
    };
    const seeded = (await call('GET', '/api/v1/entry-types/orders')).json.data!.schema!;
    for (let round = 1; round <= rounds; round++) {
      for (const change of CHANGES) {
        const patch = call('PATCH', '/api/v1/entry-types/orders', change.body(seeded));
        await new Promise((resolve) => setTimeout(resolve, 50));
        const create = await call('POST', '/api/v1/entries/orders', ORDER_BODY);
        const done = await patch;
        const note =
          done.status === change.expect
            ? ''
            : ` (expected ${change.expect}: ${done.json.error?.message ?? ''})`;
        lines.push(
          `| ${tenant.isolation} | ${round} | ${change.label} | ${done.status}${note} | ${done.ms.toFixed(0)} | ${create.status}, ${create.ms.toFixed(0)} |`,
        );
        log(lines[lines.length - 1]!);
      }
    }
  }
  console.log(lines.join('\n'));
} finally {
  await instance.destroy();
}
