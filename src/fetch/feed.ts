/**
 * Feeds: RSS 2.0 (and RSS 1.0's RDF), Atom and JSON Feed become a list of items to fetch, each
 * with the title, date and outlet (the feed's title) the feed gives for it. XML is parsed with
 * linkedom, which is lenient: a broken feed still yields what it holds, and what is missing (no
 * recognised root, an item without a link, a feed cut off before its closing tag) becomes a
 * problem to report, never an exception.
 */
import { DOMParser } from 'linkedom';

export interface FeedItem {
  /** Absolute URL of the article. */
  link: string;
  title: string | null;
  /** ISO 8601 when the feed's date parses, else as the feed wrote it. */
  published: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
  problems: string[];
}

/** Media types that name a feed; `application/json` and XML need a look inside. */
export const FEED_MEDIA_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/xml', 'text/xml', 'application/json']);

/** Reads a feed; `{malformed}` says why when the text is no feed at all. */
export function parseFeed(text: string, baseUrl: string): Feed | { malformed: string } {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJsonFeed(trimmed, baseUrl) : parseXmlFeed(trimmed, baseUrl);
}

function parseJsonFeed(text: string, baseUrl: string): Feed | { malformed: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { malformed: `is not valid JSON (${(error as Error).message}).` };
  }
  const feed = value as { version?: unknown; title?: unknown; items?: unknown };
  if (typeof feed !== 'object' || feed === null || typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(feed.items)) {
    return { malformed: 'is JSON but not a JSON Feed (no "version" from jsonfeed.org and "items" list).' };
  }
  const problems: string[] = [];
  const items: FeedItem[] = [];
  feed.items.forEach((raw: unknown, index) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const link = absolute(stringOrNull(item.url) ?? stringOrNull(item.external_url), baseUrl);
    if (!link) problems.push(`item ${index + 1} has no usable "url"; it was skipped.`);
    else items.push({ link, title: stringOrNull(item.title), published: isoDate(stringOrNull(item.date_published)) });
  });
  return { title: stringOrNull(feed.title), items, problems };
}

function parseXmlFeed(text: string, baseUrl: string): Feed | { malformed: string } {
  const root = new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as XmlElement | null;
  const rootName = root?.localName?.toLowerCase() ?? '';
  const kind = rootName === 'rss' ? 'rss' : rootName === 'feed' ? 'atom' : rootName === 'rdf:rdf' || rootName === 'rdf' ? 'rdf' : null;
  if (!root || !kind) return { malformed: 'is not an RSS, Atom or JSON feed (no <rss>, <feed> or <rdf:RDF> root element).' };

  const problems: string[] = [];
  // linkedom closes what a cut-off feed leaves open; the missing closing tag is the sign of it.
  if (!new RegExp(`</${root.tagName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>\\s*$`, 'i').test(text)) {
    problems.push(`looks cut off or malformed (it does not end with </${root.tagName}>); the items that could be read were used.`);
  }
  const channel = kind === 'atom' ? root : (child(root, 'channel') ?? root);
  const title = textOf(child(channel, 'title'));
  const entries = kind === 'atom' ? descendants(root, 'entry') : descendants(root, 'item');
  const items: FeedItem[] = [];
  entries.forEach((entry, index) => {
    const link = absolute(kind === 'atom' ? atomLink(entry) : textOf(child(entry, 'link')) ?? permalinkGuid(entry), baseUrl);
    if (!link) {
      problems.push(`item ${index + 1} has no link; it was skipped.`);
      return;
    }
    const date = kind === 'atom' ? textOf(child(entry, 'published')) ?? textOf(child(entry, 'updated')) : textOf(child(entry, 'pubDate')) ?? textOf(child(entry, 'dc:date'));
    items.push({ link, title: textOf(child(entry, 'title')), published: isoDate(date) });
  });
  return { title, items, problems };
}

/** The part of linkedom's element we use. */
interface XmlElement {
  localName: string;
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

function child(parent: XmlElement, name: string): XmlElement | null {
  return Array.from(parent.children).find((element) => element.tagName.toLowerCase() === name.toLowerCase()) ?? null;
}

function descendants(root: XmlElement, name: string): XmlElement[] {
  return Array.from(root.getElementsByTagName(name));
}

function atomLink(entry: XmlElement): string | null {
  const links = Array.from(entry.children).filter((element) => element.tagName.toLowerCase() === 'link');
  const alternate = links.find((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate');
  return alternate?.getAttribute('href')?.trim() || null;
}

/** An RSS item without <link> may still name its page in a permalink <guid>. */
function permalinkGuid(item: XmlElement): string | null {
  const guid = child(item, 'guid');
  return guid && guid.getAttribute('isPermaLink') !== 'false' ? textOf(guid) : null;
}

function textOf(element: XmlElement | null): string | null {
  const text = element?.textContent?.trim();
  return text ? text : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function absolute(link: string | null, baseUrl: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
