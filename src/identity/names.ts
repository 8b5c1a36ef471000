/**
 * Small helpers for comparing names: normal forms without accents, honorifics or possessives,
 * a bounded edit distance for misspellings ("Zelenksy"), and the initials of a long name for
 * matching acronyms ("Israel Defense Forces" -> IDF).
 */
import { HONORIFICS, NAME_CONNECTORS } from './lexicon.js';

/** Lower case, no accents, no honorific, no article, no possessive, single spaces. */
export function normaliseName(text: string): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/'s?$/i, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && (HONORIFICS.has(words[0]!) || words[0] === 'the')) words.shift();
  return words.join(' ');
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[rows * cols - 1]!;
}

/** Two spellings of one name: equal, or one edit apart when long enough that chance is unlikely. */
export function closeSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const length = Math.min(a.length, b.length);
  if (length < 6 || a[0] !== b[0]) return false;
  return editDistance(a, b, 1) <= 1;
}

/**
 * Finds the words a word may be a misspelling of (`closeSpelling`) without comparing it with
 * every word known: two words one edit apart (a change, an insertion, a deletion or a swap of
 * neighbours) share a form with one letter deleted, so words are filed under those forms.
 * `near` returns candidates in the order they were added; the caller confirms each.
 *
 * @example
 * const surnames = new SpellingIndex<string>();
 * surnames.add('zelensky', 'zelensky');
 * surnames.near('zelenksy'); // ['zelensky']
 */
export class SpellingIndex<T> {
  private readonly byForm = new Map<string, { order: number; value: T }[]>();
  private added = 0;

  /** Files `value` under `word`, in a group of words that only ever match each other (a given name). */
  add(word: string, value: T, group = ''): void {
    const entry = { order: this.added++, value };
    for (const form of deletionForms(word)) {
      const key = `${group}\u0000${form}`;
      const list = this.byForm.get(key);
      if (list) list.push(entry);
      else this.byForm.set(key, [entry]);
    }
  }

  /** Values added under a word that may be one edit from `word`, each once, in the order added. */
  near(word: string, group = ''): T[] {
    const found = new Map<number, T>();
    for (const form of deletionForms(word)) {
      for (const entry of this.byForm.get(`${group}\u0000${form}`) ?? []) found.set(entry.order, entry.value);
    }
    return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
  }
}

/** The word itself and every form of it with one letter deleted. */
function deletionForms(word: string): Set<string> {
  const forms = new Set([word]);
  for (let i = 0; i < word.length; i++) forms.add(word.slice(0, i) + word.slice(i + 1));
  return forms;
}

/** Initials of the capitalised words of a name: "Israel Defense Forces" -> "IDF". */
export function initials(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((word) => word && !NAME_CONNECTORS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}
