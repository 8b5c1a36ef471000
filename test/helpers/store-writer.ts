/**
 * A child process for the store's kill-safety and concurrency tests (and scripts/bench-store.ts):
 * imports generated articles into one case of the default (SQLite) store, `batch` per transaction, and
 * prints `ack <n>` once the store has acknowledged the first n articles.
 *
 *   node --import tsx test/helpers/store-writer.ts <dataDir> <case> <count> <batch> <seed> [prefix]
 */
import { openSqliteStore } from '../../src/store/sqlite.js';
import { newsCorpus } from './news-generator.js';
import { storedArticles } from './stored-articles.js';

const [dataDir, caseName, count, batch, seed, prefix = 'article'] = process.argv.slice(2);
const store = openSqliteStore(dataDir!);
let found = await store.getCase(caseName!);
found ??= await store.createCase(caseName!).catch(async () => (await store.getCase(caseName!))!);
const articles = newsCorpus(Number(count), 10, Number(seed));
const size = Number(batch);
for (let start = 0; start < articles.length; start += size) {
  const documents = storedArticles(articles.slice(start, start + size), prefix, start + 1);
  await store.importDocuments(found.id, documents);
  process.stdout.write(`ack ${Math.min(start + size, articles.length)}\n`);
}
await store.close();
