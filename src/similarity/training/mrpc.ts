/**
 * The MRPC training pairs (../shared/data/mrpc/train.tsv) and the fixed split we use: MRPC has no
 * dev set, so 408 pairs (the size of GLUE's dev part) are held out, chosen by the lowest FNV-1a
 * hash of "<id1>-<id2>" (deterministic, independent of file order), and the rest trains. Ten
 * folds for cross-validation over all 4,076 pairs are assigned by the same hash.
 */
import { readFileSync } from 'node:fs';
import { hashString } from '../../ner/hash.js';

export interface MrpcPair {
  id: string;
  label: number;
  first: string;
  second: string;
}

export const HELD_OUT_PAIRS = 408;
export const FOLDS = 10;

export function readMrpc(path: string): MrpcPair[] {
  const pairs: MrpcPair[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [quality, id1, id2, first, second] = line.split('\t');
    if (first === undefined || second === undefined) continue;
    pairs.push({ id: `${id1}-${id2}`, label: Number(quality), first, second });
  }
  return pairs;
}

/** The held-out part (408 pairs) and the training part, each in file order. */
export function splitMrpc<Pair extends { id: string }>(pairs: readonly Pair[]): { train: Pair[]; heldOut: Pair[] } {
  const held = new Set([...pairs].sort((a, b) => hashString(a.id) - hashString(b.id) || a.id.localeCompare(b.id)).slice(0, HELD_OUT_PAIRS).map((pair) => pair.id));
  return { train: pairs.filter((pair) => !held.has(pair.id)), heldOut: pairs.filter((pair) => held.has(pair.id)) };
}

/** The cross-validation fold of a pair. */
export function foldOf(id: string): number {
  // A second hash round, so that folds do not line up with the held-out part.
  return hashString(`fold:${id}`) % FOLDS;
}
