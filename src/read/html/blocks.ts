/**
 * Turns a parsed page into an ordered list of text blocks (paragraphs, headings, list items,
 * table rows...) in one iterative walk. Readability's `textContent` glues the last word of one
 * paragraph to the first word of the next and loses line structure; building the text from
 * blocks keeps one block per line, and gives every block the features our own scoring needs
 * (link share, debris hints from the markup around it) without walking the tree again.
 *
 * Each element that owns text is tagged with a numeric attribute before Readability runs, so that
 * after Readability has rearranged (or even re-parsed) the page, its choice can still be mapped
 * back to our blocks.
 */
import { debrisHintOf, isPopupMarkup, type DebrisHint } from './debris.js';

export const BLOCK_ID_ATTRIBUTE = 'data-cc-block';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'row' | 'quote' | 'pre' | 'caption' | 'term';

export interface Block {
  /** Position in document order. */
  index: number;
  kind: BlockKind;
  /** Whitespace-normalised text; may hold single newlines from `<br>` or `<pre>`. */
  text: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** The nearest block-level element that holds the text; its id is in `BLOCK_ID_ATTRIBUTE`. */
  ownerId: number;
  /** The list or table this line belongs to, so that its lines join with single newlines. */
  groupId: number | null;
  /** Tag of the group (ul, ol, dl, table), when in one. */
  groupTag: string | null;
  /** Debris hint from the block's own markup or its nearest hinted ancestor. */
  hint: DebrisHint | null;
  /** Depth of the heading (1-6) when `kind` is heading. */
  headingLevel: number;
  /** True inside `<blockquote>` (embedded posts, quoted passages). */
  inQuote: boolean;
  /** True inside an element whose tag marks page furniture (nav, footer, aside, header, form). */
  inFurniture: boolean;
  /** Tag of the owner element. */
  ownerTag: string;
}

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'head',
  'select', 'option', 'textarea', 'input', 'button', 'video', 'audio', 'map', 'math', 'link', 'meta',
  'img', 'picture', 'source', 'dialog',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'html', 'legend', 'frameset',
]);

const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'header', 'form', 'menu']);

// A table cell holding any of these is page layout, not a data cell.
const LAYOUT_TABLE_CONTENT = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'pre']);

/**
 * Visits the elements under `root` in document order until `visit` returns true. Iterative, and
 * cheaper than linkedom's selectors, which are compiled anew on every call.
 */
export function findElement(root: DomElement, visit: (element: DomElement) => boolean): DomElement | null {
  let node: DomNode | null = root.firstChild;
  while (node !== null && node !== root) {
    if (node.nodeType === ELEMENT_NODE && visit(node as DomElement)) return node as DomElement;
    if (node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === root) return null;
    node = node.nextSibling;
  }
  return null;
}

function hasDescendantTag(element: DomElement, tags: ReadonlySet<string>): boolean {
  return findElement(element, (descendant) => tags.has(descendant.localName)) !== null;
}

/** Minimal structural view of linkedom's nodes: what we read, nothing we do not. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  if (style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  const className = element.getAttribute('class');
  return className !== null && isPopupMarkup(className);
}

interface Frame {
  element: DomElement;
  tag: string;
  /** What this element changes in the context below it, restored on exit. */
  restore: (() => void) | null;
  isBlock: boolean;
}

export interface BlockWalk {
  blocks: Block[];
  /** How deep the element tree goes: Readability recurses, so very deep pages must skip it. */
  maxDepth: number;
}

/**
 * Walks `root` once and returns its blocks in document order. Owners get `BLOCK_ID_ATTRIBUTE`.
 * Iterative, so a page nested thousands of levels deep cannot overflow the stack.
 */
export function collectBlocks(root: DomElement, options: { tagOwners: boolean } = { tagOwners: true }): BlockWalk {
  const blocks: Block[] = [];
  let maxDepth = 0;
  let nextOwnerId = 0;
  let nextGroupId = 0;

  // Context of the walk, saved and restored by frames.
  let linkDepth = 0;
  let preDepth = 0;
  let quoteDepth = 0;
  let furnitureDepth = 0;
  let hint: DebrisHint | null = null;
  let group: { id: number; tag: string } | null = null;
  let dataTableDepth = 0;
  let cellCount = 0;

  // The block being filled.
  let parts: string[] = [];
  let partsLinkChars = 0;
  let owner: DomElement | null = null;
  let ownerKind: BlockKind = 'paragraph';
  let ownerHeadingLevel = 0;

  const ownerIdOf = (element: DomElement): number => {
    const existing = element.getAttribute(BLOCK_ID_ATTRIBUTE);
    if (existing !== null) return Number(existing);
    const id = nextOwnerId++;
    if (options.tagOwners) element.setAttribute(BLOCK_ID_ATTRIBUTE, String(id));
    return id;
  };

  const flush = (): void => {
    if (parts.length === 0 || owner === null) {
      parts = [];
      partsLinkChars = 0;
      return;
    }
    const text = normaliseBlockText(parts.join(''), preDepth > 0 || ownerKind === 'pre');
    if (text.length > 0) {
      blocks.push({
        index: blocks.length,
        kind: ownerKind,
        text,
        linkChars: Math.min(partsLinkChars, text.length),
        ownerId: ownerIdOf(owner),
        groupId: group?.id ?? null,
        groupTag: group?.tag ?? null,
        hint,
        headingLevel: ownerHeadingLevel,
        inQuote: quoteDepth > 0,
        inFurniture: furnitureDepth > 0,
        ownerTag: owner.localName,
      });
    }
    parts = [];
    partsLinkChars = 0;
  };

  const kindOf = (tag: string): BlockKind => {
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'li' || tag === 'dd') return 'item';
    if (tag === 'dt') return 'term';
    if (tag === 'tr') return 'row';
    if (tag === 'pre') return 'pre';
    if (tag === 'figcaption' || tag === 'caption') return 'caption';
    if (quoteDepth > 0) return 'quote';
    return 'paragraph';
  };

  const frames: Frame[] = [];
  let owners: { element: DomElement; kind: BlockKind; level: number }[] = [];

  const setOwner = (element: DomElement, tag: string): void => {
    owner = element;
    ownerKind = kindOf(tag);
    ownerHeadingLevel = ownerKind === 'heading' ? Number(tag.slice(1)) : 0;
  };

  const enter = (element: DomElement): boolean => {
    const tag = element.localName;
    if (SKIPPED_TAGS.has(tag) || isHidden(element)) return false;
    if (tag === 'br') {
      parts.push('\n');
      return false;
    }
    const isBlock = BLOCK_TAGS.has(tag) && !(dataTableDepth > 0 && (tag === 'td' || tag === 'th'));
    const frame: Frame = { element, tag, restore: null, isBlock };
    const restores: (() => void)[] = [];

    if (dataTableDepth > 0 && (tag === 'td' || tag === 'th')) {
      if (cellCount > 0) parts.push('\t');
      cellCount++;
    }
    if (isBlock) {
      flush();
      owners.push({ element: owner ?? element, kind: ownerKind, level: ownerHeadingLevel });
      setOwner(element, tag);
      if (tag === 'tr') cellCount = 0;
      const ownHint = debrisHintOf(element, tag);
      if (ownHint !== null) {
        const saved = hint;
        hint = ownHint;
        restores.push(() => {
          hint = saved;
        });
      }
      if (tag === 'ul' || tag === 'ol' || tag === 'dl' || tag === 'table') {
        const savedGroup = group;
        group = { id: nextGroupId++, tag };
        restores.push(() => {
          group = savedGroup;
        });
      }
      if (tag === 'table') {
        // A table whose cells hold only phrasing content is data; anything else is layout.
        const layout = hasDescendantTag(element, LAYOUT_TABLE_CONTENT);
        const savedDepth = dataTableDepth;
        dataTableDepth = layout ? 0 : dataTableDepth + 1;
        restores.push(() => {
          dataTableDepth = savedDepth;
        });
      }
      if (tag === 'blockquote') {
        quoteDepth++;
        restores.push(() => {
          quoteDepth--;
        });
      }
      if (FURNITURE_TAGS.has(tag)) {
        furnitureDepth++;
        restores.push(() => {
          furnitureDepth--;
        });
      }
    }
    if (tag === 'a') {
      linkDepth++;
      restores.push(() => {
        linkDepth--;
      });
    }
    if (tag === 'pre') {
      preDepth++;
      restores.push(() => {
        preDepth--;
      });
    }
    if (restores.length > 0) {
      frame.restore = () => {
        for (let i = restores.length - 1; i >= 0; i--) restores[i]!();
      };
    }
    frames.push(frame);
    if (frames.length > maxDepth) maxDepth = frames.length;
    return true;
  };

  const exit = (): void => {
    const frame = frames.pop();
    if (!frame) return;
    if (frame.isBlock) {
      flush();
      const previous = owners.pop();
      if (previous) {
        owner = previous.element;
        ownerKind = previous.kind;
        ownerHeadingLevel = previous.level;
      }
    }
    frame.restore?.();
  };

  owner = root;
  let node: DomNode | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const raw = node.textContent ?? '';
      // Line breaks in the source are just white space; only <br> and blocks break lines.
      const value = preDepth > 0 ? raw : raw.replace(WHITE_SPACE_RUN, ' ');
      parts.push(value);
      if (linkDepth > 0) partsLinkChars += value.trim().length;
    } else if (node.nodeType === ELEMENT_NODE) {
      descend = enter(node as DomElement);
      if (descend && node.firstChild === null) {
        exit();
        descend = false;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a sibling is found, closing every element we leave.
    while (node !== null && node !== root) {
      if (node.nextSibling !== null) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
      if (node !== null && node !== root) exit();
    }
    if (node === root) break;
  }
  flush();
  owners = [];
  return { blocks, maxDepth };
}

const WHITE_SPACE_RUN = /[\s\u200b\ufeff]+/g;

/** Trims each line that `<br>` left and drops empty ones; `<pre>` keeps its layout. */
export function normaliseBlockText(raw: string, preformatted: boolean): string {
  if (preformatted) return raw.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  return raw
    .replace(/\u00ad/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
