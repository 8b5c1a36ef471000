/**
 * The brief: a few sentences per story that say what is established and on how many independent
 * sources, what is disputed, who said what, and what rests on a single source. It is made only
 * from the analysis, by templates around the articles' own words, so it invents nothing, and
 * every sentence cites the spans it stands on (the report numbers them as references).
 */
import type { BriefSentence, Claim, Quote, Statement, Story } from '../contract.js';
import { groupBy } from '../crossdoc/group-by.js';
import type { DocSpan } from '../document.js';

export interface BriefInput {
  stories: readonly Story[];
  claims: readonly Claim[];
  statements: readonly Statement[];
  quotes: readonly Quote[];
  /** Each document's outlet (or source), text and first kept sentence, for naming and for notes. */
  documents: ReadonlyMap<string, { label: string; text: string; firstSentence: DocSpan | null }>;
}

export interface BriefOptions {
  /** Most sentences per section and story. */
  perSection: number;
  /** Longest claim or quote wording shown in full, in characters. */
  maxQuoted: number;
}

export function composeBrief(input: BriefInput, options: BriefOptions): BriefSentence[] {
  const quoteById = new Map(input.quotes.map((quote) => [quote.id, quote]));
  const claimById = new Map(input.claims.map((claim) => [claim.id, claim]));
  const claimsOf = groupBy(input.claims, (claim) => claim.story);
  const statementsOf = groupBy(input.statements, (statement) => statement.story);
  const sentences: BriefSentence[] = [];
  for (const story of input.stories) {
    const claims = claimsOf.get(story.id) ?? [];
    const statements = statementsOf.get(story.id) ?? [];
    const add = (section: BriefSentence['section'], text: string, evidence: DocSpan[]) => {
      if (evidence.length) sentences.push({ story: story.id, section, text, evidence });
    };

    if (story.documents.length === 1) {
      const only = input.documents.get(story.documents[0]!);
      if (only?.firstSentence) add('note', `Only one article tells this story (${only.label}): there is nothing to cross-check it against.`, [only.firstSentence]);
    }

    const byStrength = (a: Claim, b: Claim) => b.independentSources - a.independentSources || b.members.length - a.members.length;
    for (const claim of claims.filter((c) => c.status === 'corroborated').sort(byStrength).slice(0, options.perSection)) {
      add('established', `${count(claim.independentSources, 'independent source')} (${claim.sources.join(', ')}) state that ${quoted(claim.text, options)}.`, evidenceOf(claim));
    }

    const shown = new Set<string>();
    for (const claim of claims.filter((c) => c.status === 'disputed').sort(byStrength)) {
      if (shown.size >= options.perSection * 2) break;
      const other = claim.contradicts.map((id) => claimById.get(id)).find((c) => c && !shown.has(c.id));
      if (!other || shown.has(claim.id)) continue;
      shown.add(claim.id);
      shown.add(other.id);
      add(
        'disputed',
        `Disputed: ${whoStates(claim)} ${quoted(claim.text, options)}, while ${whoStates(other)} ${quoted(other.text, options)}.`,
        [...evidenceOf(claim), ...evidenceOf(other)],
      );
    }

    for (const statement of [...statements].sort((a, b) => b.documents.length - a.documents.length).slice(0, options.perSection)) {
      const first = quoteById.get(statement.quotes[0]!);
      if (!first) continue;
      const outlets = statement.documents.map((doc) => input.documents.get(doc)?.label ?? doc);
      const evidence = statement.quotes.map((id) => quoteById.get(id)).filter((q): q is Quote => !!q).map((q) => ({ doc: q.doc, ...q.content }));
      const words = input.documents.get(first.doc)?.text.slice(first.content.start, first.content.end) ?? '';
      add('said', `${statement.speakerName ?? 'A speaker'} said ${quoted(words, options)}, as ${count(outlets.length, 'outlet')} render it (${outlets.join(', ')}).`, evidence);
    }
    // A claim carried only as one speaker's words, by several outlets; the statements above
    // already show quoted words, so only what they do not hold is added.
    const stated = new Set(statements.flatMap((statement) => statement.quotes));
    const spokenOnly = claims.filter(
      (c) => c.status === 'attributed-only' && c.independentSources === 1 && c.outlets.length >= 2 && !c.members.some((m) => m.attribution.quote && stated.has(m.attribution.quote)),
    );
    for (const claim of spokenOnly.slice(0, options.perSection)) {
      add('said', `Only ${midSentence(claim.sources[0] ?? '')} ${readsPlural(claim.sources[0] ?? '') ? 'claim' : 'claims'} ${quoted(claim.text, options)}; ${claim.outlets.join(', ')} report it.`, evidenceOf(claim));
    }

    for (const claim of claims.filter((c) => c.status === 'single-source' || c.status === 'hedged').sort(byStrength).slice(0, options.perSection)) {
      const hedge = claim.status === 'hedged' ? ', with a hedge,' : '';
      const carried = claim.outlets.length > 1 ? `, carried by ${count(claim.outlets.length, 'outlet')} (${claim.outlets.join(', ')})` : '';
      add('single-source', `Only ${midSentence(claim.sources[0] ?? claim.outlets[0] ?? '')} reports${hedge} that ${quoted(claim.text, options)}${carried}.`, evidenceOf(claim));
    }
  }
  return sentences;
}

function evidenceOf(claim: Claim): DocSpan[] {
  return claim.members.map(({ doc, start, end }) => ({ doc, start, end }));
}

function whoStates(claim: Claim): string {
  return `${claim.sources.map(midSentence).join(' and ')} ${claim.sources.length > 1 || readsPlural(claim.sources[0] ?? '') ? 'state' : 'states'}`;
}

/** "while the regional health office states": a name's article capitalised only because it opened the sentence it came from. */
function midSentence(name: string): string {
  return name.replace(/^The (?=\p{Ll})/u, 'the ');
}

/**
 * A source named by a plural noun ("local authorities", "health officials") takes a plural
 * verb. Only a lower-case last word counts: a capitalised one is a name ("Reuters", "Ines Harris").
 */
function readsPlural(source: string): boolean {
  const last = source.trim().split(/\s+/u).pop() ?? '';
  return /^\p{Ll}+[^su'’]s$/u.test(last);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The words in typographic quotes, without the punctuation that ends them, cut at a word boundary when too long. */
function quoted(words: string, options: BriefOptions): string {
  const clean = words.replace(/[“”"]/gu, '').replace(/\s+/gu, ' ').trim().replace(/[.,;:]+$/u, '');
  if (clean.length <= options.maxQuoted) return `“${clean}”`;
  const cut = clean.slice(0, options.maxQuoted).replace(/\s+\S*$/u, '');
  return `“${cut} …”`;
}
