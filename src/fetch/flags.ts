/**
 * The fetcher's command-line flags, shared by `analyze` and `add` so both read URLs alike.
 * Declared as data for commander, which generates their `--help` lines.
 */
import { Option } from 'commander';
import type { FetchOptions } from './index.js';

export interface NetworkFlags {
  allowPrivateNetwork: boolean;
  allowAddress: string[];
}

export function networkOptions(): Option[] {
  return [
    new Option('--allow-private-network', 'let URLs reach loopback, private, link-local and other non-public addresses (never cloud metadata addresses; list those with --allow-address)').default(false),
    new Option('--allow-address <address>', 'let URLs reach this address or CIDR range (e.g. 127.0.0.1, 10.0.0.0/8); repeat for more').argParser((value: string, previous: string[]) => [...previous, value]).default([], 'none'),
  ];
}

export function fetchOptionsOf(flags: NetworkFlags, maxBytes: number): FetchOptions {
  return { maxBytes, allowPrivateNetwork: flags.allowPrivateNetwork ? true : flags.allowAddress.length > 0 ? flags.allowAddress : false };
}
