import type { Config } from '../config.js';

type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/**
 * Fastify's `trustProxy` from TRUST_PROXY. A hop count becomes a function trusting the nearest
 * `hops` addresses, because Fastify reads a bare number as "trust nobody"; addresses and
 * CIDRs are passed through (the safer choice: only those peers may speak for a client).
 */
export function trustProxyOption(setting: Config['trustProxy']): TrustProxy {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}
