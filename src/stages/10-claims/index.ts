/**
 * Stage 10, claims: check-worthy propositions of every article, grouped across outlets when they
 * state the same thing in other words, each group counted by independent sources (copies, one
 * outlet's several articles, and relays of one upstream source count once) and given a status:
 * corroborated, single-source, attributed-only, hedged or disputed. Extraction, grouping and
 * corroboration live in src/claims.
 */
import { z } from 'zod';
import { corroborate, documentSources, memberSource, type IndependentSource } from '../../claims/corroborate.js';
import { extractClaims, type ClaimCandidate } from '../../claims/extract.js';
import { groupClaims } from '../../claims/group.js';
import { propositionJudge } from '../../claims/judge.js';
import type { CitedSource, Claim, Copy, Entity } from '../../contract.js';
import { entityMentionsByDocument, outletOf } from '../../crossdoc/documents.js';
import { groupBy } from '../../crossdoc/group-by.js';
import { storyOfDocument } from '../../crossdoc/stories.js';
import type { Doc, Span } from '../../document.js';
import { THRESHOLDS } from '../../similarity/index.js';
import { defineCorpusStage } from '../../stage.js';

declare module '../../stage.js' {
  interface CorpusResults {
    claims: ClaimsResult;
  }
}

export interface ClaimsResult {
  claims: Claim[];
}

export const claimsOptions = z
  .object({
    /** Fewest words a claim may have. */
    minWords: z.number().int().min(1).default(6),
    /** Matcher score at or above which two claims state the same proposition. */
    sameThreshold: z.number().min(0).max(1).default(THRESHOLDS.sameProposition),
    /** Matcher score at or above which two claims with one frame (actor, act, object) state the same proposition. */
    framedSameThreshold: z.number().min(0).max(1).default(0.25),
    /** Share of the shorter claim's weighted words found in the other at or above which one carries the other. */
    coverThreshold: z.number().min(0).max(1).default(0.8),
    /** Matcher score at or above which two claims contradict each other. */
    contradictionThreshold: z.number().min(0).max(1).default(THRESHOLDS.contradiction),
  })
  .strict();

/** Kinds of cited source whose whole article an outlet may be relaying. */
const UPSTREAM_KINDS = new Set<CitedSource['kind']>(['news-agency', 'outlet']);

export const claimsStage = defineCorpusStage({
  name: 'claims',
  summary: 'find check-worthy claims, group them across outlets and count their independent sources',
  options: claimsOptions,
  run(docs, options, earlier) {
    const quotes = earlier.statements?.quotes ?? [];
    const citesOf = new Map((earlier.provenance?.provenance ?? []).map((record) => [record.doc, record.cites]));
    const mentionsOf = entityMentionsByDocument(earlier.identity?.entities ?? []);
    const quotesOf = groupBy(quotes, (quote) => quote.doc);

    const candidates: ClaimCandidate[] = docs.flatMap((doc) =>
      extractClaims(
        {
          id: doc.id,
          text: doc.text,
          sentences: doc.results.segment?.sentences ?? [],
          quotes: quotesOf.get(doc.id) ?? [],
          mentions: mentionsOf.get(doc.id) ?? [],
          cites: citesOf.get(doc.id) ?? [],
        },
        options,
      ),
    );

    const outletByDoc = new Map(docs.map((doc) => [doc.id, outletOf(doc)]));
    const entityNamed = entityByName(earlier.identity?.entities ?? []);
    const sourceDocs = docs.map((doc) => {
      const outlet = outletByDoc.get(doc.id) ?? null;
      return { id: doc.id, outlet, outletEntity: outlet ? (entityNamed.get(outlet.toLowerCase()) ?? null) : null, relays: wholeArticleRelay(citesOf.get(doc.id) ?? []) };
    });
    const copies = earlier.copies?.copies ?? [];
    const sources = documentSources(sourceDocs, copies.map((copy) => copy.docs));
    // What a copy adds to the passages it shares ("This article is republished by the Eastbridge
    // Times under licence") is the copier's own text, counted as its own outlet.
    const ownSources = documentSources(sourceDocs, []);
    const copiedOf = copiedPassages(copies);
    const docSourceOf = (member: ClaimCandidate): IndependentSource => {
      const copied = copiedOf.get(member.doc);
      return copied && !copied.some((passage) => passage.start < member.end && member.start < passage.end) ? ownSources.get(member.doc)! : sources.get(member.doc)!;
    };

    const storyOf = storyOfDocument(earlier.stories?.stories ?? []);
    const byStory = groupBy(candidates, (candidate) => storyOf.get(candidate.doc) ?? null);

    const judge = propositionJudge();
    const claims: Claim[] = [];
    for (const [story, members] of byStory) {
      const grouping = groupClaims(members, judge, options);
      const firstId = claims.length + 1;
      grouping.groups.forEach((group, index) => {
        const groupMembers = group.map((member) => members[member]!);
        const memberSources = groupMembers.map((member) => memberSource(member.attribution, docSourceOf(member)));
        const { sources: independent, status } = corroborate(groupMembers, memberSources, grouping.contradicts[index]!.length > 0);
        claims.push({
          id: `claim-${firstId + index}`,
          story,
          text: groupMembers[0]!.text,
          members: groupMembers.map((member, position) => ({
            doc: member.doc,
            start: member.start,
            end: member.end,
            attributedTo: member.attribution.kind === 'outlet' ? null : member.attribution.name,
            attribution: member.attribution,
            hedged: member.hedges.length > 0,
            hedges: member.hedges.map(({ start, end }) => ({ doc: member.doc, start, end })),
            polarity: member.polarity,
            source: (memberSources[position] as IndependentSource).name,
          })),
          entities: [...new Set(groupMembers.flatMap((member) => member.entities))],
          outlets: [...new Set(groupMembers.map((member) => outletByDoc.get(member.doc) ?? member.doc))],
          independentSources: independent.length,
          sources: independent.map((source) => source.name),
          status,
          contradicts: grouping.contradicts[index]!.map((other) => `claim-${firstId + other}`),
        });
      });
    }
    return { result: { claims } };
  },
});

/**
 * The one upstream news source a whole article relays ("..., reports The Telegraph" with no
 * quote of its own around it), when the article names exactly one such source.
 */
function wholeArticleRelay(cites: readonly CitedSource[]): { name: string; entity: string | null } | null {
  const upstream = cites.filter((cite) => cite.relation === 'relays' && cite.quote === null && UPSTREAM_KINDS.has(cite.kind));
  const keys = new Set(upstream.map((cite) => cite.entity ?? cite.name.toLowerCase()));
  return keys.size === 1 ? { name: upstream[0]!.name, entity: upstream[0]!.entity } : null;
}

/**
 * For each document that repeats another in passages (not as a whole), the passages it repeats.
 * A whole copy (no passages listed) repeats everything and is left out: all of it is the original's.
 */
function copiedPassages(copies: readonly Copy[]): Map<string, Span[]> {
  const whole = new Set(copies.filter((copy) => copy.passages.length === 0).map((copy) => copy.docs[1]));
  const copied = new Map<string, Span[]>();
  for (const copy of copies) {
    const later = copy.docs[1];
    if (whole.has(later) || copy.passages.length === 0) continue;
    const list = copied.get(later) ?? [];
    list.push(...copy.passages.map((passage) => passage.b));
    copied.set(later, list);
  }
  return copied;
}

/** Organisations by lower-cased name and alias, so that an outlet's name finds its entity. */
function entityByName(entities: readonly Entity[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const entity of entities) {
    if (entity.type !== 'ORG') continue;
    for (const name of [entity.name, ...entity.aliases]) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), entity.id);
  }
  return byName;
}
