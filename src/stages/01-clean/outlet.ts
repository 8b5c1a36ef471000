/**
 * Which outlet published a plain-text article is rarely given, but scraped text names it in
 * several places. The publisher's own marks come first, then the author's, which a syndicated
 * copy keeps from the agency that wrote it:
 * - the reporting formulas ("Express.co.uk has been told", "the Gazette understands"), which are
 *   self-referential: an outlet does not say that another outlet "has been told" something;
 * - the copyright line, the page's owner;
 * - the site's own prompts ("Follow all the latest IFBG news and alerts here", "Download the
 *   Valley Courier app"), usually in removed debris;
 * - a URL or a bare domain standing alone in the first lines, as some scrapers write the page's
 *   address there;
 * - a byline that names the employer ("By Ana Ruiz, Riverside Courier", or the agency of a
 *   syndicated copy);
 * - a wire dateline ("KESSERING, March 12 (VPA) -", "DALLAS (AP) —");
 * - a syndication tail ("Source: Riverside Courier"), which names where the copy came from;
 * - failing all of these, the host of the article's URL.
 * A name cited in the story ("reports The Telegraph", "quoted by Newsweek") is a source, not the
 * outlet, and is never taken: the provenance stage would then stop counting it as cited.
 */
import type { Span } from '../../document.js';
import { normaliseName } from '../../identity/names.js';
import { KNOWN_OUTLETS, NEWS_AGENCIES, PLATFORMS } from '../../provenance/lexicon.js';
import type { Line } from './lines.js';
import type { Mark } from './rules.js';

export interface Outlet {
  name: string;
  /** Where the text names it (possibly inside removed debris); null for the article's URL. */
  span: Span | null;
}

const DOMAIN = String.raw`\p{L}[\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:co\.uk|com|org|net|news|info|uk|us|eu|de|fr|ru|ua|il|in|au|ca|ie|io|tv|media)`;
const NAME = String.raw`(?:[Tt]he\s+)?\p{Lu}[\p{L}&'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}&'’-]*){0,4}`;
const SELF_VERBS = String.raw`(?:has been told|was told|can reveal|can now reveal|can exclusively reveal|understands(?= that|\.|,)|has learned|has learnt|has seen|has obtained|has established|has contacted|has approached|has reached out to|has asked)`;

const NAMED_BEFORE_VERB = new RegExp(String.raw`(?<![\p{L}\p{N}])(${DOMAIN}|${NAME})\s+${SELF_VERBS}`, 'gu');
// A domain after "told" is the article's own site ("told Express.co.uk"); a plain name there may
// be a relay ("told the BBC"), so plain names are not trusted in this position.
const DOMAIN_AFTER_TOLD = new RegExp(String.raw`\b(?:told|speaking to|spoke to|speaking exclusively to|in an interview with)\s+(${DOMAIN})(?![\p{L}\p{N}])`, 'gu');

/** A quick test that a line may hold a formula at all, so the costly patterns run on few lines. */
const CHEAP_HINT = /\b(?:told|reveal|understands|has (?:learn|seen|obtained|established|contacted|approached|reached|asked)|speaking|spoke|interview)/u;

/** Words that start sentences or name people's roles, not outlets ("Officials have been told"). */
const NOT_OUTLETS = /^(?:the|he|she|it|they|we|i|you|officials?|police|reporters|sources|residents|parliament|the (?:court|ministry|government|committee|council|public|house|company|group|army|police))$/iu;

/** Bylines, prompts and pasted addresses sit in the page's first lines. */
const HEAD_LINES = 8;
/** A syndication tail closes the page. */
const TAIL_LINES = 3;

export function recoverOutlet(text: string, lines: readonly Line[], marks: readonly (Mark | null)[], url: string | null): Outlet | null {
  return (
    fromFormula(text, lines, marks) ??
    fromCopyright(text, lines, marks) ??
    fromSitePrompt(text, lines, marks) ??
    fromAddressLine(lines) ??
    fromByline(lines) ??
    fromDateline(lines, marks) ??
    fromSourceTail(lines) ??
    fromUrl(url)
  );
}

function fromFormula(text: string, lines: readonly Line[], marks: readonly (Mark | null)[]): Outlet | null {
  for (const line of lines) {
    if (marks[line.index]) continue;
    const body = text.slice(line.start, line.end);
    if (!CHEAP_HINT.test(body)) continue;
    for (const match of [...namesBeforeVerbs(body), ...body.matchAll(DOMAIN_AFTER_TOLD)]) {
      const name = match[1]!;
      if (NOT_OUTLETS.test(name) || !looksLikeOutlet(name)) continue;
      const bare = name.replace(/^the\s+/iu, '');
      const end = line.start + match.index! + match[0].indexOf(name) + name.length;
      return { name: bare, span: { start: end - bare.length, end } };
    }
  }
  return null;
}

/** How far before its verb a formula's name may start: five words, or one domain. */
const NAME_REACH = 200;
const SELF_VERB = new RegExp(String.raw`\s${SELF_VERBS}`, 'gu');

/**
 * The matches of NAMED_BEFORE_VERB in `body`, in order. The pattern is run only just before each
 * verb: free to start anywhere, it would read a long run of dotted or hyphenated words again from
 * every position in it (a megabyte of "a.a.a…" took minutes).
 */
function namesBeforeVerbs(body: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let done = 0;
  for (const verb of body.matchAll(SELF_VERB)) {
    // A few characters past the verb, for the look-ahead of "understands".
    const upTo = body.slice(0, verb.index + verb[0].length + 6);
    NAMED_BEFORE_VERB.lastIndex = Math.max(done, verb.index - NAME_REACH);
    const match = NAMED_BEFORE_VERB.exec(upTo);
    if (!match) continue;
    found.push(match);
    done = match.index + match[0].length;
  }
  return found;
}

/** The outlet named by the first group of `pattern` (compiled with the d flag) in `line`, without "the". */
function captured(line: Line, pattern: RegExp): Outlet | null {
  const [from, to] = pattern.exec(line.text)?.indices?.[1] ?? [];
  if (from === undefined || to === undefined) return null;
  const written = line.text.slice(from, to);
  const lead = /^the\s+/iu.exec(written)?.[0].length ?? 0;
  const name = written.slice(lead).replace(/[\s.,;:]+$/u, '');
  const start = line.start + from + lead;
  return { name, span: { start, end: start + name.length } };
}

// "By Ana Ruiz, Riverside Courier" / "By Ana Ruiz and Tom Bell | Reuters" / "By Ana Ruiz for the Valley Courier".
const PERSON = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
const BYLINE = new RegExp(String.raw`^By\s+${PERSON}(?:\s*(?:,|and|&)\s*${PERSON})*\s*(?:,|\||[-–—]|\bfor\b|\bat\b)\s*(${DOMAIN}|${NAME})\s*$`, 'du');

function fromByline(lines: readonly Line[]): Outlet | null {
  for (const line of lines.slice(0, HEAD_LINES)) {
    const outlet = captured(line, BYLINE);
    if (outlet && isOutletName(outlet.name)) return outlet;
  }
  return null;
}

// The site's prompts name the site: "Follow all the latest IFBG news and alerts here",
// "Follow Valleycourier.com on Telegram", "Download the Valley Courier app".
// (No i flag: under it \p{Lu} would match lower case too.)
const SITE_PROMPTS = [
  new RegExp(String.raw`^(?:[Ff]ollow|[Gg]et|[Rr]ead)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?latest\s+(${DOMAIN}|${NAME})\s+(?:news|updates|alerts|headlines|stories|coverage)\b`, 'du'),
  new RegExp(String.raw`^[Ff]ollow\s+(${DOMAIN}|${NAME})\s+on\s+\p{Lu}`, 'du'),
  new RegExp(String.raw`^(?:[Dd]ownload|[Gg]et)\s+(?:the\s+)?(${DOMAIN}|${NAME})\s+app\b`, 'du'),
];

function fromSitePrompt(text: string, lines: readonly Line[], marks: readonly (Mark | null)[]): Outlet | null {
  for (const line of [...lines.slice(0, HEAD_LINES), ...lines.slice(Math.max(HEAD_LINES, lines.length - HEAD_LINES))]) {
    if (line.words > 25 || (marks[line.index] && marks[line.index]!.reason !== 'subscribe')) continue;
    for (const pattern of SITE_PROMPTS) {
      const outlet = captured(line, pattern);
      if (!outlet || /^(?:us|our)$/iu.test(outlet.name)) continue;
      if (isOutletName(outlet.name) || (/^\p{Lu}{2,6}$/u.test(outlet.name) && !storyMentions(text, lines, marks, outlet.name))) return outlet;
    }
  }
  return null;
}

/**
 * "The latest NFL news" names a topic, "the latest IFBG news" a site: a topic is what the story
 * is about, so its kept lines mention it; a site's acronym they do not.
 */
function storyMentions(text: string, lines: readonly Line[], marks: readonly (Mark | null)[], name: string): boolean {
  const word = new RegExp(String.raw`(?<![\p{L}\p{N}])${name}(?![\p{L}\p{N}])`, 'u');
  return lines.some((line) => !marks[line.index] && word.test(text.slice(line.start, line.end)));
}

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{Ll}*`;
const DATE = String.raw`(?:${MONTH}\.?\s+\d{1,2}|\d{1,2}\s+${MONTH})`;
const PLACE = String.raw`\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}\.?(?:,\s*[\p{L}. ]{2,20})?`;

/** The dateline that opens a story: "KESSERING, March 12 (VPA) -", "DALLAS (AP) —", "Dec 29 (Reuters) -", "DES MOINES -". */
export const DATELINE = new RegExp(String.raw`^(?:${PLACE},?\s*(?<date>${DATE})?|(?<dateOnly>${DATE}))\s*(?:\((?<agency>\p{L}[\p{L}\p{N} .&-]{0,40})\)\s*)?[-–—](?=\s)`, 'du');

// A wire dateline names the agency that wrote the copy. Without a date, only an agency we know is
// trusted: "BREAKING (VIDEO) —" names none.
function fromDateline(lines: readonly Line[], marks: readonly (Mark | null)[]): Outlet | null {
  for (const line of lines.slice(0, 6)) {
    if (marks[line.index]) continue;
    const match = DATELINE.exec(line.text);
    const [from, to] = match?.indices?.groups?.agency ?? [];
    if (!match || from === undefined || to === undefined) continue;
    const name = line.text.slice(from, to).trim();
    if (match.groups!.date || match.groups!.dateOnly || NEWS_AGENCIES.has(normaliseName(name))) {
      return { name, span: { start: line.start + from, end: line.start + from + name.length } };
    }
  }
  return null;
}

// "© 2024 Riverside Courier. All rights reserved.": the page's owner, usually in removed debris.
const COPYRIGHT = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(?:the\s+)?(\p{Lu}[\p{L}\p{N}.&'’ -]{1,60}?)\s*(?:[.,|]\s|[.,]?$|\s+all rights)/iu;

function fromCopyright(text: string, lines: readonly Line[], marks: readonly (Mark | null)[]): Outlet | null {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]!;
    if (marks[line.index]?.reason !== 'boilerplate') continue;
    const match = COPYRIGHT.exec(line.text);
    if (!match) continue;
    const start = line.start + match[0].indexOf(match[1]!);
    return { name: match[1]!, span: { start, end: start + match[1]!.length } };
  }
  return null;
}

// "Source: Riverside Courier" or "Originally published by valleycourier.example" closing the page.
const SOURCE_TAIL = new RegExp(String.raw`^(?:[Ss]ource|[Vv]ia|[Oo]riginally published (?:by|in|on|at))\s*:?\s*(?:https?://)?(?:www\.)?(${DOMAIN}|${NAME})(?:/\S*)?\s*\.?$`, 'du');

function fromSourceTail(lines: readonly Line[]): Outlet | null {
  for (const line of lines.slice(-TAIL_LINES).reverse()) {
    const outlet = captured(line, SOURCE_TAIL);
    if (outlet && isOutletName(outlet.name)) return outlet;
  }
  return null;
}

// A line that is nothing but an address: "https://www.valleycourier.example/news/dam" or "valleycourier.com".
const ADDRESS_LINE = new RegExp(String.raw`^(?:https?://)?(?:www\d?\.)?(${DOMAIN}|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?=/))(?:[/?#]\S*)?$`, 'diu');

function fromAddressLine(lines: readonly Line[]): Outlet | null {
  for (const line of lines.slice(0, HEAD_LINES)) {
    // Once the story has begun, an address is a link in it ("http://amzn.to/..."), not the page's.
    if (line.words > 12) break;
    const outlet = captured(line, ADDRESS_LINE);
    // A link to a post ("https://twitter.com/...") names where a speaker wrote, not the outlet.
    if (outlet && !outlet.name.toLowerCase().split('.').some((label) => PLATFORMS.has(label))) return outlet;
  }
  return null;
}

function fromUrl(url: string | null): Outlet | null {
  const host = url ? hostOf(url) : null;
  return host ? { name: host, span: null } : null;
}

/** A name we know as an outlet or an agency, or one shaped like an outlet's (never a platform's). */
function isOutletName(name: string): boolean {
  const norm = normaliseName(name);
  if (PLATFORMS.has(norm)) return false;
  return KNOWN_OUTLETS.has(norm) || NEWS_AGENCIES.has(norm) || looksLikeOutlet(name);
}

/** A domain, or a capitalised name of one to five words that is not a person's title. */
function looksLikeOutlet(name: string): boolean {
  if (/\.\p{L}{2,}$/u.test(name)) return true;
  const bare = name.replace(/^the\s+/iu, '');
  // "Mr Smith has been told" names a person; outlets are not introduced by honorifics.
  if (/^(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|Gen|Sir|Lord|Lady)\b/u.test(bare)) return false;
  return /\b(?:News|Times|Post|Herald|Gazette|Courier|Journal|Telegraph|Express|Mail|Mirror|Tribune|Observer|Guardian|Independent|Standard|Chronicle|Daily|Weekly|Review|Press|Agency|Wire|Monitor|Insider|Report|Today|Radio|TV|Television|Broadcasting|Network|Media|Digest|Record|Star|Sun|Bulletin|Dispatch|Ledger|Register|Sentinel|Examiner|Inquirer|Online|Magazine)\b/u.test(bare);
}

function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^(?:www\d?|m|amp|mobile)\./u, '') || null;
  } catch {
    return null;
  }
}
