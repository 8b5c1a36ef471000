/**
 * Flattens overlapping annotations (removed spans, quotes, cues, speakers, entity mentions) into
 * consecutive segments of one document's text, each with the set of layers covering it, so
 * renderers can draw any overlap without nesting rules.
 */
import type { Analysis, AnalysisDocument } from '../contract.js';

export type LayerKind = 'removed' | 'title' | 'quote' | 'cue' | 'speaker' | 'entity';

export interface Layer {
  kind: LayerKind;
  start: number;
  end: number;
  /** Shown on hover: the removal reason, the quote's speaker, the entity's name. */
  label: string;
  /** For links: an entity id or a quote id. */
  ref?: string;
}

export interface Segment {
  start: number;
  end: number;
  layers: Layer[];
}

export function documentLayers(analysis: Analysis, doc: AnalysisDocument): Layer[] {
  const layers: Layer[] = [];
  for (const removed of doc.removed) layers.push({ kind: 'removed', start: removed.start, end: removed.end, label: `removed: ${removed.reason} (${removed.rule})` });
  if (doc.titleSpan) layers.push({ kind: 'title', ...doc.titleSpan, label: 'title' });
  for (const quote of analysis.quotes) {
    if (quote.doc !== doc.id) continue;
    const speaker = quote.speaker.name ?? 'unknown speaker';
    layers.push({ kind: 'quote', ...quote.content, label: `${quote.kind} quote: ${speaker}`, ref: quote.id });
    if (quote.cue) layers.push({ kind: 'cue', ...quote.cue, label: 'cue', ref: quote.id });
    if (quote.speaker.mention) layers.push({ kind: 'speaker', ...quote.speaker.mention, label: `speaker: ${speaker}`, ref: quote.id });
  }
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) {
      if (mention.doc === doc.id) layers.push({ kind: 'entity', start: mention.start, end: mention.end, label: `${entity.name} (${entity.type})`, ref: entity.id });
    }
  }
  return layers.filter((layer) => layer.end > layer.start && layer.start >= 0 && layer.end <= doc.text.length);
}

export function segmentText(length: number, layers: readonly Layer[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const layer of layers) {
    cuts.add(layer.start);
    cuts.add(layer.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    if (end <= start) continue;
    segments.push({ start, end, layers: layers.filter((layer) => layer.start <= start && layer.end >= end) });
  }
  return segments;
}
