/**
 * Word tokens with offsets, in the Penn Treebank / CoNLL style the trained models expect:
 * punctuation split off, "'s" and "n't" split from their word, but abbreviations (U.S., Mr.),
 * initials, decimals (3.5), grouped numbers (6,000), URLs, e-mail addresses and hyphenated
 * words kept whole. Tokens point into the text; they never copy or normalise it.
 */
import type { Span } from '../document.js';
import { INITIALISM, isAbbreviation } from './abbreviations.js';

export interface Token extends Span {}

const LEADING = /^["'“‘«‹(\[{¿¡—–‐-]|^\.\.\.|^…/u;
const TRAILING_PUNCT = /["”’»›)\]},;:!?…%]$/u;
const ATOMIC = [
  /^https?:\/\/\S+?(?=[.,;:!?)\]”"']*$)/u,
  /^www\.\S+?(?=[.,;:!?)\]”"']*$)/u,
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u,
  /^@\w+/u,
];
const INITIAL = /^\p{Lu}\.$/u; // J.
const NUMBER = /^[+-]?\d[\d,.]*\d$|^\d$/u;
const CONTRACTION = /^(.+?)(n[’']t|N[’']T|[’'](?:s|re|ve|ll|d|m)|[’'](?:S|RE|VE|LL|D|M))$/u;

/** Tokenises `text` between `from` and `to` (defaults: the whole text). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  // A scan by hand that stops at `to`: a regex would read on to the end of a chunk that runs past
  // `to`, so a long run without spaces cut into many ranges would be read again for each.
  let at = from;
  for (;;) {
    while (at < to && isWhiteSpace(text.charCodeAt(at))) at += 1;
    if (at >= to) break;
    const start = at;
    while (at < to && !isWhiteSpace(text.charCodeAt(at))) at += 1;
    splitChunk(text.slice(start, at), start, tokens);
  }
  return tokens;
}

/** The characters of `\s` in a JavaScript regular expression. */
function isWhiteSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Chunks that cannot hold a URL, an e-mail address or a handle skip those patterns. */
function mayBeAtomic(text: string): boolean {
  return text.includes('/') || text.includes('@') || text.includes('www.');
}

const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

function splitChunk(chunk: string, offset: number, out: Token[]): void {
  // Most chunks are bare words: one test and done, which keeps tokenising off the profile.
  if (PLAIN_WORD.test(chunk)) {
    out.push({ start: offset, end: offset + chunk.length });
    return;
  }
  const atomicPossible = mayBeAtomic(chunk);
  let start = 0;
  let end = chunk.length;
  /** Trailing marks, last first. */
  const trailing: Token[] = [];

  // Leading punctuation, one mark at a time.
  for (;;) {
    const rest = chunk.slice(start, end);
    if (rest.length <= 1) break;
    if (atomicPossible && ATOMIC.some((pattern) => pattern.test(rest))) break;
    // A currency sign before an amount is its own token ("$" "3.2bn"), as in the treebanks.
    const currency = /^[$£€¥₹]+(?=\d)/u.exec(rest);
    if (currency) {
      out.push({ start: offset + start, end: offset + start + currency[0].length });
      start += currency[0].length;
      continue;
    }
    const lead = LEADING.exec(rest);
    if (!lead) break;
    // A hyphen or dash directly before a digit is a sign or a range, not punctuation.
    if (/^[-‐–]\d/u.test(rest)) break;
    out.push({ start: offset + start, end: offset + start + lead[0].length });
    start += lead[0].length;
  }

  // Trailing punctuation, one mark at a time, keeping abbreviations' periods.
  for (;;) {
    const rest = chunk.slice(start, end);
    if (rest.length <= 1) break;
    if (atomicPossible && ATOMIC.some((pattern) => pattern.exec(rest)?.[0].length === rest.length)) break;
    if (rest.endsWith('...')) {
      trailing.push({ start: offset + end - 3, end: offset + end });
      end -= 3;
      continue;
    }
    const last = rest[rest.length - 1]!;
    if (last === '.') {
      const word = rest.slice(0, -1);
      if (INITIALISM.test(rest) || INITIAL.test(rest) || (isAbbreviation(word) && /^\p{L}+$/u.test(word))) break;
      trailing.push({ start: offset + end - 1, end: offset + end });
      end -= 1;
      continue;
    }
    if (TRAILING_PUNCT.test(last) || last === '’' || last === "'") {
      // A closing apostrophe after s is a possessive ("Hamas’"): split it off as its own token.
      trailing.push({ start: offset + end - 1, end: offset + end });
      end -= 1;
      continue;
    }
    break;
  }

  const core = chunk.slice(start, end);
  if (core.length > 0) splitCore(core, offset + start, out);
  for (let i = trailing.length - 1; i >= 0; i--) out.push(trailing[i]!);
}

function splitCore(core: string, offset: number, out: Token[]): void {
  if (PLAIN_WORD.test(core) || (mayBeAtomic(core) && ATOMIC.some((pattern) => pattern.test(core))) || NUMBER.test(core) || INITIALISM.test(core)) {
    out.push({ start: offset, end: offset + core.length });
    return;
  }
  // Inner punctuation that glues two words without a space: "peace,and" or "Gaza—Israel".
  const glued = /^(\p{L}{2,})([,;—–]|\.{3}|…)(\p{L}{2,})$/u.exec(core);
  if (glued) {
    const [, left, mark, right] = glued as unknown as [string, string, string, string];
    out.push({ start: offset, end: offset + left.length });
    out.push({ start: offset + left.length, end: offset + left.length + mark.length });
    out.push({ start: offset + left.length + mark.length, end: offset + core.length });
    return;
  }
  const contraction = CONTRACTION.exec(core);
  if (contraction && /\p{L}/u.test(contraction[1]!)) {
    const head = contraction[1]!.length;
    out.push({ start: offset, end: offset + head });
    out.push({ start: offset + head, end: offset + core.length });
    return;
  }
  out.push({ start: offset, end: offset + core.length });
}

/** The token texts, for tests and for models that look at words. */
export function tokenTexts(text: string, tokens: readonly Token[]): string[] {
  return tokens.map((token) => text.slice(token.start, token.end));
}
