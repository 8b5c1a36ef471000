/**
 * What the timeline, network and framing sections share: names for entity ids and speakers
 * looked up by id (never by scanning), whose voice an item is in, figures as percentages, and
 * Markdown tables.
 */
import type { Analysis } from '../contract.js';
import type { DocSpan } from '../document.js';
import type { EvidenceLink } from './crosscheck.js';
import { escapeMarkdown as md } from './escape.js';
import { speakerLabel } from './present.js';

export interface Names {
  /** The entity's name, or the id itself when no entity has it. */
  entity(id: string): string;
  /** The speaker of a quoted item: the entity's name, else the quote's speaker, else null. */
  speaker(entity: string | null, quote: string | null): string | null;
}

export function namesOf(analysis: Analysis): Names {
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity.name]));
  const quotes = new Map(analysis.quotes.map((quote) => [quote.id, quote]));
  return {
    entity: (id) => entities.get(id) ?? id,
    speaker: (entity, quote) => {
      if (entity !== null) return entities.get(entity) ?? entity;
      const found = quote === null ? undefined : quotes.get(quote);
      return found ? speakerLabel(found.speaker) : null;
    },
  };
}

/** "in its own words" for the outlet's voice, "quoting Ramzan Kadyrov" for a speaker's. */
export function voiceLabel(voice: 'outlet' | 'speaker', speaker: string | null): string {
  return voice === 'outlet' ? 'in its own words' : `quoting ${speaker ?? 'an unresolved speaker'}`;
}

/** Evidence links named by outlet; a second span in the same outlet reads "IFBG (2)". */
export function outletLinks(spans: readonly DocSpan[], outlets: ReadonlyMap<string, string>, link: EvidenceLink): string {
  const seen = new Map<string, number>();
  return spans
    .map((span) => {
      const outlet = outlets.get(span.doc) ?? span.doc;
      const count = (seen.get(outlet) ?? 0) + 1;
      seen.set(outlet, count);
      return link(span, count === 1 ? outlet : `${outlet} (${count})`);
    })
    .join(', ');
}

/** `0.426` → `43 %`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A Markdown table without a heading, every cell escaped; an empty cell shows as a space. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => md(cell) || ' ').join(' | ')} |`;
  return [line(header), `|${header.map(() => '---|').join('')}`, ...rows.map(line), ''];
}

/** A line saying a section has nothing, in the form the Markdown report writes captions. */
export function markdownNote(text: string): string[] {
  return [`_${md(text)}_`, ''];
}
