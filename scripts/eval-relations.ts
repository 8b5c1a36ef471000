/**
 * Measures our relations against a peer: the same sentences coded the way PETRARCH2 codes them
 * with the Phoenix dictionaries (../shared/data/phoenix), by a simplified coder we wrote from
 * PETRARCH2's published coding rules:
 *
 * - a sentence holding a phrase of the discard list is not coded;
 * - actors are the longest phrases of the actor dictionaries found in the sentence, each with its
 *   CAMEO actor code;
 * - each verb of the verb dictionary heads an event; its patterns are matched against the words of
 *   its clause (the peer has no parser, so a pattern's words need only occur in order after, or
 *   before, the verb in the clause), the longest matching pattern's code wins, else the verb's;
 * - the source is the subject, taken as the first actor of the clause before the verb; the target
 *   is the first actor after the verb; in the passive ("was condemned by X") X is the source and
 *   the actor before the verb the target;
 * - an event needs both a source and a target (PETRARCH2 codes dyadic events only);
 * - a negated verb ("did not condemn") is not coded.
 *
 * Our relations are compared sentence by sentence: each relation's evidence sentence gives an
 * event (subject and object as actor codes, found by looking up the entity's names in the same
 * actor dictionaries, and the CAMEO root). Two events agree when source, target and root agree.
 *
 * Run: `npm run eval:relations` (reads examples/sample-story and ../shared/seeds).
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyze, type Analysis } from '../src/index.js';
import { cameoRoot, KIND_OF_CODE } from '../src/relations/cameo.js';
import { tokenize } from '../src/text/tokens.js';
import { readPhoenixActors } from '../src/ner/training/phoenix.js';
import { PHOENIX, readVerbDictionary, type DictionaryPattern } from './phoenix-dictionary.js';

const SETS: [string, string][] = [
  ['sample story', new URL('../examples/sample-story/', import.meta.url).pathname],
  ['seeds', new URL('../../shared/seeds/', import.meta.url).pathname],
];

interface CodedEvent {
  source: string;
  target: string | null;
  root: string;
}

/** Actor phrase (lower case) → CAMEO actor code, the first record naming it winning. */
const actors = new Map<string, string>();
for (const record of readPhoenixActors(PHOENIX.pathname)) {
  if (!record.code) continue;
  for (const name of record.names) if (!actors.has(name)) actors.set(name, record.code);
}
const longestActor = Math.max(...[...actors.keys()].map((name) => name.split(' ').length));
const dictionary = readVerbDictionary();
const verbs = new Map<string, { rest: string[]; code: string | null; patterns: DictionaryPattern[] }[]>();
for (const block of dictionary.blocks) {
  for (const verb of block.verbs) {
    for (const form of verb.forms) {
      const [first, ...rest] = form.split(' ');
      const list = verbs.get(first!) ?? [];
      list.push({ rest, code: verb.code ?? block.code, patterns: block.patterns });
      verbs.set(first!, list);
    }
  }
}
const discards = readFileSync(new URL('Phoenix.discards.txt', PHOENIX), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*$/u, '').trim().replace(/^\+/u, '').toLowerCase().replace(/_/gu, ' '))
  .filter((line) => line && !/^\d+$/u.test(line));
const OUR_ROOTS = new Set(Object.keys(KIND_OF_CODE).map(cameoRoot));
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'this', 'that', "'s", '’s']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

function synonym(word: string, patternWord: string): boolean {
  const members = patternWord.startsWith('&') ? (dictionary.synsets.get(patternWord) ?? []) : [patternWord];
  return members.some((member) => word === member || word === `${member}s` || word === `${member}es`);
}

function subsequence(pattern: readonly string[], words: readonly string[]): boolean {
  let at = 0;
  for (const word of words) if (at < pattern.length && synonym(word, pattern[at]!)) at += 1;
  return at === pattern.length;
}

/** The peer's events for one sentence. */
function peerCode(text: string): CodedEvent[] {
  const words = tokenize(text).map((token) => text.slice(token.start, token.end));
  const lower = words.map((word) => word.toLowerCase());
  const joined = ` ${lower.join(' ')} `;
  if (discards.some((phrase) => joined.includes(` ${phrase} `))) return [];
  // Actors: longest dictionary phrase at each position.
  const actorAt: (string | null)[] = lower.map(() => null);
  for (let at = 0; at < lower.length; at += 1) {
    for (let length = Math.min(longestActor, lower.length - at); length >= 1; length -= 1) {
      const code = actors.get(lower.slice(at, at + length).join(' '));
      if (!code) continue;
      for (let inside = at; inside < at + length; inside += 1) actorAt[inside] = code;
      at += length - 1;
      break;
    }
  }
  const events: CodedEvent[] = [];
  let clauseStart = 0;
  for (let at = 0; at < lower.length; at += 1) {
    if ([';', ':', '—'].includes(lower[at]!)) clauseStart = at + 1;
    if (actorAt[at] || DETERMINERS.has(lower[at - 1] ?? '') || (at > 0 && /^\p{Lu}/u.test(words[at]!))) continue;
    const entries = verbs.get(lower[at]!) ?? [];
    const entry = entries.find((candidate) => candidate.rest.every((part, offset) => lower[at + 1 + offset] === part));
    if (!entry) continue;
    let clauseEnd = lower.findIndex((word, index) => index > at && [';', ':', '—', '.'].includes(word));
    if (clauseEnd < 0) clauseEnd = lower.length;
    const before = lower.slice(clauseStart, at);
    const after = lower.slice(at + 1 + entry.rest.length, clauseEnd);
    let best: DictionaryPattern | null = null;
    for (const pattern of entry.patterns) {
      if ((pattern.before.length || pattern.after.length) && subsequence(pattern.after, after) && subsequence(pattern.before, before)) {
        if (!best || pattern.after.length + pattern.before.length > best.after.length + best.before.length) best = pattern;
      }
    }
    const code = best ? best.code : entry.code;
    if (!code) continue;
    if (lower.slice(Math.max(clauseStart, at - 3), at).some((word) => ['not', "n't", 'n’t', 'never'].includes(word))) continue;
    const firstBefore = actorAt.slice(clauseStart, at).find((actor) => actor !== null) ?? null;
    const afterActors = actorAt.slice(at + 1, clauseEnd);
    const firstAfter = afterActors.find((actor) => actor !== null) ?? null;
    const byAt = lower.indexOf('by', at + 1);
    const passive = BE.has(lower[at - 1] ?? '') && byAt > 0 && byAt < clauseEnd && actorAt[byAt + 1] !== null && actorAt[byAt + 1] !== undefined;
    const source = passive ? actorAt[byAt + 1]! : firstBefore;
    const target = passive ? firstBefore : firstAfter;
    if (!source || !target || target === source) continue;
    events.push({ source, target, root: cameoRoot(code) });
  }
  return events;
}

function actorCode(analysis: Analysis, entity: string | null): string | null {
  if (entity === null) return null;
  const found = analysis.entities.find((candidate) => candidate.id === entity);
  if (!found) return `?${entity}`;
  for (const name of [found.name, ...found.aliases]) {
    const code = actors.get(name.toLowerCase());
    if (code) return code;
  }
  return `?${found.name}`;
}

interface Tally {
  ours: number;
  /** Ours the peer could code at all: asserted, with an object, both ends in its actor dictionaries. */
  comparable: number;
  peer: number;
  agreed: number;
  kinds: Map<string, number>;
}

function compare(analysis: Analysis): Tally {
  const tally: Tally = { ours: 0, comparable: 0, peer: 0, agreed: 0, kinds: new Map() };
  const count = (kind: string) => tally.kinds.set(kind, (tally.kinds.get(kind) ?? 0) + 1);
  const oursBySentence = new Map<string, (CodedEvent & { negated: boolean })[]>();
  for (const relation of analysis.relations) {
    for (const span of relation.evidence) {
      const key = `${span.doc}:${span.start}`;
      const list = oursBySentence.get(key) ?? [];
      list.push({ source: actorCode(analysis, relation.subject)!, target: actorCode(analysis, relation.object), root: relation.cameoRoot, negated: relation.negated });
      oursBySentence.set(key, list);
    }
  }
  for (const doc of analysis.documents) {
    for (const sentence of doc.sentences) {
      const peer = peerCode(doc.text.slice(sentence.start, sentence.end));
      const ours = oursBySentence.get(`${doc.id}:${sentence.start}`) ?? [];
      for (const event of ours) {
        if (event.negated) count('ours only: negated (the peer codes no negated verb)');
        else if (event.target === null) count('ours only: no object (the peer codes dyadic events only)');
      }
      const open = ours.filter((event) => !event.negated && event.target !== null);
      tally.comparable += open.filter((event) => !event.source.startsWith('?') && !event.target!.startsWith('?')).length;
      tally.ours += ours.length;
      tally.peer += peer.length;
      const left = [...peer];
      const unmatched: CodedEvent[] = [];
      for (const event of open) {
        const match = left.findIndex((other) => other.source === event.source && other.target === event.target && other.root === event.root);
        if (match >= 0) {
          tally.agreed += 1;
          left.splice(match, 1);
        } else unmatched.push(event);
      }
      for (const event of unmatched) {
        const near = left.findIndex((other) => [other.source === event.source, other.target === event.target, other.root === event.root].filter(Boolean).length === 2);
        if (near >= 0) {
          const other = left.splice(near, 1)[0]!;
          count(other.root !== event.root ? `same actors, other CAMEO root (ours ${event.root}, peer ${other.root})` : other.source !== event.source ? 'same act and target, other source' : 'same act and source, other target');
        } else count(event.source.startsWith('?') ? 'ours only: our subject has no Phoenix actor code' : 'ours only: the peer codes no event here');
      }
      for (const other of left) count(OUR_ROOTS.has(other.root) ? 'peer only: a root our kinds cover' : `peer only: a root outside our kinds (${other.root})`);
    }
  }
  return tally;
}

for (const [name, path] of SETS) {
  if (!existsSync(path)) {
    console.log(`${name}: ${path} not found, skipped`);
    continue;
  }
  const analysis = await analyze([path]);
  const tally = compare(analysis);
  const union = tally.ours + tally.peer - tally.agreed;
  console.log(`\n${name}: ${analysis.documents.length} documents, ${analysis.relations.length} relations`);
  console.log(`  events: ours ${tally.ours} (one per relation evidence sentence), peer ${tally.peer}, agreed ${tally.agreed}`);
  console.log(`  agreement: ${(tally.agreed / Math.max(1, union)).toFixed(3)} of the union; ${(tally.agreed / Math.max(1, tally.ours)).toFixed(3)} of ours; ${(tally.agreed / Math.max(1, tally.peer)).toFixed(3)} of the peer's`);
  console.log(`  of ours the peer could code (asserted, with an object, both actors in its dictionaries): ${tally.comparable}, agreed ${tally.agreed} (${(tally.agreed / Math.max(1, tally.comparable)).toFixed(3)})`);
  console.log('  disagreements:');
  for (const [kind, count] of [...tally.kinds].sort((a, b) => b[1] - a[1])) console.log(`    ${String(count).padStart(4)}  ${kind}`);
}
