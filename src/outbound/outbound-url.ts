import { isIP } from 'node:net';
import type { OutboundPolicy } from './outbound-policy.js';
import { isPublicAddress } from './public-address.js';

/** The URL host as a resolver or BlockList takes it: IPv6 without brackets, no trailing dot, lower case. */
export function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

const isLoopbackHost = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);

/**
 * Why the server must not fetch `url`, or undefined when it may (as far as the URL alone tells;
 * a host name is resolved and checked again when connecting). The WHATWG parser has already
 * turned decimal, hex and octal IPv4 forms into dotted quads, so the literal check sees them.
 */
export function outboundUrlProblem(url: URL, policy: OutboundPolicy): string | undefined {
  const host = bareHost(url);
  const plainHttpAllowed = policy.allowPrivateTargets && url.protocol === 'http:' && isLoopbackHost(host);
  if (url.protocol !== 'https:' && !plainHttpAllowed) return 'must use https://';
  if (url.username || url.password) return 'must not carry credentials';
  if (policy.allowPrivateTargets) return undefined;
  if (isIP(host))
    return isPublicAddress(host) ? undefined : 'must not point to a private or reserved address';
  // A single label is completed by the resolver's search domains: an intranet name, never a provider.
  if (isLoopbackHost(host) || !host.includes('.')) return 'must name a public host';
  return undefined;
}
