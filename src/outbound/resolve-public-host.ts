import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { type OutboundPolicy, OutboundTargetRefused } from './outbound-policy.js';
import { isPublicAddress } from './public-address.js';

/** Resolves a host name to every address it has; the system resolver unless a test passes its own. */
export type HostLookup = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: HostLookup = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * The addresses of `hostname`, all of them public (unless the policy allows private targets).
 * One private address refuses the whole name: a client racing the addresses (Happy Eyeballs)
 * could otherwise pick it. The resolver cannot be cancelled, so a slow one is abandoned.
 */
export async function resolvePublicHost(
  hostname: string,
  policy: OutboundPolicy,
  options: { timeoutMs: number; lookup?: HostLookup },
): Promise<LookupAddress[]> {
  const family = isIP(hostname);
  let timer: NodeJS.Timeout | undefined;
  const addresses = family
    ? [{ address: hostname, family }]
    : await Promise.race([
        (options.lookup ?? systemLookup)(hostname),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error(`resolving ${hostname} timed out`), { code: 'ETIMEOUT' })),
            options.timeoutMs,
          );
        }),
      ]).finally(() => clearTimeout(timer));
  if (addresses.length === 0)
    throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENODATA' });
  if (!policy.allowPrivateTargets && !addresses.every((a) => isPublicAddress(a.address))) {
    throw new OutboundTargetRefused(`${hostname} resolves to a private or reserved address`);
  }
  return addresses;
}
