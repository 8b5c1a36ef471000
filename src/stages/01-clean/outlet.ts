/**
 * Which outlet published a plain-text article is rarely given, but many articles name
 * themselves in their reporting formulas ("Express.co.uk has been told", "the Gazette
 * understands"). Those formulas are self-referential: an outlet does not say that another
 * outlet "has been told" something. Failing that, the copyright line, a wire dateline
 * ("KESSERING, March 12 (VPA) -", which a syndicated copy keeps, hence after the copyright line), or the host of the article's URL names it.
 */
import type { Span } from '../../document.js';
import type { Line } from './lines.js';
import type { Mark } from './rules.js';

export interface Outlet {
  name: string;
  /** Where the text names itself (possibly inside removed debris, for a copyright line); null for a URL. */
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

export function recoverOutlet(text: string, lines: readonly Line[], marks: readonly (Mark | null)[], url: string | null): Outlet | null {
  for (const line of lines) {
    if (marks[line.index]) continue;
    const body = text.slice(line.start, line.end);
    if (!CHEAP_HINT.test(body)) continue;
    for (const pattern of [NAMED_BEFORE_VERB, DOMAIN_AFTER_TOLD]) {
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(body)) !== null) {
        const name = match[1]!;
        if (NOT_OUTLETS.test(name) || !looksLikeOutlet(name)) continue;
        const bare = name.replace(/^the\s+/iu, '');
        const end = line.start + match.index + match[0].indexOf(name) + name.length;
        return { name: bare, span: { start: end - bare.length, end } };
      }
    }
  }
  return fromCopyright(text, lines, marks) ?? fromDateline(text, lines, marks) ?? fromUrl(url);
}

// "KESSERING, March 12 (VPA) -": a wire dateline names the agency that wrote the copy.
const DATELINE = /^\p{Lu}[\p{Lu}\p{M} .'’-]+(?:,\s*[\p{L} .]+)?,\s*(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+\p{L}+)\s*\((\p{L}[\p{L}\p{N} .&-]{0,40})\)\s*[-–—]/u;

function fromDateline(text: string, lines: readonly Line[], marks: readonly (Mark | null)[]): Outlet | null {
  for (const line of lines.slice(0, 6)) {
    if (marks[line.index]) continue;
    const match = DATELINE.exec(line.text);
    if (!match) continue;
    const start = line.start + match[0].lastIndexOf(`(${match[1]!})`) + 1;
    return { name: match[1]!, span: { start, end: start + match[1]!.length } };
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

function fromUrl(url: string | null): Outlet | null {
  const host = url ? hostOf(url) : null;
  return host ? { name: host, span: null } : null;
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
