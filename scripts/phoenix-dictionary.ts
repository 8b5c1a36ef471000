/**
 * Reader for the Phoenix / PETRARCH2 CAMEO verb dictionary in ../shared/data/phoenix (MIT, Open
 * Event Data Alliance), shared by scripts/derive-relations.ts (which derives our shipped verb
 * patterns) and scripts/eval-relations.ts (whose peer coder reads it whole). The actor
 * dictionaries have their reader in src/ner/training/phoenix.ts. Written by us from the format
 * notes in that folder's README; the product never reads these files at run time.
 */
import { readFileSync } from 'node:fs';

export const PHOENIX = new URL('../../shared/data/phoenix/', import.meta.url);

export interface DictionaryPattern {
  /** Words before and after the verb, lower case; "&military" names a synonym set. */
  before: string[];
  after: string[];
  code: string | null;
}

export interface DictionaryVerb {
  words: string[];
  forms: string[];
  /** The code on the verb's own line, if any. */
  code: string | null;
}

export interface DictionaryBlock {
  code: string | null;
  verbs: DictionaryVerb[];
  patterns: DictionaryPattern[];
}

export interface VerbDictionary {
  synsets: Map<string, string[]>;
  blocks: DictionaryBlock[];
}

/** "[062:062]" → "062" (the active-voice code); "[---]" and "[:110]" → null (no event). */
export function codeOf(raw: string): string | null {
  const active = raw.split(':')[0]!.replace(/[^0-9]/gu, '');
  return active ? active : null;
}

/** "MEET_WITH" → "meet with"; a trailing "_" (no automatic plural) is dropped. */
export function phrase(raw: string): string {
  return raw.replace(/_+$/u, '').replace(/_/gu, ' ').toLowerCase();
}

/** The regular inflections PETRARCH generates: -s, -ed, -ing. */
export function regularForms(verb: string): string[] {
  const third = /(?:s|x|z|ch|sh)$/u.test(verb) ? `${verb}es` : /[^aeiou]y$/u.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const past = verb.endsWith('e') ? `${verb}d` : /[^aeiou]y$/u.test(verb) ? `${verb.slice(0, -1)}ied` : `${verb}ed`;
  const gerund = /[^e]e$/u.test(verb) ? `${verb.slice(0, -1)}ing` : `${verb}ing`;
  return [third, past, gerund];
}

/** Reads CAMEO.2.0.txt: synonym sets, then verb blocks with their verbs and patterns. */
export function readVerbDictionary(): VerbDictionary {
  const text = readFileSync(new URL('CAMEO.2.0.txt', PHOENIX), 'utf8');
  const synsets = new Map<string, string[]>();
  const blocks: DictionaryBlock[] = [];
  let currentSynset: string[] | null = null;
  let block: DictionaryBlock | null = null;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/#.*$/u, '').trimEnd();
    if (!line.trim()) continue;
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s*---/u.exec(line);
    if (header) {
      block = { code: codeOf(header[2]!), verbs: [], patterns: [] };
      blocks.push(block);
      currentSynset = null;
      continue;
    }
    const synset = /^&(\S+)/u.exec(line);
    if (synset && !block) {
      currentSynset = [];
      synsets.set(`&${synset[1]!.replace(/_$/u, '').toLowerCase()}`, currentSynset);
      continue;
    }
    if (currentSynset && !block && line.startsWith('+')) {
      currentSynset.push(phrase(line.slice(1).trim()));
      continue;
    }
    if (!block || line.startsWith('~')) continue; // verb-verb transformations: PETRARCH's clause logic
    if (line.startsWith('-')) {
      const pattern = parsePattern(line.slice(1));
      if (pattern) block.patterns.push(pattern);
      continue;
    }
    const verb = parseVerb(line.trim());
    if (verb) block.verbs.push(verb);
  }
  return { synsets, blocks };
}

function parseVerb(line: string): DictionaryVerb | null {
  const match = /^\+?([A-Z][A-Z'_-]*)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?/u.exec(line);
  if (!match) return null;
  const base = phrase(match[1]!);
  const listed = (match[2] ?? '').split(/[\s,]+/u).filter(Boolean).map((form) => phrase(form.replace(/^\+/u, '')));
  const [head, ...rest] = base.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const forms = new Set([base, ...regularForms(head!).map((form) => form + tail), ...listed]);
  return { words: base.split(' '), forms: [...forms], code: match[3] === undefined ? null : codeOf(match[3]) };
}

function parsePattern(body: string): DictionaryPattern | null {
  const codeMatch = /\[([^\]]*)\]\s*$/u.exec(body);
  if (!codeMatch) return null;
  const words = body
    .slice(0, codeMatch.index)
    .replace(/[(){}]/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word && !['$', '+', '^', '%', '|'].includes(word));
  const star = words.indexOf('*');
  if (star < 0) return null;
  const expand = (list: string[]) => list.flatMap((word) => (word.startsWith('&') ? [word.replace(/_$/u, '').toLowerCase()] : phrase(word).split(' '))).filter(Boolean);
  return { before: expand(words.slice(0, star)), after: expand(words.slice(star + 1)), code: codeOf(codeMatch[1]!) };
}
