/** Generated news articles as the store takes them, numbered from `first` under `prefix`. */
import { emptyMeta } from '../../src/document.js';
import type { NewDocument } from '../../src/store/types.js';
import type { newsCorpus } from './news-generator.js';

export function storedArticles(articles: ReturnType<typeof newsCorpus>, prefix: string, first = 1): NewDocument[] {
  return articles.map((article, i) => ({
    id: `${prefix}-${first + i}`,
    source: `${prefix}/${article.source}`,
    format: 'txt',
    text: article.content,
    meta: emptyMeta(),
    messages: [],
    original: Buffer.from(article.content),
  }));
}
