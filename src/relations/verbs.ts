/**
 * The CAMEO verb patterns, as scripts/derive-relations.ts derives them from the Phoenix
 * dictionary into models/relations/verbs.json: each verb form found in a sentence is looked up
 * here, its patterns tried against the words around it, and the code of the best match (or the
 * verb's own code) decides which relation, if any, the verb states.
 */
import { readFileSync } from 'node:fs';
import { loadShippedModel } from '../models.js';

export const VERBS_URL = new URL('../../models/relations/verbs.json', import.meta.url);

/** Words before and after the verb, in order ("&military" names a synonym set); its CAMEO code or null (no event). */
export interface VerbPattern {
  before: string[];
  after: string[];
  code: string | null;
}

export interface VerbEntry {
  lemma: string;
  /** Inflected forms, lower case; a phrasal verb's forms hold spaces ("met with"). */
  forms: string[];
  /** The verb's code when no pattern matches; null when only its patterns code it. */
  code: string | null;
  /** Index of its dictionary block's pattern set in `VerbModel.patterns`. */
  patterns: number;
}

export interface VerbModel {
  source: string;
  synsets: Record<string, string[]>;
  /** One pattern set per dictionary block: the block's verbs share them. */
  patterns: VerbPattern[][];
  verbs: VerbEntry[];
}

export interface VerbLexicon {
  /** Entries by the first word of a form, each with the rest of that form's words. */
  byFirstWord: Map<string, { entry: VerbEntry; rest: string[] }[]>;
  synsets: Map<string, Set<string>>;
  patterns: VerbPattern[][];
}

let shipped: VerbLexicon | null = null;

/** The shipped lexicon, loaded once. */
export function verbLexicon(): VerbLexicon {
  shipped ??= loadShippedModel('relations', () => indexVerbs(JSON.parse(readFileSync(VERBS_URL, 'utf8')) as VerbModel));
  return shipped;
}

export function indexVerbs(model: VerbModel): VerbLexicon {
  const byFirstWord = new Map<string, { entry: VerbEntry; rest: string[] }[]>();
  for (const entry of model.verbs) {
    for (const form of entry.forms) {
      const [first, ...rest] = form.split(' ');
      const list = byFirstWord.get(first!) ?? [];
      list.push({ entry, rest });
      byFirstWord.set(first!, list);
    }
  }
  // Longer forms first, so "meet with" is tried before "meet".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  const synsets = new Map(Object.entries(model.synsets).map(([name, members]) => [name, new Set(members)]));
  return { byFirstWord, synsets, patterns: model.patterns };
}

/** A pattern word matches a text word: the same word, its plural, or a member of its synonym set. */
function wordMatches(lexicon: VerbLexicon, patternWord: string, word: string): boolean {
  const set = patternWord.startsWith('&') ? lexicon.synsets.get(patternWord) : null;
  const candidates = set ? [...set] : [patternWord];
  return candidates.some((candidate) => word === candidate || word === `${candidate}s` || word === `${candidate}es`);
}

/**
 * True when `pattern` occurs in order near the verb: its first word within the first
 * `FIRST_REACH` words of `words` (the words on that side of the verb, nearest first), each next
 * word within `NEXT_REACH` words of the one before. A parser would match constituents; this keeps
 * the words of a pattern in the verb's own phrase ("sent troops", not "said ... military").
 */
function nearVerb(lexicon: VerbLexicon, pattern: readonly string[], words: readonly string[]): boolean {
  let at = -1;
  // A pattern that is one preposition ("meet at") qualifies the verb itself: the dictionary's
  // patterns lost their target slot, and "met Mira Esk at the plant" is a meeting, not "meet at".
  const firstReach = pattern.length === 1 && PREPOSITIONS.has(pattern[0]!) ? 1 : FIRST_REACH;
  for (const [index, part] of pattern.entries()) {
    const reach = index === 0 ? firstReach : NEXT_REACH;
    let found = -1;
    for (let next = at + 1; next < Math.min(words.length, at + 1 + reach); next += 1) {
      if (wordMatches(lexicon, part, words[next]!)) {
        found = next;
        break;
      }
    }
    if (found < 0) return false;
    at = found;
  }
  return true;
}

const FIRST_REACH = 4;
const PREPOSITIONS: ReadonlySet<string> = new Set(['at', 'in', 'on', 'with', 'for', 'by', 'to', 'from', 'of', 'over', 'about', 'against', 'into']);
const NEXT_REACH = 3;

/**
 * The CAMEO code `entry` gives given the clause's words before and after the verb (each side in
 * text order): the most
 * specific matching pattern's code (null when that pattern codes no event), else the verb's own
 * code. `undefined` means no pattern matched and the verb has no code of its own.
 */
export function codeFor(lexicon: VerbLexicon, entry: VerbEntry, before: readonly string[], after: readonly string[]): string | null | undefined {
  let best: VerbPattern | null = null;
  for (const pattern of lexicon.patterns[entry.patterns] ?? []) {
    if (!pattern.after.length && !pattern.before.length) continue;
    if (!nearVerb(lexicon, pattern.after, after) || !nearVerb(lexicon, [...pattern.before].reverse(), [...before].reverse())) continue;
    const size = pattern.after.length + pattern.before.length;
    if (!best || size > best.after.length + best.before.length) best = pattern;
  }
  if (best) return best.code;
  return entry.code ?? undefined;
}
