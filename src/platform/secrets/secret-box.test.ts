import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyId, SecretBox } from './secret-box.js';
import { generatedKeyPath, generatedSecretsKey } from './secrets-key.js';

describe('SecretBox', () => {
  const kek = randomBytes(32);
  const box = new SecretBox(kek);

  it('seals with a fresh data key each time and opens for the same context', () => {
    const first = box.seal('hunter2-is-the-password', 'platform.secrets:x');
    const second = box.seal('hunter2-is-the-password', 'platform.secrets:x');
    expect(first).not.toBe(second);
    expect(first).not.toContain('hunter2');
    expect(first.split('.')[1]).toBe(keyId(kek));
    expect(SecretBox.isSealed(first)).toBe(true);
    expect(SecretBox.isSealed('hunter2')).toBe(false);
    expect(box.open(first, 'platform.secrets:x')).toBe('hunter2-is-the-password');
  });

  it('refuses another context, another key and any altered byte', () => {
    const sealed = box.seal('secret', 'signing_key:a');
    expect(() => box.open(sealed, 'signing_key:b')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'signing_key:a')).toThrow(/unknown key/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[body.length - 1]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => box.open(parts.join('.'), 'signing_key:a')).toThrow();
    expect(() => box.open('tbenc1.only.three', 'signing_key:a')).toThrow(/not a sealed secret/);
  });

  it('opens what an earlier key sealed once that key is given as previous (KEK rotation)', () => {
    const sealed = box.seal('old', 'c');
    const rotated = new SecretBox(randomBytes(32), [kek]);
    expect(rotated.open(sealed, 'c')).toBe('old');
    expect(rotated.seal('new', 'c').split('.')[1]).toBe(rotated.currentKeyId);
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('the key generated under DATA_DIR', () => {
  it('is made once, readable by its owner only, and the same for every later caller', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tenantbase-key-')), 'data');
    const first = generatedSecretsKey(dir);
    expect(first).toHaveLength(32);
    expect(statSync(generatedKeyPath(dir)).mode & 0o777).toBe(0o600);
    expect(generatedSecretsKey(dir)).toEqual(first);
  });
});
