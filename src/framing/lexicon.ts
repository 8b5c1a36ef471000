/**
 * The framing lexicon: loaded and evaluative terms ("terrorists", "regime", "resistance") and
 * their neutral counterparts ("militants", "government"), each with why it frames and who uses
 * it. The entries are ours, shipped in models/framing/lexicon.json and documented one by one in
 * models/framing/README.md; a user adds or overrides entries through the framing stage's
 * `lexicon` option (the CLI's `--lexicon <file>`), checked by the same schema.
 *
 * We wrote our own instead of taking a sentiment or bias lexicon: those score words for polarity,
 * while framing needs who uses a word of whom, which no public list we know records.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CrosscheckError } from '../errors.js';

export const LEXICON_URL = new URL('../../models/framing/lexicon.json', import.meta.url);

const ACTOR_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'MISC'] as const;

/** A context cue: a lower-case word, or a prefix ending in "*" ("designat*" finds "designated"). */
const cue = z
  .string()
  .min(1)
  .regex(/^[^\s*]+\*?$/u, 'a cue is one word, optionally ending in * to match every word it starts');

/** One lexicon entry, as written in lexicon.json or in a user's file. */
export const LexiconEntrySchema = z
  .object({
    /** The entry's name, reported as `entry` on each match; a user entry with the same term replaces ours. */
    term: z.string().min(1),
    /** The written forms matched, case-insensitively on word boundaries. Default: the term itself. */
    forms: z.array(z.string().min(1)).default([]),
    /** False for a neutral counterpart ("militants"). */
    loaded: z.boolean(),
    /** Why the term frames: "delegitimising", "legitimising", "euphemism", "neutral"… */
    category: z.string().min(1),
    /** Who typically uses it, of whom. */
    side: z.string().default(''),
    why: z.string().default(''),
    counterparts: z.array(z.string()).default([]),
    /** Entity types the term can target when the sentence does not tie it to an actor directly. */
    targets: z.array(z.enum(ACTOR_TYPES)).default(['PERSON', 'ORG', 'GPE', 'NORP']),
    /** Words within a few words of the term that mean another sense ("resistance" of a material): then it is not reported. */
    otherSense: z.array(cue).default([]),
    /** The one actor the term always stands for, by name ("Zionist entity" → Israel), when the corpus has it. */
    names: z.string().min(1).optional(),
    /** How far a target is looked for: only in the words tied to the term ("Russian terrorism", "terrorism by X"), or by nearness in the sentence and the few before. */
    reach: z.enum(['direct', 'near']).default('near'),
    /** What "TERM of X" names: the agent ("atrocities of Hamas", the default) or the victims ("massacre of villagers"). */
    ofNames: z.enum(['agent', 'victim']).default('agent'),
    /** Words nearby that make the use a reported status ("declared … a terrorist organisation"): then it is reported as not loaded. */
    neutralNear: z.array(cue).default([]),
  })
  .strict();

export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;

/** A lexicon file: an array of entries, or `{ "entries": [...] }` (the shape of our own file). */
export const LexiconFileSchema = z.union([z.array(LexiconEntrySchema), z.object({ about: z.string().optional(), entries: z.array(LexiconEntrySchema) }).strict()]);

/** The entries of a parsed lexicon file, whichever of its two shapes it has. */
export function entriesOf(file: z.infer<typeof LexiconFileSchema>): LexiconEntry[] {
  return Array.isArray(file) ? file : file.entries;
}

let shipped: LexiconEntry[] | null = null;

/** Our lexicon, read once. A broken file is a broken installation, not bad input. */
export function shippedLexicon(): LexiconEntry[] {
  if (shipped) return shipped;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(LEXICON_URL, 'utf8'));
  } catch (error) {
    throw new CrosscheckError('MODEL_MISSING', `The framing lexicon ${LEXICON_URL.pathname} could not be read; reinstall crosscheck.`, { cause: error });
  }
  const parsed = LexiconFileSchema.safeParse(raw);
  if (!parsed.success) throw new CrosscheckError('MODEL_CORRUPT', `The framing lexicon ${LEXICON_URL.pathname} does not match its schema: ${parsed.error.issues[0]?.message}`);
  shipped = entriesOf(parsed.data);
  return shipped;
}

/** Our entries with the user's added; a user entry whose term matches one of ours (any case) replaces it. */
export function mergeLexicon(base: readonly LexiconEntry[], extra: readonly LexiconEntry[]): LexiconEntry[] {
  const byTerm = new Map(base.map((entry) => [entry.term.toLowerCase(), entry]));
  for (const entry of extra) byTerm.set(entry.term.toLowerCase(), entry);
  return [...byTerm.values()];
}

/** A form matched in a text, with the entry it belongs to. */
export interface FormMatch {
  start: number;
  end: number;
  entry: LexiconEntry;
}

/**
 * A compiled lexicon: one regular expression over every form, longest first, so that "terrorist
 * state" wins over "terrorist" at the same place. When two entries list one form, the later
 * entry (a user's) owns it.
 */
export class Lexicon {
  private readonly pattern: RegExp;
  private readonly entryOf = new Map<string, LexiconEntry>();

  constructor(readonly entries: readonly LexiconEntry[]) {
    for (const entry of entries) for (const form of entry.forms.length ? entry.forms : [entry.term]) this.entryOf.set(normalForm(form), entry);
    const forms = [...this.entryOf.keys()].sort((a, b) => b.length - a.length);
    const escaped = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/'/g, "['’]"));
    this.pattern = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : /(?!)/gu;
  }

  /** The forms found in `text` between `from` and `to`, in order, none overlapping. */
  find(text: string, from: number, to: number): FormMatch[] {
    const found: FormMatch[] = [];
    const slice = text.slice(from, to);
    this.pattern.lastIndex = 0;
    for (let match = this.pattern.exec(slice); match; match = this.pattern.exec(slice)) {
      const entry = this.entryOf.get(normalForm(match[0]));
      if (entry) found.push({ start: from + match.index, end: from + match.index + match[0].length, entry });
    }
    return found;
  }
}

function normalForm(form: string): string {
  return form.toLowerCase().replace(/[’]/gu, "'").replace(/\s+/gu, ' ').trim();
}

/** True when a word matches a cue ("designat*" matches "designated"; "tax" only "tax"). */
export function matchesCue(word: string, cues: readonly string[]): boolean {
  return cues.some((cue) => (cue.endsWith('*') ? word.startsWith(cue.slice(0, -1)) : word === cue));
}
