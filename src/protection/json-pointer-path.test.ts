import { describe, expect, it } from 'vitest';
import { fieldPath, pointerToPath } from './json-pointer-path.js';

describe('detail paths (SPEC §5: keys with dots, indices in brackets)', () => {
  it('turns a JSON pointer into the path spelling', () => {
    expect(pointerToPath('/components/0/material')).toBe('.components[0].material');
    expect(pointerToPath('')).toBe('');
  });

  it('builds a path from steps: numbers are indices, strings keys', () => {
    expect(fieldPath('hostnames', 0)).toBe('hostnames[0]');
    expect(fieldPath('rows', 3, 'date')).toBe('rows[3].date');
    expect(fieldPath('limit_overrides', 'creates_per_hour', 'unicorns')).toBe(
      'limit_overrides.creates_per_hour.unicorns',
    );
    expect(fieldPath('feature_overrides', '12')).toBe('feature_overrides.12');
    expect(fieldPath('settings', 'odd key')).toBe('settings."odd key"');
  });
});
