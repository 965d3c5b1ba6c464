/**
 * Prints every query of the Grafana dashboard as a Prometheus recording rule, so that
 * `promtool check rules` parses them too (dashboard variables become ".*").
 * `npx tsx scripts/dashboard-queries-as-rules.ts deploy/grafana/tenantbase.json`
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';

interface Dashboard {
  panels: Array<{ targets?: Array<{ expr: string }> }>;
}

const dashboard = JSON.parse(
  readFileSync(process.argv[2] ?? 'deploy/grafana/tenantbase.json', 'utf8'),
) as Dashboard;
const rules = dashboard.panels.flatMap((panel, p) =>
  (panel.targets ?? []).map((target, t) => ({
    record: `dashboard:panel_${p}_${t}`,
    expr: target.expr.replaceAll(/\$(instance|tenant)/g, '.*'),
  })),
);
process.stdout.write(`${JSON.stringify({ groups: [{ name: 'dashboard', rules }] }, null, 2)}\n`);
