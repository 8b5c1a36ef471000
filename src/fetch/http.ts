/**
 * One polite GET over node:http(s): the host is resolved and every address checked
 * (src/fetch/address.ts) before connecting, and the connection goes to the address that was
 * checked (a `lookup` that answers with it), so a name that resolves differently a moment later
 * (DNS rebinding) cannot slip past. Redirects are followed by hand, each hop checked the same
 * way. A connect timeout, a total deadline and a byte cap bound every fetch; the body is read as
 * a stream and the connection dropped once the cap is passed.
 *
 * Node's built-in fetch is not used because it resolves names itself and gives no hook to pin
 * the address it connects to.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressAllowed, normaliseHost, type AddressKind, type PrivateNetworkAllowance } from './address.js';

export interface HttpPolicy {
  userAgent: string;
  /** Milliseconds to open the connection (and TLS) to one hop. */
  connectTimeoutMs: number;
  /** Milliseconds for the whole fetch: every redirect and the whole body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivateNetwork: PrivateNetworkAllowance;
}

export type FetchFailure = { ok: false; rule: string; text: string };

export interface FetchedBody {
  ok: true;
  /** The URL the body came from, after redirects. */
  url: string;
  /** The media type, lower-cased, without parameters; '' when the server sent none. */
  mediaType: string;
  charset: string | null;
  body: Uint8Array;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const KIND_NAMES: Record<AddressKind, string> = {
  public: 'a public',
  loopback: 'a loopback',
  private: 'a private',
  'link-local': 'a link-local',
  shared: 'a shared (carrier-grade NAT)',
  unspecified: 'an unspecified',
  multicast: 'a multicast',
  reserved: 'a reserved',
  metadata: 'a cloud metadata',
};

const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/plain;q=0.8';

/**
 * Fetches one URL. Never throws for anything the network or the server does: the outcome is a
 * body or a failure with a rule and a sentence that names the URL.
 *
 * `accepts(mediaType)` is asked once the headers of the last hop arrive; a refusal is returned
 * as the failure (the body is not read).
 */
export async function fetchOnce(given: string, policy: HttpPolicy, accepts: (mediaType: string) => FetchFailure | null): Promise<FetchedBody | FetchFailure> {
  const fail = (rule: string, text: string): FetchFailure => ({ ok: false, rule, text: `${given}: ${text}` });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), policy.timeoutMs);
  try {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      return fail('fetch/bad-url', 'is not a valid URL.');
    }
    for (let hop = 0; ; hop += 1) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return fail('fetch/bad-url', `${hop === 0 ? 'is' : `redirected to ${url.href}, which is`} not an http or https URL; crosscheck fetches only those.`);
      }
      const address = await checkedAddress(url, policy.allowPrivateNetwork);
      if (typeof address !== 'string') return fail(address.rule, hop === 0 ? address.text : `redirected to ${url.href}, but ${address.text}`);

      const response = await request(url, address, policy, deadline.signal);
      if ('rule' in response) return fail(response.rule, deadline.signal.aborted ? `took longer than ${seconds(policy.timeoutMs)}; the fetch was stopped.` : response.text);

      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop + 1 > policy.maxRedirects) return fail('fetch/too-many-redirects', `was redirected more than ${policy.maxRedirects} times; the last hop was ${url.href}.`);
        try {
          url = new URL(location, url);
        } catch {
          return fail('fetch/bad-url', `redirected to ${JSON.stringify(location)}, which is not a valid URL.`);
        }
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        response.destroy();
        return fail('fetch/http-status', `the server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}.`);
      }
      const [mediaType = '', ...parameters] = (response.headers['content-type'] ?? '').split(';').map((part) => part.trim());
      const refused = accepts(mediaType.toLowerCase());
      if (refused) {
        response.destroy();
        return fail(refused.rule, refused.text);
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > policy.maxBytes) {
        response.destroy();
        return fail('fetch/too-large', tooLarge(policy.maxBytes));
      }
      const body = await readCapped(response, policy.maxBytes);
      if (body === 'too-large') return fail('fetch/too-large', tooLarge(policy.maxBytes));
      if (body === 'failed') return fail(deadline.signal.aborted ? 'fetch/timeout' : 'fetch/failed', deadline.signal.aborted ? `took longer than ${seconds(policy.timeoutMs)}; the fetch was stopped.` : 'the connection broke while the page was being read.');
      const charset = parameters.find((part) => /^charset=/i.test(part))?.slice(8).replace(/^"|"$/g, '').toLowerCase() ?? null;
      return { ok: true, url: url.href, mediaType: mediaType.toLowerCase(), charset, body };
    }
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(maxBytes: number): string {
  return `is larger than the limit of ${maxBytes} bytes; it was not analyzed (raise --max-bytes to read it).`;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/** Resolves the URL's host and returns the one address to connect to, or why none may be used. */
async function checkedAddress(url: URL, allowance: PrivateNetworkAllowance): Promise<string | { rule: string; text: string }> {
  const host = normaliseHost(url.hostname);
  if (host === null) return { rule: 'fetch/bad-url', text: `the host ${url.hostname} is not valid.` };
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = (await dnsLookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch (error) {
      return { rule: 'fetch/dns', text: `the host ${host} could not be found (${(error as NodeJS.ErrnoException).code ?? 'DNS error'}).` };
    }
  }
  // Every address must pass: a name that also resolves to a private address is refused whole.
  for (const address of addresses) {
    const verdict = addressAllowed(address, allowance);
    if (!verdict.allowed) {
      const via = verdict.address === host ? '' : ` (${host} resolves to it)`;
      return { rule: 'fetch/blocked-address', text: `${verdict.address} is ${KIND_NAMES[verdict.kind]} address${via}; crosscheck does not fetch from ${verdict.kind === 'metadata' ? 'cloud metadata services unless the address is listed in --allow-private-network' : 'private networks unless --allow-private-network allows it'}.` };
    }
  }
  const first = addresses[0];
  return first === undefined ? { rule: 'fetch/dns', text: `the host ${host} has no address.` } : normaliseHost(first) ?? first;
}

/** Sends the GET to the pinned address and resolves with the response head, or why there is none. */
function request(url: URL, address: string, policy: HttpPolicy, signal: AbortSignal): Promise<IncomingMessage | { rule: string; text: string }> {
  const family = address.includes(':') ? 6 : 4;
  // Whatever name the socket asks for, it gets the address we checked.
  const pinned = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
  return new Promise((resolve) => {
    let connectTimer: NodeJS.Timeout | undefined;
    const settle = (value: IncomingMessage | { rule: string; text: string }) => {
      clearTimeout(connectTimer);
      resolve(value);
    };
    const client = url.protocol === 'https:' ? https : http;
    // No shared agent: a pooled socket would skip the check for this hop.
    const req = client.request(url, { method: 'GET', agent: false, lookup: pinned, signal, headers: { 'user-agent': policy.userAgent, accept: ACCEPT, 'accept-encoding': 'identity' } }, settle);
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => {
        req.destroy();
        settle({ rule: 'fetch/timeout', text: `could not connect within ${seconds(policy.connectTimeoutMs)}.` });
      }, policy.connectTimeoutMs);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      settle(signal.aborted ? { rule: 'fetch/timeout', text: '' } : { rule: 'fetch/failed', text: `could not be fetched (${error.code ?? error.message}).` });
    });
    req.end();
  });
}

/** The body, or 'too-large' once it passes the cap (the connection is dropped then), or 'failed'. */
function readCapped(response: IncomingMessage, maxBytes: number): Promise<Uint8Array | 'too-large' | 'failed'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    response.on('error', () => resolve('failed'));
    response.on('close', () => {
      if (!response.complete) resolve('failed');
    });
  });
}
