/**
 * `npx tsx bench/scale-database-bench.ts [--tenants N] [--no-pgbouncer] [--rates 100,200] [--seconds S]`:
 * the database half of issue 16's scale benchmark on its own (bench/scale-database.ts); writes
 * bench/results/scale-database.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { renderDatabaseHalf } from './report-scale-database.js';
import { runDatabaseHalf } from './scale-database.js';

const { values: args } = parseArgs({
  options: {
    tenants: { type: 'string', default: '1000' },
    'no-pgbouncer': { type: 'boolean', default: false },
    rates: { type: 'string', default: '100,200' },
    seconds: { type: 'string', default: '30' },
    'settle-cap': { type: 'string', default: '180' },
  },
});
const whole = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: expected a whole number of at least 1`);
  return n;
};
const log = (line: string) => console.error(`[scale-db] ${line}`);
const loadStart = os.loadavg()[0]!;
const startedAt = new Date();
const result = await runDatabaseHalf({
  tenants: whole('tenants', args.tenants),
  pgbouncer: !args['no-pgbouncer'],
  rates: args.rates.split(',').map((rate) => whole('rates', rate.trim())),
  seconds: whole('seconds', args.seconds),
  settleCapSeconds: whole('settle-cap', args['settle-cap']),
  log,
});
const markdown = renderDatabaseHalf(result, {
  command: `npx tsx bench/scale-database-bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  startedAt,
  loadStart,
  loadEnd: os.loadavg()[0]!,
});
console.log(markdown);
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/scale-database.md', import.meta.url), markdown);
process.exit(0);
