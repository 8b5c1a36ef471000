/**
 * The run's messages as a terminal shows them, the way compilers print diagnostics:
 * `source:line:column: severity: text [rule]`, with the position computed from the message's
 * start offset in the document's text (just `source:` without one, `crosscheck:` for a problem
 * with the run as a whole). A message repeated word for word is printed once, at its first
 * place, with a count of the others, so that 92 unbalanced quotation marks take one line;
 * analysis.json keeps every one with its offsets.
 */
import type { Analysis, ContractMessage } from '../index.js';

/** What locating a message needs of an analysis. */
export interface MessageSource {
  documents: readonly Pick<Analysis['documents'][number], 'id' | 'source' | 'text'>[];
  messages: readonly ContractMessage[];
}

export interface MessageFilter {
  /** Print errors only. Info messages are never printed: they are in analysis.json. */
  quiet: boolean;
}

interface Group {
  first: ContractMessage;
  body: string;
  count: number;
  docs: Set<string>;
}

export function formatMessages(analysis: MessageSource, filter: MessageFilter): string[] {
  const documents = new Map(analysis.documents.map((doc) => [doc.id, doc]));
  const groups = new Map<string, Group>();
  for (const message of analysis.messages) {
    if (message.severity === 'info' || (filter.quiet && message.severity === 'warning')) continue;
    const source = message.doc === null ? null : (documents.get(message.doc)?.source ?? message.doc);
    // Read messages name their input so that they read alone in analysis.json; here the location already does.
    const body = source !== null && message.text.startsWith(`${source}: `) ? message.text.slice(source.length + 2) : message.text;
    const key = `${message.severity}\u0000${message.rule}\u0000${body}`;
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      if (message.doc !== null) group.docs.add(message.doc);
    } else {
      groups.set(key, { first: message, body, count: 1, docs: new Set(message.doc === null ? [] : [message.doc]) });
    }
  }

  const lines = new LineFinder();
  return [...groups.values()].map(({ first, body, count, docs }) => {
    const doc = first.doc === null ? undefined : documents.get(first.doc);
    const source = first.doc === null ? 'crosscheck' : (doc?.source ?? first.doc);
    const position = doc && first.start !== undefined ? `:${lines.position(doc.id, doc.text, first.start)}` : '';
    return `${source}${position}: ${first.severity}: ${body} [${first.rule}]${repeats(count - 1, docs.size)}`;
  });
}

function repeats(more: number, documents: number): string {
  if (more === 0) return '';
  if (documents <= 1) return ` (and ${more} more like it${documents === 1 ? ' in this document' : ''})`;
  return ` (and ${more} more like it, in ${documents} documents)`;
}

/** "line:column", both counted from 1; columns count UTF-16 code units, like the offsets. */
class LineFinder {
  private readonly starts = new Map<string, number[]>();

  position(doc: string, text: string, offset: number): string {
    let starts = this.starts.get(doc);
    if (!starts) {
      starts = [0];
      // \r\n, \r and \n each end a line, as editors count them.
      for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
      this.starts.set(doc, starts);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return `${low + 1}:${offset - starts[low]! + 1}`;
  }
}
