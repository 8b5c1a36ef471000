/**
 * Word lists for comparing two sentences: which words carry the proposition (everything but the
 * function words below), which flip its polarity, which hedge it, and which name a number or a
 * date, so that "12 killed on Tuesday" and "15 killed on Wednesday" are seen to differ in a slot
 * rather than merely in two words. Lower-cased, apostrophes as ASCII "'".
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Function words: they shape a sentence but do not say what it is about. */
export const FUNCTION_WORDS = words(`
  a an the this that these those such
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  myself ourselves yourself himself herself itself themselves one ones
  who whom whose which what whatever whoever where when why how
  and or but nor so yet if then than because as while whereas though although unless until since
  of in on at by for with from to into onto upon about above below over under between among through
  during before after against without within along across around behind beyond near off out up down
  per via amid toward towards despite except
  be am is are was were been being 's 're 'm
  have has had having 've 'd
  do does did doing done
  will would shall should can could may might must 'll
  there here also just only even very too quite rather more most less least much many some any
  each every all both either other another same own again further once still already
  whether ever else
  mr mrs ms dr
  s '
`);

/**
 * Negation and hedging, for both ways the project reads them: the sentence matcher takes single
 * words off tokens (`NEGATION_CUES`, `HEDGE_CUES`, with `NEGATING_VERBS`), and the claim,
 * relation and framing stages match phrases in running text (`NEGATION_PHRASES`,
 * `HEDGE_PHRASES`, through src/claims/hedges.ts). What both count is listed once; each reader
 * adds what it alone was evaluated with, so folding the additions into the shared lists is a
 * change to the statements and claims figures, to be measured, not a tidy-up.
 */
const NEGATION_WORDS = ['not', "n't", 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'deny', 'denies', 'denied', 'rejects', 'rejected'];

const HEDGE_WORDS = [
  'reportedly', 'allegedly', 'purportedly', 'supposedly', 'possibly', 'probably', 'perhaps', 'likely',
  'alleged', 'rumoured', 'rumored', 'unconfirmed', 'unverified', 'may', 'might', 'could',
];

/**
 * Cues that negate what follows them in their clause. "deny" belongs here because "X denied that
 * Y happened" asserts the opposite of "Y happened"; "no" covers "no evidence that", "lacked the
 * authority" says "had no authority". Not "nor", which continues a negation ("not A nor B"), and
 * not "without", which negates a phrase more often than a claim.
 */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
  ...NEGATION_WORDS,
  ...words(`
    nowhere cannot denying dismiss dismisses dismissed refute refutes refuted
    reject false untrue lack lacks lacked lacking
  `),
]);

/**
 * Negation as phrases in running text: a claim holding one of these outside a quote states that
 * something is not so. "Nor" counts here, and verbs count with the word they govern ("refused
 * to"), as the token reader does through `NEGATING_VERBS`.
 */
export const NEGATION_PHRASES: readonly string[] = [
  ...NEGATION_WORDS,
  'nor', 'n’t', 'yet to', 'have yet to', 'has yet to', 'stopped short of', 'refused to', 'refuses to', 'declined to',
  'failed to', 'no clear evidence', 'no evidence',
];

/**
 * Verbs that negate the verb they govern, with the word that must follow them: "stopped
 * bombing", "failed to reach", "refused to sign", "refrained from voting".
 */
export const NEGATING_VERBS: ReadonlyMap<string, 'to' | 'from' | '-ing'> = new Map([
  ...inflections('stop stops stopped stopping cease ceases ceased ceasing', '-ing'),
  ...inflections('fail fails failed failing refuse refuses refused refusing decline declines declined declining', 'to'),
  ...inflections('refrain refrains refrained refraining', 'from'),
]);

function inflections(forms: string, next: 'to' | 'from' | '-ing'): [string, 'to' | 'from' | '-ing'][] {
  return forms.split(' ').map((form) => [form, next]);
}

/** Words that weaken a claim without changing what it says. */
export const HEDGE_CUES: ReadonlySet<string> = new Set([...HEDGE_WORDS, ...words('apparently unlikely claimed suspected')]);

/**
 * Hedging as phrases in running text, matched case-insensitively on word boundaries: a claim
 * reported "reportedly", one that "cannot be verified", or one stated with "no clear evidence"
 * is never counted as established.
 */
export const HEDGE_PHRASES: readonly string[] = [
  ...HEDGE_WORDS,
  // The outlet distances itself from the report.
  'cannot be independently verified',
  'could not be independently verified',
  'has not been independently verified',
  'have not been independently verified',
  'cannot be verified',
  'could not be verified',
  'could not be confirmed',
  'has not been confirmed',
  'no clear evidence',
  'no evidence',
  'little evidence',
  // The report is second hand.
  'is said to',
  'are said to',
  'was said to',
  'were said to',
  'is believed to',
  'are believed to',
  'is thought to',
  'is rumoured to',
  'is rumored to',
  'there are reports',
  'reports of',
  'speculation',
  'speculations',
  'according to unnamed',
  // The statement is a possibility, not a fact.
  'appears to',
  'appear to',
  'seems to',
  'seem to',
  'suggests',
  'suggestions',
  'signs of',
];

/**
 * Words about the evidence for a proposition rather than the proposition itself: "there is no
 * clear evidence that Russia helped" frames "Russia helped", so they do not count towards the
 * proposition's frame when two sentences are checked for contradiction.
 */
export const EPISTEMIC_WORDS = words(`
  evidence proof sign signs indication indications clear clearly confirmed confirmation
  say says said saying claim claims report reports reported according
`);

/** Full names only: abbreviations such as "Sun" or "Wed" are too often other words. */
export const MONTHS = words('january february march april may june july august september october november december');

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');

/** Relative days: they date an event as a weekday does. */
export const RELATIVE_DAYS = words('today yesterday tomorrow tonight');

/**
 * Spelled-out numbers, as their values; not "one", which is more often a pronoun ("one of them"),
 * nor vague plurals ("hundreds", "dozens"), which state no figure to contradict.
 */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12],
]);

/** Words before a number, or before "than" / "to" and a number, that make it approximate or a bound ("about 40", "more than 6,000", "up to 5"). */
export const APPROXIMATORS = words(`
  about around nearly almost roughly some approximately estimated up over under
  more less fewer least most
`);

/** Words and suffixes that multiply the number before them ("3.5 million", "$2bn"). */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['millions', 1e6], ['m', 1e6], ['mn', 1e6], ['mln', 1e6],
  ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12],
]);

/** The word a percentage sign stands for, so "5%" and "5 percent" fill the same slot. */
export const PERCENT_WORDS = words('% percent per-cent pct');
