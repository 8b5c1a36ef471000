/**
 * Abbreviations that keep their final period, so that "Mr. Putin" or "Gen. Gerasimov" neither
 * splits a sentence nor loses the period to a separate token. Lower-cased, without the period.
 * Tokenizer and sentence splitter share these lists so that they never disagree about a period.
 */

/** Titles before a name: never the end of a sentence ("Gen. Gerasimov", "Sen. Ortiz"). */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mme', 'mlle', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pte', 'pvt',
  'cmdr', 'cdr', 'adm', 'brig', 'gov', 'sen', 'rep', 'rev', 'fr', 'pres', 'amb', 'hon', 'supt', 'insp',
  'det', 'const', 'messrs', 'drs', 'st', 'ste', 'mt', 'ft',
]);

/** Abbreviations that may also end a sentence ("works for Acme Inc. The firm ..."). */
export const OTHER_ABBREVIATIONS = new Set([
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'univ', 'corp', 'inc', 'ltd', 'co', 'bros', 'plc', 'llc',
  'jr', 'sr', 'esq', 'govt', 'intl', 'assn', 'natl',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'al', 'cf', 'fig', 'op', 'vol', 'pp', 'ca', 'min', 'max', 'ave', 'blvd', 'rd', 'art', 'sec', 'ch', 'ed', 'eds',
  'ie', 'eg', 'viz', 'km', 'kg', 'cm', 'mm', 'hr', 'hrs', 'yr', 'yrs', 'mph', 'ext', 'tel',
]);

/** Abbreviations that stand before a number ("No. 10", "Jan. 5", "Art. 5", "pp. 3"). */
export const BEFORE_NUMBER_ABBREVIATIONS = new Set([
  'no', 'nos', 'art', 'vol', 'p', 'pp', 'fig', 'ch', 'sec', 'op', 'ca', 'approx', 'est', 'ext', 'tel',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/**
 * Most abbreviations are also ordinary words or units ("no", "art", "min", "km") that end
 * sentences in lower case; only these few are abbreviations when written in lower case.
 */
const LOWER_CASE_ABBREVIATIONS = new Set(['etc', 'vs', 'approx', 'cf', 'al', 'viz', 'pp', 'ca', 'eg', 'ie']);

/** Letters each followed by a period: "U.S.", "U.N.", "e.g.", "p.m.". */
export const INITIALISM = /^(?:\p{L}\.){2,}$/u;

function bare(word: string): string {
  return word.replace(/\.$/, '').toLowerCase();
}

/**
 * Abbreviations after which a capitalised word does not start a new sentence: titles before
 * names, as written ("Gen." but not "gen."), and "vs.".
 */
export function isNonFinalAbbreviation(word: string): boolean {
  const key = bare(word);
  if (key === 'vs') return true;
  return TITLE_ABBREVIATIONS.has(key) && /^\p{Lu}/u.test(word);
}

/** True when `word` (with or without its period) is an abbreviation as written. */
export function isAbbreviation(word: string): boolean {
  const key = bare(word);
  if (!TITLE_ABBREVIATIONS.has(key) && !OTHER_ABBREVIATIONS.has(key)) return false;
  return /^\p{Lu}/u.test(word) || LOWER_CASE_ABBREVIATIONS.has(key);
}
