/**
 * Reads the Phoenix / CAMEO actor dictionaries (MIT) into gazetteer records. Only what the
 * tagger and identity need: names and their variants, the default code, and whether the record
 * is a country, a place inside one, a person or an organisation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerKind, GazetteerRecord } from '../gazetteer.js';

// Titles make a phrase a description, not a name: "PRESIDENT_PUTIN" would teach the tagger that
// "President" is part of a person's name, which CoNLL and our mentions say it is not.
const TITLE_WORDS = new Set(
  'president presidents prime minister ministers secretary secretary-general general chairman chief leader head king queen prince sheikh spokesman spokeswoman ambassador governor mayor senator deputy vice former director commander colonel lieutenant captain sir dr. mr. mrs. gen. col. lt. sen. rep. gov. pres. judge justice envoy official officials foreign interior defense defence of the'
    .split(' '),
);

export function readPhoenixActors(folder: string): GazetteerRecord[] {
  const records: GazetteerRecord[] = [];
  records.push(...parseActorFile(readFileSync(join(folder, 'Phoenix.Countries.actors.txt'), 'utf8'), 'countries'));
  records.push(...parseActorFile(readFileSync(join(folder, 'Phoenix.International.actors.txt'), 'utf8'), 'international'));
  records.push(...parseActorFile(readFileSync(join(folder, 'Phoenix.MilNonState.actors.txt'), 'utf8'), 'nonstate'));
  return records;
}

interface RawRecord {
  names: string[];
  codes: string[];
  dated: boolean;
  countryInfo: boolean;
}

function parseActorFile(text: string, file: 'countries' | 'international' | 'nonstate'): GazetteerRecord[] {
  const raw: RawRecord[] = [];
  let current: RawRecord | null = null;
  for (const rawLine of text.split('\n')) {
    const comment = rawLine.indexOf('#');
    const line = (comment >= 0 ? rawLine.slice(0, comment) : rawLine).replace(/\s+$/, '');
    const commentText = comment >= 0 ? rawLine.slice(comment) : '';
    if (!line.trim()) continue;
    if (/^\s/.test(line)) {
      // A tab-indented code line belongs to the current record.
      if (!current) continue;
      for (const code of line.matchAll(/\[([A-Z~]+)([^\]]*)\]/g)) {
        current.codes.push(code[1]!);
        if (code[2]!.trim()) current.dated = true;
      }
      continue;
    }
    if (line.startsWith('+')) {
      if (current) current.names.push(normaliseName(line.slice(1).split('[')[0]!));
      continue;
    }
    current = { names: [normaliseName(line.split('[')[0]!)], codes: [], dated: false, countryInfo: /CountryInfo/.test(commentText) };
    raw.push(current);
    for (const code of line.matchAll(/\[([A-Z~]+)([^\]]*)\]/g)) {
      current.codes.push(code[1]!);
      if (code[2]!.trim()) current.dated = true;
    }
  }
  const records: GazetteerRecord[] = [];
  for (const record of raw) {
    // A state's codes are dated when its status changed (Belarus in the Soviet Union, Iraq under
    // occupation): a bare country code among them still makes it a state, coded as it is now.
    const stateCode = file === 'countries' ? record.codes.findLast((code) => /^[A-Z]{3}$/.test(code)) : undefined;
    const code = stateCode ?? record.codes[0] ?? '';
    const kind: GazetteerKind = stateCode ? 'country' : record.countryInfo || (record.dated && file !== 'nonstate') ? 'person' : 'org';
    // A country's first name is the country; its variants mix other spellings, demonyms and places.
    const names = [...new Set(record.names.filter((name) => name && isNameLike(name, kind)))];
    if (names.length === 0) continue;
    records.push({ kind, code, names });
  }
  return records;
}

function normaliseName(phrase: string): string {
  return phrase
    .replace(/_+$/, '')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function isNameLike(name: string, kind: GazetteerKind): boolean {
  const words = name.split(' ');
  if (words.length > 6) return false;
  if (kind === 'country') return true;
  if (words.some((word) => TITLE_WORDS.has(word)) && !(kind === 'org' && words.length > 1 && !TITLE_WORDS.has(words[0]!))) return false;
  return /\p{L}/u.test(name);
}
