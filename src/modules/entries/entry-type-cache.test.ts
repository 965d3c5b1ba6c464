import { describe, expect, it, vi } from 'vitest';
import type { EntryTypeRow } from './entry-rows.js';
import { EntryTypeCache } from './entry-type-cache.js';

const row = (tenant: string, key: string, name = key): EntryTypeRow => ({
  tenant_id: tenant,
  key,
  name,
  schema: { type: 'object' },
  feature: null,
  created_at: new Date(0),
  updated_at: new Date(0),
});

describe('EntryTypeCache', () => {
  it('is one per instance: what one app remembers or forgets, another never sees', () => {
    const first = new EntryTypeCache();
    const second = new EntryTypeCache();
    first.remember(row('acme', 'patients'));
    expect(first.get('acme', 'patients')?.name).toBe('patients');
    expect(second.get('acme', 'patients')).toBeUndefined();
    second.remember(row('acme', 'patients', 'renamed'));
    first.forget('acme', 'patients');
    expect(first.get('acme', 'patients')).toBeUndefined();
    expect(second.get('acme', 'patients')?.name).toBe('renamed');
  });

  it('keeps a copy per tenant and for two seconds only', () => {
    vi.useFakeTimers();
    try {
      const types = new EntryTypeCache();
      types.remember(row('acme', 'patients'));
      expect(types.get('globex', 'patients')).toBeUndefined();
      vi.advanceTimersByTime(1999);
      expect(types.get('acme', 'patients')).toBeDefined();
      vi.advanceTimersByTime(2);
      expect(types.get('acme', 'patients')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
