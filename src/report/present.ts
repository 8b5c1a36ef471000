/** How every report format names things: speakers, facts, spans and long text. */
import type { CitedSource, ClaimMember, Entity, Quote } from '../contract.js';
import type { DocSpan } from '../document.js';

/** A name and a role that say the same thing ("A company spokeswoman", "company spokeswoman"). */
function sameWords(a: string, b: string): boolean {
  const words = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^(?:the|an?) /, '');
  return words(a) === words(b);
}

/** "Jan Oller (spokesman)", "unresolved", or the name alone when the role only repeats it. */
export function speakerLabel(speaker: Quote['speaker']): string {
  const name = speaker.name ?? 'unresolved';
  return speaker.role && !(speaker.name && sameWords(speaker.name, speaker.role)) ? `${name} (${speaker.role})` : name;
}

export interface GroupedFact {
  kind: Entity['facts'][number]['kind'];
  value: string;
  evidence: DocSpan[];
}

/** One line per fact however often it was found; the wording of its first finding, every evidence span. */
export function groupFacts(facts: Entity['facts']): GroupedFact[] {
  const groups = new Map<string, GroupedFact>();
  for (const fact of facts) {
    const key = `${fact.kind}\u0000${fact.value.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.evidence.push(fact.evidence);
    else groups.set(key, { kind: fact.kind, value: fact.value, evidence: [fact.evidence] });
  }
  return [...groups.values()];
}

/** `01-wire 120–134`: where a span is, for readers of the tables. */
export function spanLabel(span: DocSpan): string {
  return `${span.doc} ${span.start}–${span.end}`;
}

/** Text on one line, cut to `length` characters with an ellipsis. */
export function truncate(value: string, length: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/**
 * "indirect", or "indirect, belief" when the attribution is no speech: a reader weighs a belief,
 * evidence or an accusation apart from what was said; "indirect, did not say" for a non-answer,
 * whose content the speaker is reported as not saying.
 */
export function quoteKindLabel(quote: Pick<Quote, 'kind' | 'attributionKind' | 'negated'>): string {
  const label = quote.attributionKind === 'speech' ? quote.kind : `${quote.kind}, ${quote.attributionKind}`;
  return quote.negated ? `${label}, did not say` : label;
}

/**
 * A citation as a row of "who relays whom": the relation in words, and who the source is. A
 * first-hand "told" names the outlet itself ("Express.co.uk has been told"), so the row names the
 * speaker who did the telling instead, or says the source is unnamed.
 */
export function citationRow(cite: Pick<CitedSource, 'name' | 'relation' | 'quote' | 'kind'>, quotes: ReadonlyMap<string, Quote>): { relation: string; source: string; kind: string } {
  if (cite.relation !== 'told') return { relation: cite.relation, source: cite.name, kind: cite.kind };
  const speaker = cite.quote ? quotes.get(cite.quote)?.speaker : undefined;
  return { relation: `told ${cite.name} directly`, source: speaker?.name ? speakerLabel(speaker) : 'an unnamed source', kind: 'first-hand' };
}

/**
 * Whether a member states the opposite of its claim. The claim reads as its first member's
 * wording, so a negated member ("Russia has not recognised Hamas as a terrorist organisation")
 * states the same as a negated claim ("The Kremlin has never declared Hamas …"), not its opposite.
 */
export function statesOpposite(claim: { members: readonly Pick<ClaimMember, 'polarity'>[] }, member: Pick<ClaimMember, 'polarity'>): boolean {
  return member.polarity !== claim.members[0]!.polarity;
}

/** "✓", "✗?", "✓ (Jan Oller)": how a member renders its claim, as the claim tables mark it. */
export function claimMemberMark(claim: { members: readonly Pick<ClaimMember, 'polarity'>[] }, member: Pick<ClaimMember, 'polarity' | 'hedged' | 'attributedTo'>): string {
  return `${statesOpposite(claim, member) ? '✗' : '✓'}${member.hedged ? '?' : ''}${member.attributedTo ? ` (${member.attributedTo})` : ''}`;
}
