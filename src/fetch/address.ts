/**
 * Which network addresses the fetcher may connect to: the guard against server-side request
 * forgery. A URL from an article list or a feed must not make crosscheck reach the machine it
 * runs on, the local network or a cloud metadata service, so every address a host resolves to
 * (and every redirect's) is classified here before a connection is made.
 *
 * Hosts are normalised with the WHATWG URL parser first, which already reads the odd IPv4 forms
 * (`0x7f.1`, `2130706433`, `0177.0.0.1`) as dotted decimal; IPv6 forms that carry an IPv4
 * address (mapped `::ffff:a.b.c.d`, NAT64, 6to4) are judged by the IPv4 address inside. We wrote
 * the ranges out ourselves because Node has no classifier and a dependency for a table is not
 * worth its weight.
 */
import { isIP } from 'node:net';

export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'shared' | 'unspecified' | 'multicast' | 'reserved' | 'metadata';

/**
 * Which non-public addresses the user allows: `true` allows every kind but cloud metadata
 * addresses, which are only reachable when listed; a list allows exactly the addresses and CIDR
 * ranges in it (`['127.0.0.1']`, `['10.0.0.0/8', '::1']`). Default `false`: public addresses only.
 */
export type PrivateNetworkAllowance = boolean | readonly string[];

interface ParsedAddress {
  family: 4 | 6;
  /** 32 bits for IPv4, 128 for IPv6. */
  value: bigint;
}

/**
 * A host as a URL would hold it, normalised: IPv4 in dotted decimal, IPv6 in its shortest form
 * without brackets, an IPv4-mapped IPv6 address as its IPv4 address. Names are lower-cased.
 * Null when the host is not valid in a URL.
 *
 * @example normaliseHost('0x7f.1') // '127.0.0.1'
 */
export function normaliseHost(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let hostname: string;
  try {
    hostname = new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return null;
  }
  if (!hostname.startsWith('[')) return hostname;
  const v6 = hostname.slice(1, -1);
  const parsed = parseAddress(v6);
  const mapped = parsed && mappedIPv4(parsed.value);
  return mapped === null || mapped === undefined ? v6 : formatIPv4(mapped);
}

/** Classifies an IP address (any form `normaliseHost` reads). */
export function classifyAddress(address: string): AddressKind {
  const normal = normaliseHost(address);
  const parsed = normal === null ? null : parseAddress(normal);
  if (!parsed) return 'reserved';
  return parsed.family === 4 ? classifyIPv4(Number(parsed.value)) : classifyIPv6(parsed.value);
}

/**
 * Whether the fetcher may connect to this address under the user's allowance; the answer says
 * what kind of address it is, for the message.
 */
export function addressAllowed(address: string, allowance: PrivateNetworkAllowance = false): { allowed: boolean; kind: AddressKind; address: string } {
  const normal = normaliseHost(address) ?? address;
  const kind = classifyAddress(normal);
  if (kind === 'public') return { allowed: true, kind, address: normal };
  if (allowance === true) return { allowed: kind !== 'metadata', kind, address: normal };
  if (allowance === false) return { allowed: false, kind, address: normal };
  const parsed = parseAddress(normal);
  return { allowed: parsed !== null && allowance.some((entry) => inRange(parsed, entry)), kind, address: normal };
}

/** Checks an allowance list once, so that a typo is an error before any fetch. Returns the bad entries. */
export function invalidAllowanceEntries(allowance: PrivateNetworkAllowance): string[] {
  if (typeof allowance === 'boolean') return [];
  return allowance.filter((entry) => parseRange(entry) === null);
}

function inRange(address: ParsedAddress, entry: string): boolean {
  const range = parseRange(entry);
  if (!range || range.base.family !== address.family) return false;
  const bits = address.family === 4 ? 32 : 128;
  const shift = BigInt(bits - range.prefix);
  return address.value >> shift === range.base.value >> shift;
}

function parseRange(entry: string): { base: ParsedAddress; prefix: number } | null {
  const [host, prefixText, extra] = entry.trim().split('/');
  if (host === undefined || extra !== undefined) return null;
  const normal = normaliseHost(host);
  const base = normal === null ? null : parseAddress(normal);
  if (!base) return null;
  const bits = base.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
  return prefix >= 0 && prefix <= bits ? { base, prefix } : null;
}

function parseAddress(address: string): ParsedAddress | null {
  if (isIP(address) === 4) {
    const value = address.split('.').reduce((sum, octet) => (sum << 8n) | BigInt(Number(octet)), 0n);
    return { family: 4, value };
  }
  if (isIP(address) !== 6) return null;
  // The URL parser has already turned any embedded dotted IPv4 into hex groups.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head, tail] = canonical.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').map((group) => BigInt(parseInt(group, 16))) : []);
  const left = groups(head);
  const right = groups(tail);
  const all = tail === undefined ? left : [...left, ...Array<bigint>(8 - left.length - right.length).fill(0n), ...right];
  return { family: 6, value: all.reduce((sum, group) => (sum << 16n) | group, 0n) };
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that carry one. */
function mappedIPv4(value: bigint): number | null {
  const low32 = Number(value & 0xffffffffn);
  if (value >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d
  if (value >> 32n === 0x64ff9b0000000000000000n) return low32; // NAT64 64:ff9b::/96
  return null;
}

function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join('.');
}

function classifyIPv4(value: number): AddressKind {
  const within = (base: string, prefix: number) => {
    const start = Number(parseAddress(base)!.value);
    return prefix === 0 || (value >>> (32 - prefix)) === (start >>> (32 - prefix));
  };
  if (value === 0xa9fea9fe) return 'metadata'; // 169.254.169.254
  if (within('0.0.0.0', 8)) return 'unspecified';
  if (within('127.0.0.0', 8)) return 'loopback';
  if (within('10.0.0.0', 8) || within('172.16.0.0', 12) || within('192.168.0.0', 16)) return 'private';
  if (within('100.64.0.0', 10)) return 'shared';
  if (within('169.254.0.0', 16)) return 'link-local';
  if (within('224.0.0.0', 4)) return 'multicast';
  // IETF protocol assignments, documentation, benchmarking, and the old class E with broadcast.
  if (within('192.0.0.0', 24) || within('192.0.2.0', 24) || within('198.18.0.0', 15) || within('198.51.100.0', 24) || within('203.0.113.0', 24) || within('240.0.0.0', 4)) return 'reserved';
  return 'public';
}

function classifyIPv6(value: bigint): AddressKind {
  const mapped = mappedIPv4(value);
  if (mapped !== null) return classifyIPv4(mapped);
  const top = (bits: number) => value >> BigInt(128 - bits);
  if (value === 0n) return 'unspecified';
  if (value === 1n) return 'loopback';
  if (value === 0xfd000ec2000000000000000000000254n) return 'metadata'; // fd00:ec2::254
  if (top(16) === 0x2002n) return classifyIPv4(Number((value >> 80n) & 0xffffffffn)); // 6to4 carries an IPv4 address
  if (top(7) === 0x7en) return 'private'; // fc00::/7
  if (top(10) === 0x3fan) return 'link-local'; // fe80::/10
  if (top(10) === 0x3fbn) return 'private'; // fec0::/10, the retired site-local range
  if (top(8) === 0xffn) return 'multicast';
  if (top(96) === 0n) return 'reserved'; // the retired IPv4-compatible form ::a.b.c.d
  if (top(32) === 0x20010db8n) return 'reserved'; // documentation
  return 'public';
}
