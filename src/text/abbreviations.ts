/**
 * Abbreviations that keep their final period, so that "Mr. Putin" or "Gen. Gerasimov" neither
 * splits a sentence nor loses the period to a separate token. Lower-cased, without the period.
 */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm',
  'gov', 'sen', 'rep', 'rev', 'fr', 'sr', 'jr', 'st', 'pres', 'amb', 'hon', 'supt', 'insp', 'messrs',
]);

export const OTHER_ABBREVIATIONS = new Set([
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'univ', 'corp', 'inc', 'ltd', 'co', 'bros',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'al', 'cf', 'fig', 'op', 'vol', 'pp', 'ca', 'min', 'max', 'mt', 'ft', 'ave', 'blvd', 'rd',
]);

/** Abbreviations after which a capitalised word does not start a new sentence. */
export function isNonFinalAbbreviation(word: string): boolean {
  const bare = word.replace(/\.$/, '').toLowerCase();
  return TITLE_ABBREVIATIONS.has(bare) || bare === 'no' || bare === 'vs' || bare === 'st';
}

export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/\.$/, '').toLowerCase();
  return TITLE_ABBREVIATIONS.has(bare) || OTHER_ABBREVIATIONS.has(bare);
}
