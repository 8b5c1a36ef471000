/**
 * Gazetteer: known countries, places, people and organisations, read from the Phoenix / CAMEO
 * actor dictionaries (MIT, Open Event Data). The tagger uses a match as a feature, and the
 * identity stage uses the same records to type an actor and give it a country code.
 *
 * Shipped form (models/ner/gazetteer.tsv.gz): one record per line,
 * `kind<TAB>code<TAB>name|variant|variant`, names lower-cased, words separated by spaces.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export type GazetteerKind = 'country' | 'place' | 'person' | 'org';

export interface GazetteerRecord {
  kind: GazetteerKind;
  /** CAMEO actor code: country (RUS), with a role (RUSGOV), or international (IGOUNO); '' if none. */
  code: string;
  /** The first name is the primary one. */
  names: string[];
}

export interface Gazetteer {
  records: GazetteerRecord[];
  /** Lower-cased phrase to the kinds of record it names, and the records themselves. */
  byPhrase: Map<string, GazetteerRecord[]>;
  /** The longest phrase (in words) that starts with each first word. */
  longestFrom: Map<string, number>;
}

export function buildGazetteer(records: GazetteerRecord[]): Gazetteer {
  const byPhrase = new Map<string, GazetteerRecord[]>();
  const longestFrom = new Map<string, number>();
  for (const record of records) {
    for (const name of record.names) {
      const list = byPhrase.get(name);
      if (list) {
        if (!list.includes(record)) list.push(record);
      } else byPhrase.set(name, [record]);
      const words = name.split(' ');
      const first = words[0]!;
      longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, words.length));
    }
  }
  return { records, byPhrase, longestFrom };
}

export function parseGazetteer(text: string): Gazetteer {
  const records: GazetteerRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [kind, code, names] = line.split('\t');
    if (!kind || names === undefined) continue;
    records.push({ kind: kind as GazetteerKind, code: code ?? '', names: names.split('|') });
  }
  return buildGazetteer(records);
}

export function formatGazetteer(records: readonly GazetteerRecord[]): string {
  return records.map((record) => `${record.kind}\t${record.code}\t${record.names.join('|')}`).join('\n');
}

export function readGazetteer(path: string | URL): Gazetteer {
  return parseGazetteer(gunzipSync(readFileSync(path)).toString('utf8'));
}

export interface GazetteerMatch {
  start: number;
  end: number;
  records: GazetteerRecord[];
}

/**
 * Longest matches, left to right, over lower-cased token texts. A possessive or a closing
 * token never starts a match.
 */
export function matchGazetteer(gazetteer: Gazetteer, lowerTokens: readonly string[]): GazetteerMatch[] {
  const matches: GazetteerMatch[] = [];
  let i = 0;
  while (i < lowerTokens.length) {
    const longest = gazetteer.longestFrom.get(lowerTokens[i]!);
    let matched = 0;
    if (longest) {
      let phrase = '';
      const candidates: string[] = [];
      for (let n = 0; n < longest && i + n < lowerTokens.length; n++) {
        phrase = n === 0 ? lowerTokens[i]! : `${phrase} ${lowerTokens[i + n]!}`;
        candidates.push(phrase);
      }
      for (let n = candidates.length; n >= 1; n--) {
        const records = gazetteer.byPhrase.get(candidates[n - 1]!);
        if (records) {
          matches.push({ start: i, end: i + n, records });
          matched = n;
          break;
        }
      }
    }
    i += matched || 1;
  }
  return matches;
}
