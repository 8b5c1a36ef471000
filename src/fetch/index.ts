/**
 * URL and feed ingestion: the only part of crosscheck that reaches the network, and only for
 * URLs the user gives (or the items of a feed the user gives). Each URL becomes inline articles
 * ready for `analyze` or `addToCase`, with the fetched bytes as their content; each problem
 * (refused address, timeout, too large, wrong type, malformed feed) becomes a message naming the
 * URL, and the other URLs are still fetched.
 *
 * Politeness: a User-Agent naming crosscheck and its version, at most a few requests to one host
 * at a time, timeouts, a byte cap and capped redirects (src/fetch/http.ts); protection against
 * server-side request forgery in src/fetch/address.ts.
 */
import { GENERATOR_VERSION } from '../assemble.js';
import type { InputFormat, Message } from '../document.js';
import { CrosscheckError } from '../errors.js';
import type { ArticleInput, InlineArticle } from '../read/index.js';
import { invalidAllowanceEntries, type PrivateNetworkAllowance } from './address.js';
import { FEED_MEDIA_TYPES, parseFeed, type FeedItem } from './feed.js';
import { fetchOnce, type FetchFailure, type FetchedBody, type HttpPolicy } from './http.js';

export { addressAllowed, classifyAddress, normaliseHost } from './address.js';
export type { AddressKind, PrivateNetworkAllowance } from './address.js';

/** Named in the User-Agent; a reserved .invalid address (as in the schema's $id) until the project has a public home. */
export const PROJECT_URL = 'https://crosscheck.invalid/';

export const USER_AGENT = `crosscheck/${GENERATOR_VERSION} (+${PROJECT_URL})`;

export interface FetchOptions {
  /** Non-public addresses the fetcher may reach (see `PrivateNetworkAllowance`). Default false. */
  allowPrivateNetwork?: PrivateNetworkAllowance;
  /** A response larger than this many bytes is dropped with a message. Default 20 MB. */
  maxBytes?: number;
  /** Milliseconds for one URL, redirects and body included. Default 30,000. */
  timeoutMs?: number;
  /** Milliseconds to open a connection. Default 10,000. */
  connectTimeoutMs?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Requests open at once to one host. Default 2. */
  perHostConcurrency?: number;
  /** Items read from one feed, newest first as the feed lists them. Default 50. */
  maxFeedItems?: number;
}

export interface FetchResult {
  /** The articles fetched, in the order of the URLs (a feed's items in feed order). */
  inputs: InlineArticle[];
  /** Problems with URLs, feeds and feed items; `doc` is null, the text names the URL. */
  messages: Message[];
}

const DEFAULTS = { maxBytes: 20 * 1024 * 1024, timeoutMs: 30_000, connectTimeoutMs: 10_000, maxRedirects: 5, perHostConcurrency: 2, maxFeedItems: 50 };

const URL_INPUT = /^https?:\/\//i;

/** Whether an input is a URL to fetch (http or https) rather than a path. */
export function isUrlInput(input: ArticleInput): input is string {
  return typeof input === 'string' && URL_INPUT.test(input);
}

/**
 * Fetches articles and feeds. A feed's items are fetched as articles, with the item's title,
 * date and the feed's title (as outlet) kept as their metadata.
 *
 * @example
 * const { inputs, messages } = await fetchInputs(['https://example.org/news/harbour-strike']);
 * const analysis = await analyze(inputs);
 */
export async function fetchInputs(urls: readonly string[], options: FetchOptions = {}): Promise<FetchResult> {
  const fetcher = new Fetcher(options);
  const results = await Promise.all(urls.map((url) => fetcher.fetchUrl(url)));
  return { inputs: results.flatMap((result) => result.inputs), messages: results.flatMap((result) => result.messages) };
}

/**
 * Replaces every URL among the inputs by the articles fetched from it, in place, so that the
 * documents keep the order the user gave; paths and inline articles pass through untouched.
 */
export async function fetchUrlInputs(inputs: readonly ArticleInput[], options: FetchOptions = {}): Promise<{ inputs: ArticleInput[]; messages: Message[] }> {
  if (!inputs.some(isUrlInput)) return { inputs: [...inputs], messages: [] };
  const fetcher = new Fetcher(options);
  const fetched = await Promise.all(inputs.map((input) => (isUrlInput(input) ? fetcher.fetchUrl(input) : { inputs: [input], messages: [] })));
  return { inputs: fetched.flatMap((result) => result.inputs), messages: fetched.flatMap((result) => result.messages) };
}

type Kind = 'html' | 'txt' | 'feed';

function kindOf(mediaType: string): Kind | null {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return 'html';
  if (mediaType === 'text/plain' || mediaType === 'text/markdown') return 'txt';
  return FEED_MEDIA_TYPES.has(mediaType) ? 'feed' : null;
}

class Fetcher {
  private readonly policy: HttpPolicy;
  private readonly maxFeedItems: number;
  private readonly hosts: HostLimit;

  constructor(options: FetchOptions) {
    const allowance = options.allowPrivateNetwork ?? false;
    const invalid = invalidAllowanceEntries(allowance);
    if (invalid.length > 0) throw new CrosscheckError('INVALID_OPTIONS', `allowPrivateNetwork: expected IP addresses or CIDR ranges such as 127.0.0.1 or 10.0.0.0/8, got ${invalid.map((entry) => JSON.stringify(entry)).join(', ')}.`);
    const settings = { ...DEFAULTS, ...definedOnly(options) };
    for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
      const value = settings[key];
      if (!Number.isInteger(value) || value < (key === 'maxRedirects' ? 0 : 1)) throw new CrosscheckError('INVALID_OPTIONS', `${key}: expected a positive whole number, got ${JSON.stringify(value)}.`);
    }
    this.policy = { userAgent: USER_AGENT, connectTimeoutMs: settings.connectTimeoutMs, timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes, maxRedirects: settings.maxRedirects, allowPrivateNetwork: allowance };
    this.maxFeedItems = settings.maxFeedItems;
    this.hosts = new HostLimit(settings.perHostConcurrency);
  }

  /** One URL the user gave: an article, or a feed whose items are then fetched. */
  async fetchUrl(url: string): Promise<FetchResult> {
    const fetched = await this.get(url, (kind) => kind !== null, 'an HTML page, plain text or a feed (RSS, Atom, JSON Feed)');
    if (!fetched.ok) return failed(fetched);
    if (kindOf(fetched.mediaType) !== 'feed') return { inputs: [articleOf(url, fetched, {})], messages: [] };

    const feed = parseFeed(decodeText(fetched), fetched.url);
    if ('malformed' in feed) return failed({ rule: 'fetch/malformed-feed', text: `${url}: ${feed.malformed}` });
    const messages = feed.problems.map((problem) => runMessage('fetch/malformed-feed', 'warning', `${url}: ${problem}`));
    if (feed.items.length > this.maxFeedItems) {
      messages.push(runMessage('fetch/feed-items-capped', 'info', `${url}: the feed lists ${feed.items.length} items; the first ${this.maxFeedItems} were read (raise maxFeedItems to read more).`));
    }
    if (feed.items.length === 0) messages.push(runMessage('fetch/empty-feed', 'error', `${url}: the feed lists no articles.`));
    const items = await Promise.all(feed.items.slice(0, this.maxFeedItems).map((item) => this.fetchItem(item, feed.title)));
    return { inputs: items.flatMap((item) => item.inputs), messages: [...messages, ...items.flatMap((item) => item.messages)] };
  }

  private async fetchItem(item: FeedItem, outlet: string | null): Promise<FetchResult> {
    // A feed item is an article: a feed that links to feeds is not followed further.
    const fetched = await this.get(item.link, (kind) => kind === 'html' || kind === 'txt', 'an HTML page or plain text (a feed item must link to an article)');
    if (!fetched.ok) return failed(fetched);
    return { inputs: [articleOf(item.link, fetched, { title: item.title, published: item.published, outlet })], messages: [] };
  }

  private get(url: string, wanted: (kind: Kind | null) => boolean, described: string): Promise<FetchedBody | FetchFailure> {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      host = url;
    }
    return this.hosts.run(host, () =>
      fetchOnce(url, this.policy, (mediaType) =>
        wanted(kindOf(mediaType)) ? null : { ok: false, rule: 'fetch/unsupported-type', text: `${mediaType ? `is ${mediaType}` : 'came without a content type'}, not ${described}; it was not read.` },
      ),
    );
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function failed(failure: { rule: string; text: string }): FetchResult {
  return { inputs: [], messages: [runMessage(failure.rule, 'error', failure.text)] };
}

function runMessage(rule: string, severity: Message['severity'], text: string): Message {
  return { doc: null, stage: 'fetch', rule, severity, text };
}

function articleOf(source: string, fetched: FetchedBody, meta: { title?: string | null; published?: string | null; outlet?: string | null }): InlineArticle {
  const format: InputFormat = kindOf(fetched.mediaType) === 'txt' ? (fetched.mediaType === 'text/markdown' ? 'md' : 'txt') : 'html';
  // A charset in the header outranks the page's own guess; without one the reader sniffs the bytes.
  const content = fetched.charset && fetched.charset !== 'utf-8' && supportsCharset(fetched.charset) ? new TextDecoder(fetched.charset).decode(fetched.body) : fetched.body;
  const article: InlineArticle = { content, source, format, url: fetched.url };
  if (meta.title) article.title = meta.title;
  if (meta.published) article.published = meta.published;
  if (meta.outlet) article.outlet = meta.outlet;
  return article;
}

function decodeText(fetched: FetchedBody): string {
  return new TextDecoder(fetched.charset && supportsCharset(fetched.charset) ? fetched.charset : 'utf-8').decode(fetched.body);
}

function supportsCharset(charset: string): boolean {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

/** At most `limit` tasks at once per host; the rest wait their turn in order. */
class HostLimit {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const active = this.active.get(host) ?? 0;
    if (active < this.limit) this.active.set(host, active + 1);
    else await new Promise<void>((resolve) => this.waiting.set(host, [...(this.waiting.get(host) ?? []), resolve]));
    try {
      return await task();
    } finally {
      // A finished task hands its slot straight to the next in line, so no newcomer can jump in between.
      const next = this.waiting.get(host)?.shift();
      if (next) next();
      else this.active.set(host, (this.active.get(host) ?? 1) - 1);
    }
  }
}
