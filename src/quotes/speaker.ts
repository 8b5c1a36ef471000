/**
 * Reads a speaker mention as written ("Kremlin spokesman Dmitry Peskov", "Alexander Gabuev,
 * director of …", "he", "the close ally of Russian President Vladimir Putin") into the name it
 * contains, if any, and the role that describes it. News writes speakers in a few fixed shapes
 * (title before a name, appositive after it, possessive role, definite description), so this is
 * rules over capitalised-name runs, refined by the NER stage's mentions when they are present.
 */
import type { Span } from '../document.js';
import type { Token } from '../text/tokens.js';
import { FUNCTION_WORDS } from '../similarity/lexicon.js';
import { PERSON_PRONOUNS, ROLE_NOUNS } from './lexicon.js';

export interface NamedMention extends Span {
  type: string;
  kind?: string;
}

export type SourceShape = 'name' | 'pronoun' | 'role' | 'description';

export interface SourceReading {
  /** The span of the name inside the mention, when it has one. */
  name: Span | null;
  /** The role as written ("Kremlin spokesman", "director of the Carnegie Centre"). */
  role: Span | null;
  /** name: names its speaker; pronoun: he, she, they; role: a role that introduces a speaker
   * ("Iran's foreign minister"); description: a definite description of someone already met
   * ("the close ally of …", "the Chechen leader"). */
  shape: SourceShape;
}

/** Capitalised words that are titles or offices, not part of the person's name. */
const TITLE_WORDS = new Set(
  [
    'president vice prime minister foreign defence defense interior finance secretary spokesman spokeswoman',
    'spokesperson chancellor senator sen. rep. representative gov. governor general gen. ambassador director',
    'chairman chairwoman chair chief deputy king queen prince princess crown leader mayor judge justice pope',
    'ayatollah sheikh emir mr mr. mrs mrs. ms ms. dr dr. lt. col. colonel commander major captain sgt. speaker',
    'minister envoy special attorney premier supreme former acting then-president',
  ]
    .join(' ')
    .split(/[\s,]+/u),
);

/** Forms of address: they sit before a name but say nothing about the speaker's role. */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'mx.', 'dr', 'dr.', 'sir', 'dame']);

/** Words that may follow a name inside a mention without making the name a modifier ("Pentagon documents"). */
const AFTER_NAME = new Set(['and', 'or', 'who', 'which', 'that', 'of', 'in', 'at', 'for', 'on', 'from', 'with', 'to', 'by', 'himself', 'herself', 'themselves', 'itself', 'also', 'then', 'too', 'as', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'jr', 'jr.', 'sr', 'sr.']);

/** The role before a name, unless it is only a form of address ("Mr") or empty. */
function roleBefore(text: string, from: number, nameStart: number): Span | null {
  if (nameStart <= from) return null;
  const role = trimSpan(text, { start: from, end: nameStart });
  if (role.end <= role.start) return null;
  const words = text.slice(role.start, role.end).toLowerCase().split(/\s+/u);
  return words.every((w) => HONORIFICS.has(w)) ? null : role;
}

const NAME_PARTICLES = new Set(['al', 'bin', 'ibn', 'abu', 'de', 'del', 'da', 'van', 'von', 'der', 'la', 'le', 'du', 'el', 'dos', 'di']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'one', 'another', 'some', 'several', 'many', 'two', 'three']);
/** Prepositions that put a name in a complement ("the spokesperson for X"), not in the speaker's place. */
export const LINKS = new Set(['of', 'for', 'at', 'in', 'on', 'with', 'from', 'to', 'by']);
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'but', 'and', 'in', 'on', 'at', 'as', 'if', 'when', 'while', 'after', 'before',
  // Capitalised only because they open the sentence: "With Labour leaders worried, …" names "Labour".
  'with', 'without', 'for', 'from', 'by', 'of', 'to', 'amid', 'among', 'despite', 'during', 'since', 'until', 'although', 'though', 'because',
  'yet', 'or', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'what', 'which', 'who', 'how', 'why', 'where', 'there',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

function word(text: string, token: Token): string {
  return text.slice(token.start, token.end);
}

function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w) || /^\p{Lu}\p{Ll}*-\p{Lu}/u.test(w);
}

/** Maximal runs of capitalised tokens (with name particles inside) as token index ranges. */
export function capitalisedRuns(text: string, tokens: readonly Token[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let from = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const w = i < tokens.length ? word(text, tokens[i]!) : '';
    const lower = w.toLowerCase();
    const inside = w !== '' && isCapitalised(w) && !NOT_NAMES.has(lower);
    const particle = from >= 0 && NAME_PARTICLES.has(lower.replace(/-$/u, '')) && i + 1 < tokens.length && isCapitalised(word(text, tokens[i + 1]!));
    if (inside || particle) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      runs.push({ from, to: i });
      from = -1;
    }
  }
  return runs;
}

/** The person or organisation name at the end of a capitalised run, after any titles. */
function nameInRun(text: string, tokens: readonly Token[], run: { from: number; to: number }): { from: number; to: number } | null {
  let start = run.from;
  for (let i = run.from; i < run.to; i++) {
    if (TITLE_WORDS.has(word(text, tokens[i]!).toLowerCase())) start = i + 1;
  }
  if (start >= run.to) return null;
  return { from: start, to: run.to };
}

function spanOf(tokens: readonly Token[], from: number, to: number): Span {
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

/** Trims determiners' punctuation: leading and trailing commas, dashes and quotes. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–\-“”"']/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–\-“”"'.]/u.test(text[end - 1]!)) {
    if (text[end - 1] === '.' && /\b(?:[A-Z]|Jr|Sr|St|Co|Inc|Ltd|U\.S|U\.N|U\.K)\.$/u.test(text.slice(start, end))) break;
    end--;
  }
  return { start, end };
}

/**
 * Reads a source mention. `tokens` are the tokens inside it; `names` are NER mentions that fall
 * inside it (may be empty).
 */
export function readSource(text: string, tokens: readonly Token[], names: readonly NamedMention[] = []): SourceReading {
  if (tokens.length === 0) return { name: null, role: null, shape: 'description' };
  const words = tokens.map((token) => word(text, token));
  const lower = words.map((w) => w.toLowerCase());
  if (tokens.length === 1 && PERSON_PRONOUNS.has(lower[0]!)) return { name: null, role: null, shape: 'pronoun' };

  // Parts separated by commas: "Alexander Gabuev, director of X," or "the spokesperson for Y, Maria Z".
  const parts: { from: number; to: number }[] = [];
  let from = 0;
  words.forEach((w, i) => {
    if (w === ',' || w === '—' || w === '–' || w === '(' || w === ')') {
      if (i > from) parts.push({ from, to: i });
      from = i + 1;
    }
  });
  if (from < words.length) parts.push({ from, to: words.length });

  const personNames = names.filter((name) => name.type === 'PERSON');
  const readings = parts.map((part) => readPart(text, tokens, lower, part, personNames.length > 0 ? personNames : names));
  const named = readings.findIndex((reading) => reading.name !== null);
  if (named >= 0) {
    const reading = readings[named]!;
    const others = readings.filter((_, i) => i !== named);
    // An appositive describes the speaker; a relative clause ("who was recently placed …") does not name a role.
    const appositive = others.map((other) => other.whole).find((span) => span !== null && !/^(?:who|whom|whose|which|that|where|when)\b/iu.test(text.slice(span.start, span.end)));
    const roleSpan = reading.role ?? appositive ?? null;
    return { name: reading.name, role: roleSpan ? trimSpan(text, roleSpan) : null, shape: 'name' };
  }
  const whole = trimSpan(text, spanOf(tokens, 0, tokens.length));
  const first = lower[0]!;
  // "the close ally of …", "the Chechen leader": someone already in the story.
  if (first === 'the' || first === 'this' || first === 'that') return { name: null, role: whole, shape: 'description' };
  return { name: null, role: whole, shape: 'role' };
}

interface PartReading {
  name: Span | null;
  role: Span | null;
  whole: Span | null;
}

function readPart(text: string, tokens: readonly Token[], lower: readonly string[], part: { from: number; to: number }, names: readonly NamedMention[]): PartReading {
  let from = part.from;
  while (from < part.to && (lower[from] === 'and' || lower[from] === 'or')) from++;
  if (from >= part.to) return { name: null, role: null, whole: null };
  const whole = spanOf(tokens, from, part.to);
  const partTokens = tokens.slice(from, part.to);
  const partLower = lower.slice(from, part.to);

  // A description headed by a determiner or a possessive: its inner names describe, they do not speak.
  // "some like Mamuka Mamulashvili", "experts such as Jane Doe": the name after "like".
  const like = partLower.findIndex((w, i) => w === 'like' || w === 'including' || (w === 'as' && partLower[i - 1] === 'such'));
  if (like >= 0 && like + 1 < partTokens.length) {
    const run = capitalisedRuns(text, partTokens.slice(like + 1))[0];
    if (run && run.from === 0) {
      const name = nameInRun(text, partTokens.slice(like + 1), run);
      if (name) return { name: spanOf(partTokens, like + 1 + name.from, like + 1 + name.to), role: null, whole };
    }
  }
  if (DETERMINERS.has(partLower[0]!)) {
    const rest = partTokens.slice(1).map((token) => word(text, token));
    // "The Harbour Workers' Union": a name with its article (and its possessive apostrophe).
    const allCapitalised = rest.length > 0 && rest.every((w) => isCapitalised(w) || NAME_PARTICLES.has(w.toLowerCase()) || w === '&' || /^['’]$/u.test(w));
    if (partLower[0] === 'the' && allCapitalised) return { name: spanOf(partTokens, 0, partTokens.length), role: null, whole };
    // "the harbour chief Mr Karlsson", "the movement's armed wing Hamas": a description, then
    // the name that closes the part, right after a common noun (not after "of" or "the").
    const last = capitalisedRuns(text, partTokens).pop();
    const before = last ? partLower[last.from - 1] : undefined;
    if (last && last.to === partTokens.length && last.from > 1 && before && (ROLE_NOUNS.has(before) || (/^\p{Ll}/u.test(before) && !LINKS.has(before) && !DETERMINERS.has(before) && before !== 'and' && before !== 'or'))) {
      const name = nameInRun(text, partTokens, last);
      if (name) {
        const nameSpan = spanOf(partTokens, name.from, name.to);
        return { name: nameSpan, role: roleBefore(text, whole.start, spanOf(partTokens, last.from, last.to).start), whole };
      }
    }
    return { name: null, role: null, whole };
  }

  // NER mentions, when the tagger ran: the first one not behind "of/for/at" or a possessive.
  for (const mention of names) {
    if (mention.start < whole.start || mention.end > whole.end) continue;
    const at = partTokens.findIndex((token) => token.start >= mention.start);
    if (at > 0 && LINKS.has(partLower[at - 1]!)) continue;
    if (at > 1 && DETERMINERS.has(partLower[at - 1]!) && LINKS.has(partLower[at - 2]!)) continue;
    const after = partTokens.findIndex((token) => token.start >= mention.end);
    if (/['’]s?$/u.test(text.slice(mention.start, mention.end))) continue;
    if (after >= 0 && (/^['’]s?$/u.test(word(text, partTokens[after]!)) || ROLE_NOUNS.has(partLower[after]!))) continue;
    // A place or a nationality before a role ("Israeli foreign minister") describes, it does not speak.
    if ((mention.type === 'GPE' || mention.type === 'NORP' || mention.type === 'LOC') && after >= 0) continue;
    // The tagger may keep a title inside the name ("Mayor Lena Ortiz"); the name starts after it.
    let nameStart = mention.start;
    for (const token of partTokens) {
      if (token.start < mention.start || token.end >= mention.end) continue;
      if (token.start === nameStart && TITLE_WORDS.has(word(text, token).toLowerCase())) {
        const next = partTokens.find((t) => t.start > token.start);
        if (next) nameStart = next.start;
      }
    }
    return { name: { start: nameStart, end: mention.end }, role: roleBefore(text, whole.start, nameStart), whole };
  }

  const runs = capitalisedRuns(text, partTokens);
  for (const run of runs) {
    if (run.from > 0 && LINKS.has(partLower[run.from - 1]!)) continue;
    // "Campaigners from Almer Watch", "Experts", "Only 52 percent": a plural noun or a function
    // word capitalised only because it opens the sentence, which the tagger did not take for a name.
    const only = run.from === 0 && run.to === 1 ? partLower[0]! : '';
    const sentenceCase = FUNCTION_WORDS.has(only) || (/[^s]s$/u.test(only) && !/(?:ss|us|is)$/u.test(only));
    if (sentenceCase && !names.some((name) => name.start <= partTokens[0]!.start && name.end >= partTokens[0]!.end)) continue;
    if (run.from > 1 && DETERMINERS.has(partLower[run.from - 1]!) && LINKS.has(partLower[run.from - 2]!)) continue;
    const next = partTokens[run.to];
    if (next && /^['’]s?$/u.test(word(text, next))) continue;
    const name = nameInRun(text, partTokens, run);
    if (!name) continue;
    // "Israel" in "Israel Prime Minister Benjamin Netanyahu" is part of the role; a single
    // capitalised word right before a role noun ("Kremlin spokesman") is too.
    if (run.to < partTokens.length && ROLE_NOUNS.has(partLower[run.to]!)) continue;
    // "Pentagon documents", "White House aides": a name followed by a common noun modifies it.
    if (next && /^\p{Ll}/u.test(word(text, next)) && !AFTER_NAME.has(partLower[run.to]!)) continue;
    const nameSpan = spanOf(partTokens, name.from, name.to);
    return { name: nameSpan, role: roleBefore(text, whole.start, nameSpan.start), whole };
  }
  return { name: null, role: null, whole };
}

/** Titles stripped from a name for matching ("Mr Mamulashvili" → "Mamulashvili"). */
export function bareName(name: string): string {
  return name
    .split(/\s+/u)
    .filter((part) => !TITLE_WORDS.has(part.toLowerCase()))
    .join(' ');
}
