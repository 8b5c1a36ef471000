/**
 * Plain text and Markdown: the text is kept exactly as given. A Markdown file's first heading
 * is its title; for plain text the title is recovered later by the clean stage, which knows the
 * debris that may stand before it.
 */
import type { InputFormat } from '../document.js';
import type { ReadArticle } from './index.js';

export function readPlainText(text: string, source: string, format: InputFormat): ReadArticle {
  const article: ReadArticle = { source, format, text, meta: {}, problems: [] };
  if (format === 'md') {
    const heading = /^#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(text);
    if (heading) {
      const start = heading.index + heading[0].indexOf(heading[1]!);
      article.meta = { title: heading[1]!, titleSpan: { start, end: start + heading[1]!.length } };
    }
  }
  return article;
}
