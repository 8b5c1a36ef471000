/**
 * Reads what a news page says about itself: title, byline, outlet, published and modified dates,
 * canonical URL, language, and whether it calls itself an article. Sources, best first:
 * JSON-LD, Open Graph and other meta tags, then the markup (`<time>`, `<link rel=canonical>`,
 * `<html lang>`, `<title>`). Readability reads a subset of these (no modified date, no canonical
 * URL), so we read them ourselves, before Readability rearranges the page.
 */
import type { DocumentMeta } from '../../document.js';
import { findElement, type DomElement } from './blocks.js';

export interface PageMetadata extends Partial<DocumentMeta> {
  /** schema.org or og:type of the page, lower-cased, when given ("newsarticle", "website"). */
  pageTypes: string[];
  /** The JSON-LD `articleBody`, when the page ships its own copy of the text. */
  articleBody: string | null;
  /** The site name found in the `<title>` suffix ("Headline - Outlet"), used to trim headlines. */
  titleSuffix: string | null;
}

interface DocumentLike {
  documentElement: DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  querySelector(selector: string): DomElement | null;
}

const ARTICLE_TYPES = /article|posting|report|blog|review|newsarticle|liveblog/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»',
};

/** JSON-LD and some meta tags carry HTML entities the parser never saw ("doesn&#8217;t"). */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** A date as ISO 8601 when it parses, else the string as given (never invented). */
function normaliseDate(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  // Content systems print placeholder dates ("0001-01-01T00:00:00Z") for "unknown".
  const year = /^(\d{4})-/.exec(trimmed)?.[1];
  if (year !== undefined && Number(year) < 1900) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return trimmed;
  if (/^\d{10}$/.test(trimmed)) return new Date(Number(trimmed) * 1000).toISOString();
  if (/^\d{13}$/.test(trimmed)) return new Date(Number(trimmed)).toISOString();
  const parsed = Date.parse(trimmed);
  if (!Number.isNaN(parsed) && /\d{4}/.test(trimmed)) return new Date(parsed).toISOString();
  return trimmed;
}

function namesOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(namesOf).filter((name): name is string => name !== null);
    return names.length > 0 ? [...new Set(names)].join(', ') : null;
  }
  if (value && typeof value === 'object' && 'name' in value) return namesOf((value as { name: unknown }).name);
  return null;
}

interface LinkedData {
  types: string[];
  headline: string | null;
  author: string | null;
  publisher: string | null;
  published: string | null;
  modified: string | null;
  url: string | null;
  language: string | null;
  articleBody: string | null;
}

function typesOf(item: Record<string, unknown>): string[] {
  const type = item['@type'];
  if (typeof type === 'string') return [type.toLowerCase()];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
  return [];
}

/** Flattens JSON-LD graphs and arrays into the list of items. */
function linkedDataItems(parsed: unknown, into: Record<string, unknown>[], depth = 0): void {
  if (depth > 4 || parsed === null || typeof parsed !== 'object') return;
  if (Array.isArray(parsed)) {
    for (const item of parsed) linkedDataItems(item, into, depth + 1);
    return;
  }
  const item = parsed as Record<string, unknown>;
  into.push(item);
  if (Array.isArray(item['@graph'])) linkedDataItems(item['@graph'], into, depth + 1);
  if (item['mainEntity'] && typeof item['mainEntity'] === 'object') linkedDataItems(item['mainEntity'], into, depth + 1);
}

/** The elements metadata comes from, gathered in one query: linkedom compiles every selector anew. */
interface MetadataElements {
  scripts: DomElement[];
  metas: DomElement[];
  title: DomElement | null;
  h1: DomElement | null;
  times: DomElement[];
  canonical: DomElement | null;
  author: DomElement | null;
}

function gatherElements(document: DocumentLike): MetadataElements {
  const found: MetadataElements = { scripts: [], metas: [], title: null, h1: null, times: [], canonical: null, author: null };
  const root = document.documentElement;
  if (root === null) return found;
  findElement(root, (element) => {
    const tag = element.localName;
    if (tag === 'meta') found.metas.push(element);
    else if (tag === 'script') {
      if (element.getAttribute('type') === 'application/ld+json') found.scripts.push(element);
    } else if (tag === 'title') found.title ??= element;
    else if (tag === 'h1') found.h1 ??= element;
    else if (tag === 'time') {
      if (element.hasAttribute('datetime')) found.times.push(element);
    } else if (tag === 'link') {
      if (element.getAttribute('rel') === 'canonical') found.canonical ??= element;
    } else if (found.author === null && (tag === 'a' || tag === 'span' || tag === 'div' || tag === 'p')) {
      if (element.getAttribute('rel') === 'author' || element.getAttribute('itemprop') === 'author' || /(?:^|\s)(?:byline|author)(?:$|\s)/.test(element.getAttribute('class') ?? '')) {
        found.author = element;
      }
    }
    return false;
  });
  return found;
}

function readLinkedData(elements: MetadataElements): LinkedData {
  const found: LinkedData = {
    types: [],
    headline: null,
    author: null,
    publisher: null,
    published: null,
    modified: null,
    url: null,
    language: null,
    articleBody: null,
  };
  const items: Record<string, unknown>[] = [];
  for (const script of elements.scripts) {
    const source = script.textContent ?? '';
    if (source.length > 2_000_000) continue;
    try {
      // Some sites wrap the JSON in CDATA markers or HTML comments.
      linkedDataItems(JSON.parse(source.replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '')), items);
    } catch {
      // Broken JSON-LD is common and not worth a message: the other sources still speak.
    }
  }
  for (const item of items) {
    const types = typesOf(item);
    found.types.push(...types);
    if (!types.some((type) => ARTICLE_TYPES.test(type))) continue;
    found.headline ??= clean(typeof item['headline'] === 'string' ? item['headline'] : null);
    found.author ??= namesOf(item['author']);
    found.publisher ??= namesOf(item['publisher']);
    found.published ??= clean(typeof item['datePublished'] === 'string' ? item['datePublished'] : null);
    found.modified ??= clean(typeof item['dateModified'] === 'string' ? item['dateModified'] : null);
    const url = item['url'] ?? (item['mainEntityOfPage'] as { '@id'?: unknown } | undefined)?.['@id'] ?? item['mainEntityOfPage'];
    found.url ??= typeof url === 'string' && /^https?:/.test(url) ? url : null;
    found.language ??= clean(typeof item['inLanguage'] === 'string' ? item['inLanguage'] : null);
    found.articleBody ??= typeof item['articleBody'] === 'string' && item['articleBody'].trim().length > 0 ? item['articleBody'] : null;
  }
  for (const item of items) {
    const types = typesOf(item);
    if (types.includes('organization') || types.includes('newsmediaorganization') || types.includes('website')) {
      found.publisher ??= namesOf(item['name']);
    }
  }
  return found;
}

function metaTags(elements: MetadataElements): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of elements.metas) {
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv');
    const content = meta.getAttribute('content');
    if (key === null || content === null) continue;
    const name = key.trim().toLowerCase();
    const value = clean(content);
    if (value !== null && !tags.has(name)) tags.set(name, value);
  }
  return tags;
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    if (value !== null && value !== undefined && value.length > 0) return value;
  }
  return null;
}

function firstDate(values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const date = normaliseDate(value ?? null);
    if (date !== null && date.length > 0) return date;
  }
  return null;
}

const TITLE_SEPARATOR = /\s+[|–—\-:·•»]\s+/;

/** "Headline - Outlet" → { headline, suffix }; only splits when the suffix is short. */
function splitTitle(title: string): { headline: string; suffix: string | null } {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return { headline: title, suffix: null };
  const suffix = parts[parts.length - 1]!;
  if (suffix.split(/\s+/).length > 5) return { headline: title, suffix: null };
  const headline = title.slice(0, title.length - suffix.length).replace(/\s*[|–—\-:·•»]\s*$/, '');
  return { headline: headline.length > 0 ? headline : title, suffix };
}

function isUrl(value: string | null): boolean {
  return value !== null && /^https?:\/\/\S+$/i.test(value);
}

/** Reads the page's metadata. Never throws on odd markup; anything unreadable stays null. */
export function readMetadata(document: DocumentLike): PageMetadata {
  const elements = gatherElements(document);
  const linked = readLinkedData(elements);
  const tags = metaTags(elements);
  const titleElement = elements.title;
  const rawTitle = clean(titleElement?.textContent);
  const split = rawTitle === null ? null : splitTitle(rawTitle);

  const ogTitle = first(tags.get('og:title'), tags.get('twitter:title'), tags.get('headline'));
  const title = first(linked.headline, ogTitle, split?.headline, clean(elements.h1?.textContent));

  let byline = first(
    linked.author,
    tags.get('author'),
    tags.get('article:author'),
    tags.get('byl'),
    tags.get('parsely-author'),
    tags.get('sailthru.author'),
    tags.get('dc.creator'),
    clean(elements.author?.textContent),
  );
  // Some sites put a profile URL where the name should be.
  if (byline !== null && (isUrl(byline) || byline.length > 200)) byline = null;
  if (byline !== null) byline = byline.replace(/^by\s+/i, '');

  const outletOrUrl = first(tags.get('og:site_name'), linked.publisher, tags.get('application-name'), tags.get('publisher'), split?.suffix);

  const outlet = outletOrUrl !== null && isUrl(outletOrUrl) ? new URL(outletOrUrl).hostname.replace(/^www\./, '') : outletOrUrl;

  let timeAttribute: string | null = null;
  const timeElement =
    elements.times.find((time) => time.getAttribute('itemprop') === 'datePublished' || time.hasAttribute('pubdate')) ?? elements.times[0] ?? null;
  if (timeElement) timeAttribute = clean(timeElement.getAttribute('datetime'));
  const published = firstDate(
    [
      linked.published,
      tags.get('article:published_time'),
      tags.get('og:published_time'),
      tags.get('datepublished'),
      tags.get('pubdate'),
      tags.get('publishdate'),
      tags.get('date'),
      tags.get('dc.date'),
      tags.get('dc.date.issued'),
      tags.get('sailthru.date'),
      tags.get('parsely-pub-date'),
      timeAttribute,
    ],
  );
  const modified = firstDate([linked.modified, tags.get('article:modified_time'), tags.get('og:updated_time'), tags.get('datemodified'), tags.get('last-modified')]);

  const canonical = clean(elements.canonical?.getAttribute('href'));
  const url = first(isUrl(canonical) ? canonical : null, isUrl(tags.get('og:url') ?? null) ? tags.get('og:url') : null, linked.url);

  const htmlLang = clean(document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang'));
  const language = first(htmlLang, tags.get('og:locale'), tags.get('content-language'), tags.get('language'), linked.language);

  const pageTypes = [...linked.types];
  const ogType = tags.get('og:type');
  if (ogType) pageTypes.push(ogType.toLowerCase());

  return {
    title,
    byline,
    outlet,
    published,
    modified,
    url,
    language: language === null ? null : language.replace('_', '-'),
    pageTypes,
    articleBody: linked.articleBody,
    titleSuffix: split?.suffix ?? null,
  };
}
