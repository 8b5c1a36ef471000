/**
 * Blocking keys for comparing texts across documents: the content words of a text, folded to a
 * crude stem (its first six letters), so that "recognised" and "recognized", "terrorist" and
 * "terrorism" share a key. Keys only choose which pairs are compared; the judgement itself is the
 * matcher's, so a crude stem costs a few extra comparisons, never a wrong answer.
 */
const FUNCTION_WORDS = new Set(
  ('about above after again against also although among an and another any are around because been before being between both but ' +
    'can cannot could did does doing down during each either even ever every from further had has have having here hers herself ' +
    'himself into its itself just like more most much must neither nor not now off once only other ought ours over same shall she ' +
    'should some such than that the their theirs them themselves then there these they this those though through under until upon ' +
    'very was were what when where whether which while who whom whose will with within without would yet you your yours said says ' +
    'told also according year years week today yesterday monday tuesday wednesday thursday friday saturday sunday').split(' '),
);

const WORD = /\p{L}[\p{L}'’-]*/gu;

/** The stems of `text`'s content words (four letters or more), each once, in order. */
export function contentKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/u, '');
    if (word.length < 4 || FUNCTION_WORDS.has(word)) continue;
    keys.add(word.slice(0, 6));
  }
  return [...keys];
}
