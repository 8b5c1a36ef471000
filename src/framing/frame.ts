/**
 * Framing across a corpus: the loaded terms of every document (src/framing/terms.ts), the labels
 * each outlet gives the main actors (labels.ts), and per outlet the figures an analyst compares
 * side by side: how much it asserts in its own voice and how much it attributes, how often it
 * hedges, how much of its own voice is opinion (opinion.ts), whom it quotes and how much, and
 * its tone toward each main actor (tone.ts) with the sentences that carry it.
 *
 * The main actors are the stories' actors: the few entities each story is about.
 */
import { findHedges } from '../claims/hedges.js';
import type { ActorLabel, Claim, Entity, Framing, FramingTerm, OutletFraming, Quote, Story } from '../contract.js';
import { groupBy } from '../crossdoc/group-by.js';
import type { Doc, DocSpan } from '../document.js';
import { wordsOf } from '../quotes/plausible.js';
import { framingDocs, wordsIn, type FramingDoc } from './context.js';
import { findLabels, type LabelUse } from './labels.js';
import type { Lexicon } from './lexicon.js';
import { isOpinion, opinionCues } from './opinion.js';
import { findTerms } from './terms.js';
import { toneCues, type ToneCue } from './tone.js';

export interface FramingInput {
  docs: readonly Readonly<Doc>[];
  /** Quotes with their speakers resolved to entities (the statements stage's). */
  quotes: readonly Quote[];
  entities: readonly Entity[];
  claims: readonly Claim[];
  stories: readonly Story[];
}

/** A sentence is in the outlet's own voice when at least this many of its words lie outside quotes. */
const OWN_VOICE_WORDS = 3;

/** Terms, labels and per-outlet figures of the corpus. */
export function frameCorpus(input: FramingInput, lexicon: Lexicon): Framing {
  const mainActors = new Set(input.stories.flatMap((story) => story.actors));
  const docs = framingDocs(input.docs, input.quotes, input.entities);
  const byName = new Map<string, string>();
  for (const entity of input.entities) for (const name of [entity.name, ...entity.aliases]) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), entity.id);
  const termsOf = new Map(docs.map((doc) => [doc.id, findTerms(doc, lexicon, { main: mainActors, byName })]));
  const labelsOf = new Map(docs.map((doc) => [doc.id, findLabels(doc, mainActors)]));
  const claimsOf = groupBy(input.claims.flatMap((claim) => claim.members), (member) => member.doc);

  const outlets: OutletFraming[] = [];
  const labels: ActorLabel[] = [];
  for (const [outlet, outletDocs] of groupBy(docs, (doc) => doc.outlet)) {
    outlets.push(outletFigures(outlet, outletDocs, termsOf, claimsOf, mainActors));
    labels.push(...labelsOfOutlet(outlet, outletDocs.flatMap((doc) => (labelsOf.get(doc.id) ?? []).map((use) => ({ ...use, doc: doc.id })))));
  }
  return { terms: docs.flatMap((doc) => termsOf.get(doc.id) ?? []), labels, outlets };
}

/** One outlet's labels: its uses grouped by actor and wording (case and determiner aside), most used first. */
function labelsOfOutlet(outlet: string, uses: readonly (LabelUse & { doc: string })[]): ActorLabel[] {
  const key = (use: LabelUse) => `${use.entity}\u0000${use.label.toLowerCase().replace(/^(?:the|an?)\s+/u, '').replace(/’/gu, "'")}`;
  return [...groupBy(uses, key).values()]
    .map((group) => ({
      entity: group[0]!.entity,
      outlet,
      label: group[0]!.label,
      count: group.length,
      evidence: group.map(({ doc, start, end }) => ({ doc, start, end })),
    }))
    .sort((a, b) => a.entity.localeCompare(b.entity) || b.count - a.count);
}

function outletFigures(
  outlet: string,
  docs: readonly FramingDoc[],
  termsOf: ReadonlyMap<string, FramingTerm[]>,
  claimsOf: ReadonlyMap<string, Claim['members']>,
  mainActors: ReadonlySet<string>,
): OutletFraming {
  let sentences = 0;
  let ownVoice = 0;
  let hedged = 0;
  let opinion = 0;
  const tone: (ToneCue & { doc: string; sentence: DocSpan })[] = [];
  for (const doc of docs) {
    const terms = termsOf.get(doc.id) ?? [];
    let nextTerm = 0;
    doc.sentences.forEach((sentence, index) => {
      sentences++;
      const inSentence: FramingTerm[] = [];
      while (nextTerm < terms.length && terms[nextTerm]!.start < sentence.end) {
        if (terms[nextTerm]!.start >= sentence.start) inSentence.push(terms[nextTerm]!);
        nextTerm++;
      }
      const parts = doc.ownWords(sentence);
      const words = wordsIn(doc.text, parts);
      if (words.length < OWN_VOICE_WORDS) return;
      ownVoice++;
      if (parts.some((part) => findHedges(doc.text, part).length > 0)) hedged++;
      if (isOpinion(opinionCues(doc.text, parts, words))) opinion++;
      const evidence = { doc: doc.id, start: sentence.start, end: sentence.end };
      for (const cue of toneCues(doc.text, parts, words, doc.sentenceMentions(index), inSentence, mainActors)) tone.push({ ...cue, doc: doc.id, sentence: evidence });
    });
  }

  const members = docs.flatMap((doc) => claimsOf.get(doc.id) ?? []);
  const attributed = members.filter((member) => member.attribution.kind !== 'outlet').length;
  return {
    outlet,
    documents: docs.map((doc) => doc.id),
    sentences,
    claims: members.length,
    attributedShare: share(attributed, members.length),
    ownVoiceShare: share(members.length - attributed, members.length),
    ownVoiceSentences: ownVoice,
    hedgingRate: share(hedged, ownVoice),
    opinionShare: share(opinion, ownVoice),
    quoted: quotedSpeakers(docs),
    tone: toneTowardActors(tone),
  };
}

/** Who an outlet quotes: speakers by entity (else by name as written), with their quotes and quoted words, most quoted first. */
function quotedSpeakers(docs: readonly FramingDoc[]): OutletFraming['quoted'] {
  const quotes = docs.flatMap((doc) => doc.quotes.map((quote) => ({ quote, words: wordsOf(doc.text.slice(quote.content.start, quote.content.end)).length })));
  const bySpeaker = groupBy(quotes, ({ quote }) => quote.speaker.entity ?? (quote.speaker.name ?? quote.speaker.role ?? '').toLowerCase());
  return [...bySpeaker.values()]
    .map((group) => {
      const { speaker } = group[0]!.quote;
      return {
        entity: speaker.entity,
        name: speaker.name ?? speaker.role ?? 'unidentified speaker',
        quotes: group.length,
        words: group.reduce((sum, { words }) => sum + words, 0),
        share: share(group.length, quotes.length),
      };
    })
    .sort((a, b) => b.quotes - a.quotes || b.words - a.words || a.name.localeCompare(b.name));
}

/** Tone per main actor: (positive − negative) / all cues, with each sentence that carries a cue once. */
function toneTowardActors(cues: readonly (ToneCue & { sentence: DocSpan })[]): OutletFraming['tone'] {
  return [...groupBy(cues, (cue) => cue.entity)]
    .map(([entity, list]) => {
      const positive = list.filter((cue) => cue.valence > 0).length;
      const negative = list.length - positive;
      const sentences = [...new Map(list.map((cue) => [`${cue.sentence.doc}:${cue.sentence.start}`, cue.sentence])).values()];
      return { entity, score: round((positive - negative) / list.length), positive, negative, evidence: sentences };
    })
    .sort((a, b) => b.positive + b.negative - (a.positive + a.negative) || a.entity.localeCompare(b.entity));
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : round(part / whole);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
