// Prints every query of the Grafana dashboard as a Prometheus recording rule, so that
// `promtool check rules` parses them too (dashboard variables become ".*").
import { readFileSync } from 'node:fs';

const dashboard = JSON.parse(readFileSync(process.argv[2] ?? 'deploy/grafana/tenantbase.json', 'utf8'));
const rules = dashboard.panels.flatMap((panel, p) =>
  (panel.targets ?? []).map((target, t) => ({
    record: `dashboard:panel_${p}_${t}`,
    expr: target.expr.replaceAll(/\$(instance|tenant)/g, '.*'),
  })),
);
console.log(JSON.stringify({ groups: [{ name: 'dashboard', rules }] }, null, 2));
