import { describe, expect, it } from 'vitest';
import {
  type ChainedEntry,
  canonicalJson,
  chainBody,
  GENESIS_HASH,
  hashAuditEntry,
  hashChainBody,
} from './audit-hash.js';

const entry: ChainedEntry = {
  seq: '1',
  id: '01900000-0000-7000-8000-000000000001',
  created_at: new Date('2025-01-02T03:04:05.678Z'),
  actor_type: 'tenant_user',
  actor_id: 'u1',
  action: 'deployment.update',
  target_type: 'deployment',
  target_id: 'd1',
  request_id: 'r1',
  before: { status: 'pending', b: [1, 'x', null] },
  after: { status: 'active' },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes values as JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: new Date(0) }, '10': 2, '9': [undefined, NaN] })).toBe(
      '{"10":2,"9":[null,null],"a":{"c":"1970-01-01T00:00:00.000Z"},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is the same for a value and what jsonb hands back for it', () => {
    const written = { z: new Date('2025-01-01T00:00:00Z'), a: [{ y: 0.1 + 0.2, x: 1e21 }] };
    const readBack = { a: [{ x: 1e21, y: 0.30000000000000004 }], z: '2025-01-01T00:00:00.000Z' };
    expect(canonicalJson(written)).toBe(canonicalJson(readBack));
  });
});

describe('hashAuditEntry', () => {
  it('keeps its documented format: sha256(prev_hash || canonical fields), pinned so old chains keep verifying', () => {
    // Also computed with Python's json.dumps(sort_keys=True, separators=(',', ':')) and hashlib.
    expect(hashAuditEntry(GENESIS_HASH, entry)).toBe(
      '4f96598e0c3336740809892945d604e2563cfe20cf365f5cceb88552bc09f3b8',
    );
  });

  it('changes with every covered field and with the previous hash', () => {
    const base = hashAuditEntry(GENESIS_HASH, entry);
    const variants: Partial<ChainedEntry>[] = [
      { seq: '2' },
      { id: '01900000-0000-7000-8000-000000000002' },
      { created_at: new Date('2025-01-02T03:04:05.679Z') },
      { actor_type: 'platform_admin' },
      { actor_id: null },
      { action: 'deployment.delete' },
      { target_type: 'workflow' },
      { target_id: 'd2' },
      { request_id: null },
      { before: { status: 'pending', b: [1, 'x'] } },
      { after: null },
    ];
    for (const variant of variants)
      expect(hashAuditEntry(GENESIS_HASH, { ...entry, ...variant })).not.toBe(base);
    expect(hashAuditEntry('1'.repeat(64), entry)).not.toBe(base);
    expect(hashAuditEntry(GENESIS_HASH, { ...entry, after: { status: 'active' } })).toBe(base);
  });
});

describe('chainBody', () => {
  it('splits the canonical body around seq, so hashing the parts is hashing the whole', () => {
    const { seq, ...rest } = entry;
    const body = chainBody(rest);
    expect(`${body.head}${JSON.stringify(seq)}${body.tail}`).toBe(
      canonicalJson({ v: 1, ...entry, created_at: entry.created_at.toISOString() }),
    );
    expect(hashChainBody(GENESIS_HASH, body, seq)).toBe(hashAuditEntry(GENESIS_HASH, entry));
    // Values read back from jsonb are plain JSON: the shortcut gives the same body.
    const plain = {
      ...rest,
      before: JSON.parse(JSON.stringify(rest.before)),
      after: JSON.parse(JSON.stringify(rest.after)),
    };
    expect(chainBody(plain, true)).toEqual(body);
    expect(hashAuditEntry(GENESIS_HASH, { ...plain, seq }, true)).toBe(hashAuditEntry(GENESIS_HASH, entry));
  });
});
