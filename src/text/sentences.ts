/**
 * Sentence boundaries for news text. A full stop is ambiguous in news more than anywhere:
 * "Mr.", "Gen.", "U.S.", "J. R. R. Tolkien", "3.5", "Jan. 5" and ellipses inside quotes are not
 * ends, while a sentence may end inside closing quotes (.” or ”.). The splitter scans once
 * for terminators and decides each with the word before and the character after, which keeps it
 * linear and fast on the hot path. Offline libraries either ship no TypeScript version or split
 * on every period; this is small enough to own.
 */
import type { Span } from '../document.js';
import { INITIALISM, isNonFinalAbbreviation, isAbbreviation, BEFORE_NUMBER_ABBREVIATIONS } from './abbreviations.js';

const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '(', '[', '{', '¿', '¡', '—', '–']);

/**
 * Capitalised words that usually start a sentence. After "U.S." or an initial, a following
 * capital alone is no evidence of a new sentence ("U.S. President"); one of these is.
 */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'his', 'her', 'its', 'their', 'our', 'my',
  'there', 'here', 'meanwhile', 'however', 'if', 'when', 'while', 'after', 'before', 'as', 'some',
  'many', 'most', 'no', 'not', 'one', 'last', 'earlier', 'later', 'now', 'according', 'asked', 'what',
  'why', 'how', 'who', 'where', 'officials', 'both', 'all', 'such', 'since', 'despite', 'still',
]);

/** After "5 p.m." a capital starts a new sentence unless it names the day or month. */
const CLOCK_FOLLOWERS = /^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|local)/iu;

/** Sentence spans between `from` and `to`, trimmed of white space; the whole range if none split it. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, from, to);
  // A scan by hand, not a global regex: a regex would search past `to` for its next match, which
  // turns many short unpunctuated lines into quadratic work.
  let at = start;
  while (at < to) {
    if (!isTerminator(text.charCodeAt(at))) {
      at += 1;
      continue;
    }
    const markStart = at;
    while (at < to && isTerminator(text.charCodeAt(at))) at += 1;
    const marks = text.slice(markStart, at);
    let end = at;
    // Closing quotes and brackets belong to the sentence they close, and so does a period after them.
    while (end < to && CLOSERS.has(text[end]!)) end += 1;
    if (end < to && text[end] === '.' && CLOSERS.has(text[end - 1]!)) end += 1;
    at = end;
    if (end < to && !isSpace(text.charCodeAt(end))) continue;
    const next = skipSpace(text, end, to);
    if (next >= to) break;
    if (isBoundary(text, start, markStart, marks, end, next, to)) {
      spans.push({ start, end });
      start = next;
    }
    at = next;
  }
  const end = trimEnd(text, start, to);
  if (end > start) spans.push({ start, end });
  return spans;
}

function isBoundary(text: string, sentenceStart: number, at: number, marks: string, end: number, next: number, to: number): boolean {
  const following = firstLetterOf(text, next, to);
  // "… but at the same time" and "e.g. a" carry on; a lower-case word never opens a sentence here.
  if (following.kind === 'lower') return false;
  if (marks !== '.') return true;
  if (CLOSERS.has(text[end - 1]!) || CLOSERS.has(text[at - 1] ?? '')) return true;

  const word = wordBefore(text, Math.max(sentenceStart, 0), at);
  if (word === '') return true;
  if (isNonFinalAbbreviation(word)) return false;
  if (following.kind === 'digit') return !BEFORE_NUMBER_ABBREVIATIONS.has(word.toLowerCase()) && !INITIALISM.test(`${word}.`) && !/^\p{Lu}$/u.test(word);
  const starter = SENTENCE_STARTERS.has(following.word.toLowerCase());
  // Initials ("J. R. R. Tolkien", "Michael J. Fox") and initialisms ("U.S.") run on into names.
  if (/^[ap]\.m$/iu.test(word)) return following.kind !== 'open' && !CLOCK_FOLLOWERS.test(following.word);
  if (/^\p{Lu}$/u.test(word) || INITIALISM.test(`${word}.`)) return starter;
  if (isAbbreviation(word)) return starter || following.kind === 'open';
  return true;
}

type Following = { kind: 'lower' | 'upper' | 'digit' | 'open' | 'other'; word: string };

function firstLetterOf(text: string, from: number, to: number): Following {
  let at = from;
  let opened = false;
  while (at < to && OPENERS.has(text[at]!)) {
    at += 1;
    opened = true;
  }
  const char = text[at] ?? '';
  const wordMatch = /^[\p{L}\p{N}'’-]*/u.exec(text.slice(at, Math.min(to, at + 40)));
  const word = wordMatch ? wordMatch[0] : '';
  if (/\p{Ll}/u.test(char)) return { kind: 'lower', word };
  if (/\p{Lu}|\p{Lo}/u.test(char)) return { kind: opened ? 'open' : 'upper', word };
  if (/\p{N}/u.test(char)) return { kind: opened ? 'open' : 'digit', word };
  return { kind: opened ? 'open' : 'other', word };
}

/** The word that the period at `at` closes, without leading brackets or quotes ("(Gen" → "Gen"). */
function wordBefore(text: string, floor: number, at: number): string {
  let begin = at;
  while (begin > floor && !isSpace(text.charCodeAt(begin - 1))) begin -= 1;
  let word = text.slice(begin, at);
  while (word.length > 0 && OPENERS.has(word[0]!)) word = word.slice(1);
  return word;
}

/** . ! ? and … */
function isTerminator(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 160 || code === 0x2028 || code === 0x2029 || code === 0x202f || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

function skipSpace(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && isSpace(text.charCodeAt(at))) at += 1;
  return at;
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end -= 1;
  return end;
}
