import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../protection/json-value-problem.js';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, parseManifest } from './archive-format.js';

const manifest = (tenant: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    created_at: new Date().toISOString(),
    tenant: {
      id: 'acme',
      name: 'Acme',
      tier: 'standard',
      isolation: 'pool',
      business_domain: 'default',
      feature_overrides: {},
      branding: {},
      settings: {},
      limit_overrides: {},
      ...tenant,
    },
    migrations: [],
    tables: [],
  });

const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: deep(depth - 1) });

describe('parseManifest', () => {
  it('takes a well-formed manifest', () => {
    expect(parseManifest(manifest()).tenant.id).toBe('acme');
  });

  it.for([
    ['a NUL in the name', { name: 'Ac\u0000me' }, 'manifest.tenant.name'],
    ['a NUL in a setting', { settings: { gst_number: 'x\u0000' } }, 'manifest.tenant.settings.gst_number'],
    [
      'a lone surrogate in branding',
      { branding: { company_name: '\ud800' } },
      'manifest.tenant.branding.company_name',
    ],
    ['settings nested too deep', { settings: deep(MAX_JSON_DEPTH) }, 'manifest.tenant.settings'],
  ] as const)('refuses %s, which would be stored as is, with 400 naming where', ([, tenant, path]) => {
    expect(() => parseManifest(manifest(tenant))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => parseManifest(manifest(tenant))).toThrow(path);
  });
});
