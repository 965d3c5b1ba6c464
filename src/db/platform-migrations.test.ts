import { describe, expect, it } from 'vitest';
import { platformMigrationPlan } from './platform-migrations.js';

describe('platformMigrationPlan', () => {
  it('keeps the core order, folds a part with a core id into it, and appends module-only ids in registration order', () => {
    const plan = platformMigrationPlan([
      { name: 'late', platformMigrations: [{ id: 'late.0001_x', sql: 'select 2' }] },
      {
        name: 'moved',
        platformMigrations: [
          { id: '0005_tenant_usage_demo_requests', sql: 'select 1' },
          { id: 'moved.0001_y', sql: 'select 3' },
        ],
      },
    ]);
    const ids = plan.map((m) => m.id);
    expect(ids.slice(0, 2)).toEqual(['0001_registry', '0002_jobs']);
    expect(ids.filter((id) => id === '0005_tenant_usage_demo_requests')).toHaveLength(1);
    expect(ids.slice(-2)).toEqual(['late.0001_x', 'moved.0001_y']);
    const merged = plan.find((m) => m.id === '0005_tenant_usage_demo_requests')!.sql;
    expect(merged.indexOf('platform.tenant_usage')).toBeLessThan(merged.indexOf('select 1'));
  });
});
