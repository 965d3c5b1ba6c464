import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Marks a sealed value; anything else in a secret column is plaintext from before encryption. */
const PREFIX = 'tbenc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The id under which a key-encryption key is stored beside each secret, so the KEK can be rotated. */
export function keyId(kek: Buffer): string {
  return createHash('sha256').update('tenantbase-kek:').update(kek).digest('hex').slice(0, 16);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed secret is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/**
 * Envelope encryption of secrets at rest (AES-256-GCM): each secret gets a fresh data key, and
 * only that data key is encrypted with the key-encryption key from SECRETS_KEY. A sealed value
 * reads `tbenc1.<kek id>.<wrapped data key>.<ciphertext>`; the kek id lets a later KEK rotation
 * re-wrap data keys without touching ciphertexts. The `context` (e.g. `signing_key:<kid>`) is
 * authenticated, so a sealed value copied to another row does not open there.
 */
export class SecretBox {
  private readonly keks: Map<string, Buffer>;
  /** The id of the KEK that seals new secrets. */
  readonly currentKeyId: string;

  /** `kek` seals and opens; `previous` keys only open (values sealed before a KEK rotation). */
  constructor(kek: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [kek, ...previous]) {
      if (key.length !== 32) throw new RangeError('a key-encryption key is 32 bytes');
    }
    this.currentKeyId = keyId(kek);
    this.keks = new Map([...previous, kek].map((key) => [keyId(key), key]));
  }

  /** Whether `value` is a sealed secret rather than plaintext left from before encryption. */
  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(`${PREFIX}.`);
  }

  /** Whether a value sealed under key id `kid` can be opened here. */
  knows(kid: string): boolean {
    return this.keks.has(kid);
  }

  seal(plaintext: string, context: string): string {
    const dataKey = randomBytes(32);
    const wrapped = encrypt(this.keks.get(this.currentKeyId)!, dataKey, `${context}:dek`);
    const body = encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context);
    dataKey.fill(0);
    return [PREFIX, this.currentKeyId, wrapped.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** Opens a value sealed for `context`; throws on a wrong key, context or any altered byte. */
  open(sealed: string, context: string): string {
    const [prefix, kid, wrapped, body, extra] = sealed.split('.');
    if (prefix !== PREFIX || !kid || !wrapped || !body || extra !== undefined)
      throw new Error('not a sealed secret');
    const kek = this.keks.get(kid);
    if (!kek)
      throw new Error(`secret sealed with unknown key ${kid} (is SECRETS_KEY the one it was sealed with?)`);
    const dataKey = decrypt(kek, Buffer.from(wrapped, 'base64url'), `${context}:dek`);
    try {
      return decrypt(dataKey, Buffer.from(body, 'base64url'), context).toString('utf8');
    } finally {
      dataKey.fill(0);
    }
  }
}
