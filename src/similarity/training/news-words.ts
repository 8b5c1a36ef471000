/**
 * The lower-cased words of the training news texts in ../shared/data (CoNLL-2003 train, PolNeAR
 * train, ECB+ train and dev topics, MRPC train): rarer GloVe words are kept in the shipped vectors
 * when news actually uses them. Only a word list comes out of here; no text is kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseForm } from '../../ner/features.js';
import { tokenize } from '../../text/tokens.js';

export function newsWords(dataRoot: string): Set<string> {
  const seen = new Set<string>();
  const addText = (text: string): void => {
    for (const token of tokenize(text)) seen.add(normaliseForm(text.slice(token.start, token.end)).toLowerCase());
  };
  for (const line of readFileSync(join(dataRoot, 'conll2003/train.txt'), 'utf8').split('\n')) {
    const word = line.split(' ')[0];
    if (word && word !== '-DOCSTART-') seen.add(word.toLowerCase());
  }
  const polnear = join(dataRoot, 'polnear/data/train/text');
  for (const file of readdirSync(polnear)) addText(readFileSync(join(polnear, file), 'utf8'));
  for (const line of readFileSync(join(dataRoot, 'ecbplus/documents.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const record = JSON.parse(line) as { split_cybulska2015: string; sentences: string[] };
    if (record.split_cybulska2015 !== 'test') for (const sentence of record.sentences) addText(sentence);
  }
  for (const line of readFileSync(join(dataRoot, 'mrpc/train.tsv'), 'utf8').split('\n').slice(1)) {
    const [, , , first, second] = line.split('\t');
    if (first && second) addText(`${first} ${second}`);
  }
  return seen;
}
