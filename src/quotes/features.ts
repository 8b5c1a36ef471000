/**
 * Token features for the attribution labeller. A linear model sees one token at a time, so the
 * features carry the sentence-wide facts that decide a role: whether the token sits inside
 * quotation marks, where the nearest reporting verb is and on which side, whether a comma and a
 * cue follow ("…, he said"), and the usual word, shape and neighbour features.
 *
 * Works on token texts only, so the same code scores CoNLL-style token files (`` '' -LRB-) and
 * our own tokens; `normalizeToken` maps both spellings to one.
 */
import { isCueVerb } from './lexicon.js';

const PTB: Record<string, string> = {
  '``': '“',
  "''": '”',
  '`': '‘',
  '-LRB-': '(',
  '-RRB-': ')',
  '-LSB-': '[',
  '-RSB-': ']',
  '-LCB-': '{',
  '-RCB-': '}',
  '--': '—',
  '–': '—',
  '…': '...',
  '«': '“',
  '»': '”',
  '‹': '‘',
  '›': '’',
  '„': '“',
};

/** One spelling per mark: PTB escapes and typographic variants map to curly quotes and plain brackets. */
export function normalizeToken(token: string): string {
  return PTB[token] ?? token;
}

const FINAL = new Set(['.', '?', '!']);
const CLOSING = new Set(['”', '’', ')', ']']);

const enum Mark {
  None = 0,
  OpenDouble = 1,
  CloseDouble = 2,
  OpenSingle = 3,
  CloseSingle = 4,
}

function markOf(token: string): Mark {
  switch (token) {
    case '“':
      return Mark.OpenDouble;
    case '”':
      return Mark.CloseDouble;
    case '"':
      return Mark.CloseDouble;
    case '‘':
      return Mark.OpenSingle;
    case '’':
    case "'":
      return Mark.CloseSingle;
    default:
      return Mark.None;
  }
}

function shapeOf(word: string): string {
  if (/^\p{Lu}\p{Ll}/u.test(word)) return 'Xx';
  if (/^\p{Lu}+$/u.test(word)) return word.length === 1 ? 'X' : 'XX';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\d/u.test(word)) return 'd';
  if (/^[“”‘’"']$/u.test(word)) return 'q';
  if (word === ',') return ',';
  if (word === '.' || word === '?' || word === '!') return '.';
  if (word === ':' || word === ';') return ':';
  return 'p';
}

function bucket(distance: number): string {
  if (distance <= 0) return '-';
  if (distance <= 3) return String(distance);
  if (distance <= 6) return '4-6';
  if (distance <= 12) return '7-12';
  return '13+';
}

/** Per-sentence facts shared by every token's features. */
interface SentenceView {
  words: string[];
  lower: string[];
  shapes: string[];
  insideDouble: boolean[];
  marks: Mark[];
  cue: boolean[];
}

function viewOf(tokens: readonly string[]): SentenceView {
  const words = tokens.map(normalizeToken);
  const lower = words.map((word) => word.toLowerCase());
  const shapes = words.map(shapeOf);
  const marks = words.map(markOf);
  // A closing mark where nothing is open and a sentence starts (unit start, or after a full
  // stop or colon) is an opening mark typed or converted the wrong way round.
  for (let i = 0; i < marks.length; i++) {
    if (marks[i] !== Mark.CloseDouble) continue;
    const before = words[i - 1];
    const after = words[i + 1];
    if ((before === undefined || before === ':' || FINAL.has(before)) && after !== undefined && /^[\p{Lu}\d]/u.test(after)) marks[i] = Mark.OpenDouble;
  }
  const cue = lower.map((word) => isCueVerb(word));
  // Inside-quote state: a closing mark before any opening one means the sentence began inside
  // a quote that opened in an earlier sentence.
  const insideDouble: boolean[] = new Array(words.length).fill(false);
  const firstDouble = marks.findIndex((mark) => mark === Mark.OpenDouble || mark === Mark.CloseDouble);
  let inside = firstDouble >= 0 && marks[firstDouble] === Mark.CloseDouble;
  for (let i = 0; i < words.length; i++) {
    const mark = marks[i];
    if (mark === Mark.OpenDouble) {
      inside = true;
      insideDouble[i] = true;
    } else if (mark === Mark.CloseDouble) {
      insideDouble[i] = true;
      inside = false;
    } else {
      insideDouble[i] = inside;
    }
  }
  return { words, lower, shapes, insideDouble, marks, cue };
}

/** Sentence ranges inside a unit that may hold a whole paragraph (CofeNet's units often do). */
function sentenceRanges(words: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < words.length; i++) {
    if (!FINAL.has(words[i]!)) continue;
    let last = i;
    while (last + 1 < words.length && CLOSING.has(words[last + 1]!)) last++;
    const next = words[last + 1];
    if (next === undefined || !/^[\p{Lu}\d“‘(\[]/u.test(next)) continue;
    ranges.push([from, last + 1]);
    from = last + 1;
    i = last;
  }
  if (from < words.length) ranges.push([from, words.length]);
  return ranges;
}

/**
 * Feature strings for every token of one unit (a sentence or a paragraph). Quote state runs
 * over the whole unit, so a quote that spans sentences is seen as one; cue and position
 * features stay inside each sentence. The order inside a token's list is stable.
 */
export function sentenceFeatures(tokens: readonly string[]): string[][] {
  const view = viewOf(tokens);
  const out: string[][] = [];
  sentenceRanges(view.words).forEach(([from, to], index) => {
    for (const features of rangeFeatures(view, from, to)) {
      features.push(index === 0 ? 's1' : 's2+');
      out.push(features);
    }
  });
  return out;
}

function rangeFeatures(view: SentenceView, from: number, to: number): string[][] {
  const lower = view.lower.slice(from, to);
  const shapes = view.shapes.slice(from, to);
  const insideDouble = view.insideDouble.slice(from, to);
  const marks = view.marks.slice(from, to);
  const cue = view.cue.slice(from, to);
  const n = lower.length;
  const at = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const shapeAt = (i: number): string => (i < 0 ? '<' : i >= n ? '>' : shapes[i]!);

  // Nearest cue verb outside quotes, to the left and right of each token.
  const cueLeft: number[] = new Array(n).fill(-1);
  const cueRight: number[] = new Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    cueLeft[i] = last;
    if (cue[i] && !insideDouble[i]) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    cueRight[i] = last;
    if (cue[i] && !insideDouble[i]) last = i;
  }
  // Nearest quotation marks and commas around each token.
  const quoteLeft: number[] = new Array(n).fill(-1);
  const quoteRight: number[] = new Array(n).fill(-1);
  const commaLeft: number[] = new Array(n).fill(-1);
  const commaRight: number[] = new Array(n).fill(-1);
  let q = -1;
  let c = -1;
  for (let i = 0; i < n; i++) {
    quoteLeft[i] = q;
    commaLeft[i] = c;
    if (marks[i] === Mark.OpenDouble || marks[i] === Mark.CloseDouble) q = i;
    if (lower[i] === ',') c = i;
  }
  q = -1;
  c = -1;
  for (let i = n - 1; i >= 0; i--) {
    quoteRight[i] = q;
    commaRight[i] = c;
    if (marks[i] === Mark.OpenDouble || marks[i] === Mark.CloseDouble) q = i;
    if (lower[i] === ',') c = i;
  }
  const hasQuote = marks.some((mark) => mark === Mark.OpenDouble || mark === Mark.CloseDouble);
  const thatAfterCue = lower.map((word, i) => word === 'that' && i > 0 && cue[i - 1] === true);
  const according = lower.findIndex((word, i) => word === 'according' && lower[i + 1] === 'to');
  const colon = lower.indexOf(':');
  const end = lower.length > 0 && /^[.?!]$/u.test(lower[n - 1]!) ? n - 1 : n;

  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = lower[i]!;
    const inside = insideDouble[i] ? 'in' : 'out';
    const left = cueLeft[i]!;
    const right = cueRight[i]!;
    const leftDistance = left < 0 ? 'none' : bucket(i - left);
    const rightDistance = right < 0 ? 'none' : bucket(right - i);
    const f: string[] = [
      'b',
      'w=' + w,
      'p1=' + at(i - 1),
      'n1=' + at(i + 1),
      'p2=' + at(i - 2),
      'n2=' + at(i + 2),
      'pw=' + at(i - 1) + '|' + w,
      'wn=' + w + '|' + at(i + 1),
      'sh=' + shapes[i] + '|' + shapeAt(i - 1) + shapeAt(i + 1),
      'suf=' + w.slice(-3),
      'q=' + inside + (hasQuote ? '' : '0'),
      'qm=' + marks[i] + '|' + inside,
      'cv=' + (cue[i] ? 1 : 0) + '|' + inside,
      'cL=' + leftDistance + '|' + inside,
      'cR=' + rightDistance + '|' + inside,
      'cLR=' + (left < 0 ? 0 : 1) + (right < 0 ? 0 : 1) + '|' + inside,
      'cLw=' + (left < 0 ? '' : lower[left]!),
      'cRw=' + (right < 0 ? '' : lower[right]!) + '|' + (right < 0 ? '' : bucket(right - i)),
      'qL=' + (quoteLeft[i]! < 0 ? 'none' : marks[quoteLeft[i]!] + '|' + bucket(i - quoteLeft[i]!)),
      'qR=' + (quoteRight[i]! < 0 ? 'none' : marks[quoteRight[i]!] + '|' + bucket(quoteRight[i]! - i)),
      'pos=' + bucket(i + 1) + '|' + bucket(end - i),
      'cm=' + (commaLeft[i]! < 0 ? 0 : 1) + (commaRight[i]! < 0 ? 0 : 1) + '|' + (right >= 0 && commaRight[i]! >= 0 && commaRight[i]! < right ? 'c<v' : ''),
    ];
    if (left >= 0 && thatAfterCue[left + 1] && i > left + 1) f.push('afterThat');
    if (according >= 0) f.push('acc=' + (i < according ? 'before' : i <= according + 1 ? 'at' : 'after'));
    if (colon >= 0) f.push('colon=' + (i < colon ? 'before' : i === colon ? 'at' : 'after') + '|' + inside);
    if (i >= end) f.push('final');
    out.push(f);
  }
  return out;
}
