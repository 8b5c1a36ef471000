/**
 * The HTML reader: turns a saved news page into the article's plain text and metadata.
 *
 * Readability finds the region that holds the article; our own pass (blocks, debris, select)
 * decides block by block what of it is article text, because Readability alone keeps captions,
 * bylines and share bars, drops in-article lists and tables, and glues paragraphs together.
 * The page is parsed once with linkedom (no scripts run, no resources fetched) and walked once
 * before Readability rearranges it.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DocumentMeta } from '../document.js';
import { BLOCK_ID_ATTRIBUTE, collectBlocks, type Block, type DomElement } from './html/blocks.js';
import { readMetadata } from './html/metadata.js';
import { joinBlocks, selectBlocks } from './html/select.js';
import { judgePage } from './html/page-kind.js';

export interface HtmlProblem {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  text: string;
}

export interface HtmlReadResult {
  /** The article body: blocks separated by a blank line, list items and table rows one per line. */
  text: string;
  meta: Partial<DocumentMeta>;
  problems: HtmlProblem[];
}

/** Pages beyond this many characters are cut before parsing: no news article needs more. */
export const MAX_HTML_CHARS = 8_000_000;

/** Readability gives up on pages with more elements than this; our own walk still runs. */
const MAX_ELEMENTS_FOR_READABILITY = 60_000;

/** Readability recurses over the tree (and linkedom with it); real news pages nest far less than this. */
const MAX_DEPTH_FOR_READABILITY = 500;

interface ParsedPage {
  document: Document & { documentElement: DomElement };
  root: DomElement;
}

/** Parses with linkedom, wrapping fragments and moving stray top-level nodes into `<body>`. */
function parsePage(html: string): ParsedPage {
  const hasHtmlElement = /<html[\s>]/i.test(html.slice(0, 20_000));
  const source = hasHtmlElement ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: ParsedPage['document'] };
  const root = document.documentElement;
  // linkedom leaves content outside <body> when the page omits the tag; Readability reads only <body>.
  const body = document.body as unknown as (DomElement & { appendChild(node: unknown): void; insertBefore(node: unknown, ref: unknown): void }) | null;
  if (body) {
    const stray: unknown[] = [];
    let beforeBody = true;
    for (let child = root.firstChild; child !== null; child = child.nextSibling) {
      if (child === (body as unknown)) {
        beforeBody = false;
        continue;
      }
      if (child.nodeType === 1 && (child as unknown as DomElement).localName === 'head') continue;
      if (child.nodeType === 1 || (child.nodeType === 3 && (child.textContent ?? '').trim().length > 0)) stray.push([child, beforeBody]);
    }
    const firstInBody = body.firstChild;
    for (const entry of stray) {
      const [node, before] = entry as [unknown, boolean];
      if (before && firstInBody !== null) body.insertBefore(node, firstInBody);
      else body.appendChild(node);
    }
  }
  return { document, root };
}

/**
 * Which of our blocks Readability kept. Mostly by the owner ids we tagged, but Readability
 * replaces a `<div>` of bare text with a fresh `<p>` that has no attributes, so blocks whose
 * owner vanished are matched by their text instead.
 */
function keptBlocksIn(content: DomElement, blocks: readonly Block[]): Set<number> {
  const ids = ownerIdsIn(content);
  const keptTexts = new Set(collectBlocks(content, { tagOwners: false }).blocks.map((block) => block.text));
  const kept = new Set<number>();
  for (const block of blocks) {
    if (ids.has(block.ownerId) || keptTexts.has(block.text)) kept.add(block.index);
  }
  return kept;
}

function ownerIdsIn(content: DomElement): Set<number> {
  const ids = new Set<number>();
  const own = content.getAttribute(BLOCK_ID_ATTRIBUTE);
  if (own !== null) ids.add(Number(own));
  for (const element of content.querySelectorAll(`[${BLOCK_ID_ATTRIBUTE}]`)) {
    ids.add(Number(element.getAttribute(BLOCK_ID_ATTRIBUTE)));
  }
  return ids;
}

function countElements(html: string): number {
  let count = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const next = html.charCodeAt(i + 1);
    // a-z or A-Z: an opening tag.
    if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90)) count++;
  }
  return count;
}

/**
 * Reads one HTML page. Never throws on bad markup: problems come back as messages.
 *
 * @example
 * const { text, meta } = readHtml('<html><body><article><p>The council met on Monday.</p></article></body></html>', 'page.html');
 */
export function readHtml(html: string, source: string, options: HtmlReadOptions = {}): HtmlReadResult {
  const { text, meta, problems } = readHtmlWithTrace(html, source, options);
  return { text, meta, problems };
}

export interface HtmlReadOptions {
  /** Characters read before the rest is cut off. Default `MAX_HTML_CHARS` (8,000,000). */
  maxChars?: number;
}

/** `readHtml` plus what was left out and why: for the eval script and for debugging a page. */
export function readHtmlWithTrace(
  html: string,
  source: string,
  { maxChars = MAX_HTML_CHARS }: HtmlReadOptions = {},
): HtmlReadResult & { dropped: { block: Block; reason: string }[] } {
  const problems: HtmlProblem[] = [];
  let input = html;
  if (input.length > maxChars) {
    problems.push({
      rule: 'html/truncated',
      severity: 'warning',
      text: `${source}: the page has ${input.length} characters; only the first ${maxChars} were read.`,
    });
    input = input.slice(0, maxChars);
  }

  let page: ParsedPage;
  try {
    page = parsePage(input);
  } catch (error) {
    problems.push({ rule: 'html/unparsable', severity: 'error', text: `${source}: the HTML could not be parsed (${(error as Error).message}).` });
    return { text: '', meta: {}, problems, dropped: [] };
  }

  const metadata = readMetadata(page.document as never);
  const { blocks, maxDepth } = collectBlocks(page.root);

  let keptIndexes = new Set<number>();
  if (countElements(input) <= MAX_ELEMENTS_FOR_READABILITY && maxDepth <= MAX_DEPTH_FOR_READABILITY) {
    try {
      const article = new Readability<DomElement>(page.document as unknown as Document, {
        serializer: (node) => node as unknown as DomElement,
        disableJSONLD: true,
      }).parse();
      if (article?.content) keptIndexes = keptBlocksIn(article.content, blocks);
    } catch (error) {
      problems.push({ rule: 'html/readability-failed', severity: 'info', text: `${source}: Readability failed on this page (${(error as Error).message}); the text comes from our own scoring only.` });
    }
  } else {
    problems.push({ rule: 'html/too-large', severity: 'info', text: `${source}: the page has too many or too deeply nested elements for Readability; the text comes from our own scoring only.` });
  }

  const meta: Partial<DocumentMeta> = {
    title: metadata.title ?? null,
    byline: metadata.byline ?? null,
    outlet: metadata.outlet ?? null,
    published: metadata.published ?? null,
    modified: metadata.modified ?? null,
    // A page that names no canonical address is at least where it was fetched from.
    url: metadata.url ?? (/^https?:\/\/\S+$/i.test(source) ? source : null),
    language: metadata.language ?? null,
  };

  const selection = selectBlocks({ blocks, keptIndexes, title: metadata.title ?? null });
  const selected: Block[] = selection.blocks;
  const verdict = judgePage({ blocks, selected, pageTypes: metadata.pageTypes });
  if (verdict.notArticle) {
    meta.notArticle = true;
    problems.push({ rule: 'html/not-article-page', severity: 'warning', text: `${source}: ${verdict.reason}` });
    return { text: '', meta, problems, dropped: selection.dropped };
  }
  const text = joinBlocks(selected);
  if (text.length === 0) {
    problems.push({ rule: 'html/no-article', severity: 'warning', text: `${source}: no article text was found in the page.` });
  }
  return { text, meta, problems, dropped: selection.dropped };
}
