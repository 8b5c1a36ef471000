/**
 * One index of place names for the mentions and identity stages: a name, spelling variant or
 * demonym of a state or region maps to its code ("Iranian" -> IRN), and a city or province maps
 * to the state it lies in. Built from the hand lists in lexicon.ts first and the Phoenix country
 * records after them.
 */
import type { Gazetteer } from '../ner/gazetteer.js';
import { PLACE_NAMES } from './lexicon.js';

export type PlaceKind = 'name' | 'demonym' | 'place';

export interface PlaceEntry {
  code: string;
  kind: PlaceKind;
}

export interface PlaceIndex {
  byName: Map<string, PlaceEntry>;
  /** Display name per code ("RUS" -> "Russia"). */
  display: Map<string, string>;
}

const DEMONYM_ENDING = /(?:an|ans|ian|ians|ean|eans|i|is|ese|ish|ic|ch|ens|en)$/;

export function buildPlaceIndex(gazetteer: Gazetteer): PlaceIndex {
  const byName = new Map<string, PlaceEntry>();
  const display = new Map<string, string>();
  for (const place of PLACE_NAMES) {
    display.set(place.code, place.names[0]!);
    for (const name of place.names) byName.set(name.toLowerCase(), { code: place.code, kind: 'name' });
    for (const name of place.demonyms) byName.set(name.toLowerCase(), { code: place.code, kind: 'demonym' });
  }
  for (const record of gazetteer.records) {
    if (record.kind !== 'country') continue;
    const [primary, ...variants] = record.names;
    if (!primary) continue;
    if (!display.has(record.code)) display.set(record.code, titleCase(primary));
    if (!byName.has(primary)) byName.set(primary, { code: record.code, kind: 'name' });
    const stem = primary.slice(0, 4);
    for (const variant of variants) {
      if (byName.has(variant)) continue;
      const similar = variant.slice(0, 4) === stem;
      const kind: PlaceKind = similar && !variant.includes(' ') && DEMONYM_ENDING.test(variant) && variant.length > 4 ? 'demonym' : similar ? 'name' : 'place';
      byName.set(variant, { code: record.code, kind });
    }
  }
  return { byName, display };
}

/** True when `key` (a `placeKey`) is the name or demonym of a state or region, which is rarely anyone's surname. */
export function namesAState(index: PlaceIndex, key: string): boolean {
  const kind = index.byName.get(key)?.kind;
  return kind === 'name' || kind === 'demonym';
}

export function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** The lower-cased key of a place mention: no leading article, no possessive. */
export function placeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s?$/, '')
    .trim();
}
