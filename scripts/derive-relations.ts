/**
 * Derives models/relations/verbs.json from the Phoenix CAMEO verb dictionary
 * (../shared/data/phoenix/CAMEO.2.0.txt, MIT, Open Event Data Alliance): every verb whose
 * dictionary entry, or one of whose patterns, yields a CAMEO code our relation kinds map to
 * (src/relations/cameo.ts), with its inflected forms, its default code and its patterns. Patterns
 * with other codes are kept for those verbs too: they stop a verb's default ("back down" is not
 * support). Synonym sets used by the kept patterns are written out whole.
 *
 * The dictionary's pattern syntax is simplified the way our matcher reads it: the words before
 * and after the verb (`*`), prepositional phrases and `{}` phrases flattened into word sequences;
 * the actor slots (`$`, `+`, `^`, `%`) dropped, since our actors are entities found elsewhere.
 *
 * Run: `npm run train:relations` (reads ../shared/data/phoenix; writes models/relations/verbs.json).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { KIND_OF_CODE } from '../src/relations/cameo.js';
import type { VerbEntry, VerbPattern, VerbModel } from '../src/relations/verbs.js';
import { readVerbDictionary } from './phoenix-dictionary.js';

const OUT = new URL('../models/relations/verbs.json', import.meta.url);
const { synsets, blocks } = readVerbDictionary();

const mapped = (code: string | null) => code !== null && KIND_OF_CODE[code] !== undefined;
const verbs: VerbEntry[] = [];
const patternSets: VerbPattern[][] = [];
const usedSynsets = new Set<string>();
for (const { code: blockCode, verbs: blockVerbs, patterns } of blocks) {
  // PETRARCH files a pattern under its block; the comment names the verb it was found with, but
  // every verb of the block may use it, as PETRARCH does. A block's patterns are stored once.
  const codes = blockVerbs.map((verb) => verb.code ?? blockCode);
  const relevant = codes.some(mapped) || patterns.some((pattern) => mapped(pattern.code));
  if (!relevant) continue;
  const kept = dedupe(codes.some(mapped) ? patterns : patterns.filter((pattern) => mapped(pattern.code)));
  for (const pattern of kept) for (const word of [...pattern.before, ...pattern.after]) if (word.startsWith('&')) usedSynsets.add(word);
  patternSets.push(kept);
  blockVerbs.forEach((verb, index) => {
    verbs.push({ lemma: verb.words.join(' '), forms: verb.forms.sort(), code: mapped(codes[index]!) ? codes[index]! : null, patterns: patternSets.length - 1 });
  });
}

function dedupe(patterns: VerbPattern[]): VerbPattern[] {
  const seen = new Map<string, VerbPattern>();
  for (const pattern of patterns) seen.set(`${pattern.before.join(' ')}*${pattern.after.join(' ')}=${pattern.code}`, pattern);
  return [...seen.values()];
}

const model: VerbModel = {
  source: 'Phoenix CAMEO.2.0.txt (openeventdata/petrarch2 676801cd), MIT, (c) 2015 Open Event Data Alliance',
  synsets: Object.fromEntries([...usedSynsets].sort().map((name) => [name, synsets.get(name) ?? []])),
  patterns: patternSets,
  verbs: verbs.sort((a, b) => a.lemma.localeCompare(b.lemma)),
};
mkdirSync(new URL('.', OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(model)}\n`);
const patternCount = patternSets.reduce((sum, set) => sum + set.length, 0);
console.log(`blocks ${blocks.length}, synsets ${synsets.size}; kept ${verbs.length} verbs, ${patternCount} patterns, ${usedSynsets.size} synsets → ${OUT.pathname}`);
