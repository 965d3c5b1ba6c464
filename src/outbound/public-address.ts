import { BlockList, isIP } from 'node:net';

/** IANA special-purpose IPv4 blocks: this network, private, CGNAT, loopback, link-local, documentation, benchmarking, multicast, reserved. */
const SPECIAL_IPV4: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.31.196.0', 24],
  ['192.52.193.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['192.175.48.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

/**
 * Only 2000::/3 is global unicast, so everything outside it is refused (loopback, unspecified,
 * IPv4-mapped and -compatible, NAT64, ULA, link-local, multicast), and inside it the blocks that
 * embed or tunnel to an IPv4 address (Teredo, 6to4) or are documentation.
 */
const SPECIAL_IPV6: Array<[string, number]> = [
  ['::', 3],
  ['4000::', 2],
  ['8000::', 1],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
];

// Two lists, not one: BlockList matches an IPv4 address against IPv6 rules through its mapped
// form (::ffff:a.b.c.d), so ::/3 in a shared list would refuse every IPv4 address.
const ipv4 = new BlockList();
for (const [network, prefix] of SPECIAL_IPV4) ipv4.addSubnet(network, prefix, 'ipv4');
const ipv6 = new BlockList();
for (const [network, prefix] of SPECIAL_IPV6) ipv6.addSubnet(network, prefix, 'ipv6');

/** True when `address` (an IP literal, IPv6 without brackets) is a public unicast address; false for anything else, including non-IPs. */
export function isPublicAddress(address: string): boolean {
  if (address.includes('%')) return false; // a zone index scopes the address to a local link
  const family = isIP(address);
  if (family === 4) return !ipv4.check(address, 'ipv4');
  if (family === 6) return !ipv6.check(address, 'ipv6');
  return false;
}
