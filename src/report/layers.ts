/**
 * The documents as the HTML report draws them. Every annotation (removed spans, the title,
 * quotes, cues, speakers, entity mentions, and any span a section cites) is a layer over one
 * document's text; `nestLayers` turns layers that may overlap into properly nested elements.
 * Quotes, mentions, removed spans and cited spans carry an anchor id, so a table links to the
 * exact characters and CSS `:target` can highlight them without a script.
 *
 * Both steps are linear in the number of layers after one sort, whatever the size of a document
 * or the corpus: the report once cut a text at every boundary and filtered all layers for each
 * piece, which took minutes on one long document.
 */
import type { Analysis } from '../contract.js';
import type { DocSpan } from '../document.js';
import { speakerLabel } from './present.js';

export type LayerKind = 'removed' | 'title' | 'quote' | 'cue' | 'speaker' | 'entity' | 'evidence';

export interface Layer {
  kind: LayerKind;
  start: number;
  end: number;
  /** Shown on hover: the removal reason, the quote's speaker, the entity's name. */
  label: string;
  /** The element id a link can point to; only the first layer with a given span has one. */
  anchor?: string;
}

/** Where each kind of anchor comes from, in its id: `d2-q120-180` is a quote in the second document. */
const ANCHOR_LETTER: Partial<Record<LayerKind, string>> = { quote: 'q', entity: 'm', removed: 'r', evidence: 's' };

/**
 * The layers of every document of an analysis, built in one pass, and the links into them.
 * Sections ask `href` for the spans they cite before the documents are rendered: a span that no
 * quote, mention or removed span has exactly gets an evidence layer of its own.
 */
export class DocumentLayers {
  readonly #number = new Map<string, number>();
  readonly #length = new Map<string, number>();
  readonly #layers = new Map<string, Layer[]>();
  readonly #anchorOfSpan = new Map<string, string>();

  constructor(analysis: Analysis) {
    analysis.documents.forEach((doc, index) => {
      this.#number.set(doc.id, index + 1);
      this.#length.set(doc.id, doc.text.length);
      this.#layers.set(doc.id, []);
    });
    for (const doc of analysis.documents) {
      for (const removed of doc.removed) this.#add(doc.id, { kind: 'removed', start: removed.start, end: removed.end, label: `removed: ${removed.reason} (${removed.rule})` });
      if (doc.titleSpan) this.#add(doc.id, { kind: 'title', ...doc.titleSpan, label: 'title' });
    }
    for (const quote of analysis.quotes) {
      const speaker = speakerLabel(quote.speaker);
      this.#add(quote.doc, { kind: 'quote', ...quote.content, label: `${quote.kind} quote: ${speaker}` });
      if (quote.cue) this.#add(quote.doc, { kind: 'cue', ...quote.cue, label: 'cue' });
      if (quote.speaker.mention) this.#add(quote.doc, { kind: 'speaker', ...quote.speaker.mention, label: `speaker: ${speaker}` });
    }
    for (const entity of analysis.entities) {
      for (const mention of entity.mentions) this.#add(mention.doc, { kind: 'entity', start: mention.start, end: mention.end, label: `${entity.name} (${entity.type})` });
    }
  }

  /** The id of a document's section, `d1` for the first. */
  documentAnchor(doc: string): string | null {
    const number = this.#number.get(doc);
    return number === undefined ? null : `d${number}`;
  }

  /** `#d1-q120-180`: the element showing this span, or its document when the span is out of range. */
  href(span: DocSpan): string | null {
    const known = this.#anchorOfSpan.get(spanKey(span));
    if (known) return `#${known}`;
    const added = this.#add(span.doc, { kind: 'evidence', start: span.start, end: span.end, label: 'cited here' });
    const fallback = this.documentAnchor(span.doc);
    return added ? `#${added}` : fallback && `#${fallback}`;
  }

  layersOf(doc: string): readonly Layer[] {
    return this.#layers.get(doc) ?? [];
  }

  /** Adds a layer that lies in its document's text; returns its anchor if it got one. */
  #add(doc: string, layer: Layer): string | undefined {
    const layers = this.#layers.get(doc);
    const length = this.#length.get(doc) ?? 0;
    // Only a cited point (a message at one position) may be empty.
    const minimum = layer.kind === 'evidence' ? 0 : 1;
    if (!layers || layer.start < 0 || layer.end - layer.start < minimum || layer.end > length) return undefined;
    const letter = ANCHOR_LETTER[layer.kind];
    const key = spanKey({ doc, ...layer });
    if (letter && !this.#anchorOfSpan.has(key)) {
      layer.anchor = `d${this.#number.get(doc)}-${letter}${layer.start}-${layer.end}`;
      this.#anchorOfSpan.set(key, layer.anchor);
    }
    layers.push(layer);
    return layer.anchor;
  }
}

function spanKey(span: DocSpan): string {
  return `${span.doc}\u0000${span.start}\u0000${span.end}`;
}

export type NestEvent =
  | { type: 'text'; start: number; end: number }
  | { type: 'open'; layer: Layer; continued: boolean }
  | { type: 'close'; layer: Layer };

/** Which layer goes outside when two have the same span. */
const DEPTH: Record<LayerKind, number> = { removed: 0, title: 1, quote: 2, cue: 3, speaker: 4, entity: 5, evidence: 6 };

/**
 * The text of one document as nested elements: text runs, and layers opened and closed around
 * them. Wider layers go outside. A layer that runs past the end of the one around it closes
 * there and opens again after it (`continued`), so every character is inside all its layers.
 */
export function nestLayers(length: number, layers: readonly Layer[]): NestEvent[] {
  const sorted = [...layers].sort((a, b) => a.start - b.start || b.end - a.end || DEPTH[a.kind] - DEPTH[b.kind]);
  const events: NestEvent[] = [];
  const open: { layer: Layer; end: number; carried: Layer[] }[] = [];
  let cursor = 0;
  const textUntil = (position: number) => {
    if (position > cursor) events.push({ type: 'text', start: cursor, end: position });
    cursor = Math.max(cursor, position);
  };
  const enter = (layer: Layer, continued: boolean) => {
    // A cited span yields to the text's own annotations: when one crosses it, the cited span
    // closes and continues inside, so that a quote or a mention stays one element.
    const yielding: Layer[] = [];
    for (let top = open.at(-1); top && layer.kind !== 'evidence' && top.layer.kind === 'evidence' && top.end === top.layer.end && top.carried.length === 0 && top.end < layer.end; top = open.at(-1)) {
      open.pop();
      events.push({ type: 'close', layer: top.layer });
      yielding.unshift(top.layer);
    }
    if (yielding.length > 0) {
      enter(layer, continued);
      for (const cited of yielding) enter(cited, true);
      return;
    }
    const parent = open.at(-1);
    if (parent && continued && parent.end <= cursor) {
      parent.carried.push(layer);
      return;
    }
    let end = layer.end;
    if (parent && end > parent.end) {
      end = parent.end;
      parent.carried.push(layer);
    }
    open.push({ layer, end, carried: [] });
    events.push({ type: 'open', layer, continued });
  };
  const closeUntil = (position: number) => {
    while (open.length > 0 && open.at(-1)!.end <= position) {
      const closing = open.pop()!;
      textUntil(closing.end);
      events.push({ type: 'close', layer: closing.layer });
      // The widest first, so the continued pieces nest among themselves.
      for (const layer of closing.carried.sort((a, b) => b.end - a.end || DEPTH[a.kind] - DEPTH[b.kind])) enter(layer, true);
    }
  };
  for (const layer of sorted) {
    closeUntil(layer.start);
    textUntil(layer.start);
    enter(layer, false);
  }
  closeUntil(Infinity);
  textUntil(length);
  return events;
}
