/**
 * The phrasings that cite a source, found by patterns over a kept sentence with its quoted words
 * blanked out (a source named inside someone's quote is theirs, not the article's). Each pattern
 * anchors on fixed words ("according to", "quoted by", "told", "on Telegram", "sources said")
 * and reads the cited phrase after or before the anchor. Every pattern says which family of
 * citation it is; the kind of source and the exact name are decided afterwards, from the words
 * of the phrase (src/provenance/classify.ts).
 */
import type { Span } from '../document.js';

/**
 * How a phrase cites:
 * - lean: "according to X": any kind of source;
 * - relay: "quoted by X", "X reported", "reports X", "a report in X": outlets and agencies only;
 * - told: "told X", "in an interview with X", "in a piece for X": the outlet that got the words;
 * - self: "X has been told", "told this newspaper": the article's own outlet got them;
 * - platform: "on Telegram", "wrote on X": where a speaker posted;
 * - venue: "a statement on the ministry's website", "on state television": an official medium;
 * - unnamed: "sources said", "a source close to X", "experts say", "there are reports";
 * - document: "leaked documents show".
 */
export type Family = 'lean' | 'relay' | 'told' | 'self' | 'platform' | 'venue' | 'unnamed' | 'document';

export interface RawCitation {
  /** The cited phrase as written, which the classifier narrows to the name. */
  phrase: Span;
  family: Family;
  /** A name set off after a description: "the official Russian media, TASS". */
  apposition: Span | null;
}

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’&-]|\.(?=[\p{L}\p{N}]))*/gu;

/** Words that end a cited phrase read forward: clauses, times, verbs, other prepositions. */
const PHRASE_STOPS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'while', 'because', 'as', 'since', 'if', 'yesterday',
  'today', 'tonight', 'tomorrow', 'earlier', 'later', 'last', 'this', 'these', 'those', 'on', 'at', 'in', 'is', 'are',
  'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'said', 'says',
  'say', 'told', 'leaked', 'seen', 'obtained', 'published', 'released', 'shown', 'quoted', 'cited', 'reported',
  'posted', 'issued', 'dated', 'and', 'or', 'but', 'after', 'before', 'during', 'amid', 'following', 'by', 'over',
  'there', 'it', 'he', 'she', 'they', 'we', 'its', 'his', 'her', 'their', 'than', 'about', 'into', 'not', 'also',
  'reportedly', 'allegedly', 'apparently', 'already', 'now', 'then', 'so',
]);

const MAX_PHRASE_WORDS = 12;

interface Word extends Span {
  text: string;
}

/** The words of `view` between `from` and `to`, at most `limit` of them. */
function wordsIn(view: string, from: number, to: number, limit = Infinity): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  let match: RegExpExecArray | null;
  while (words.length < limit && (match = WORD.exec(view)) !== null && match.index < to) {
    words.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return words;
}

const capitalised = (word: string) => /^\p{Lu}|^\p{N}/u.test(word);

/** The phrase that starts at `at`: words up to punctuation, a stop word or MAX_PHRASE_WORDS. */
function phraseAfter(view: string, at: number): Span | null {
  let end = -1;
  let start = -1;
  let last = at;
  let count = 0;
  for (const word of wordsIn(view, at, view.length, MAX_PHRASE_WORDS + 1)) {
    // Punctuation between two words ends the phrase: "according to Reuters, the ..."
    if (/[^\s'’]/u.test(view.slice(last, word.start)) && start >= 0) break;
    if (start < 0 && /[^\s]/u.test(view.slice(last, word.start))) return null;
    if (PHRASE_STOPS.has(word.text)) break;
    if (start < 0) start = word.start;
    end = word.end;
    last = word.end;
    if (++count >= MAX_PHRASE_WORDS) break;
  }
  return start < 0 ? null : { start, end };
}

/** Words a subject before a reporting verb may hold: "the Kommersant newspaper", "Israeli state television". */
const SUBJECT_CONNECTORS = new Set(['of', 'for', 'the', 'news', 'state', 'state-run', 'local', 'several', 'some', 'many', 'foreign', 'independent', 'online', 'daily', 'weekly']);

/** The name or outlet description that ends at `end`: capitalised words and media words, read backwards. */
function subjectBefore(view: string, end: number): Span | null {
  const words = wordsIn(view, Math.max(0, end - 120), end);
  let start = -1;
  let next = end;
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index]!;
    if (/[^\s]/u.test(view.slice(word.end, next))) break;
    const lower = word.text.toLowerCase();
    if (!capitalised(word.text) && !MEDIA_DESCRIPTION.has(lower) && !SUBJECT_CONNECTORS.has(lower)) break;
    start = word.start;
    next = word.start;
  }
  if (start < 0) return null;
  // A connector cannot open the subject: "of the Telegraph" → "the Telegraph".
  const kept = wordsIn(view, start, end);
  while (kept.length && ['of', 'for'].includes(kept[0]!.text.toLowerCase())) kept.shift();
  return kept.length ? { start: kept[0]!.start, end: kept[kept.length - 1]!.end } : null;
}

/** A capitalised name (or a web domain) that starts at `at`: "The Telegraph", "Express.co.uk", "Ministry of Defence". */
function nameAfter(view: string, at: number): Span | null {
  let start = -1;
  let end = -1;
  let last = at;
  for (const word of wordsIn(view, at, Math.min(view.length, at + 120))) {
    if (/[^\s]/u.test(view.slice(last, word.start))) break;
    const lower = word.text.toLowerCase();
    // "and" ends the name: "told Reuters and the BBC" cites Reuters, not one outlet of that name.
    const connector = ['of', 'for', 'the', 'de', 'al'].includes(lower) && start >= 0;
    if (!capitalised(word.text) && !connector && !(start < 0 && lower === 'the')) break;
    if (start < 0) start = word.start;
    if (capitalised(word.text)) end = word.end;
    last = word.end;
  }
  return start < 0 || end < 0 ? null : { start, end };
}

interface Pattern {
  family: Family;
  pattern: RegExp;
  /**
   * Where the phrase is read: forward after the match, a capitalised name after it, the subject
   * that ends where the match starts (the match is the verb), or the match's first group.
   */
  read: 'after' | 'name-after' | 'before' | 'group';
}

const PLATFORM = String.raw`(?:Telegram|Twitter|Facebook|Instagram|TikTok|YouTube|VKontakte|VK|Truth Social|Weibo|WeChat|Bluesky|LinkedIn|Reddit|Rumble|WhatsApp|Substack|Odnoklassniki|social media)`;
const REPORT_VERB = String.raw`(?:reports|reported|has reported|had reported|writes|wrote|claims|claimed|said|says|cited|quoted|revealed|learned|learnt|understands|published|broadcast|aired|noted|added)`;
const DOC_HEAD = String.raw`(?:documents?|papers|files|memos?|memorandum|cables?|emails|e-mails|letters?|records|filings|transcripts?|assessments?|reports?|dossiers?|minutes)`;
const DOC_VERB = String.raw`(?:show|showed|shows|shown|reveal|revealed|reveals|suggest|suggested|suggests|say|said|says|indicate|indicated|indicates|seen by|obtained by|reviewed by|leaked to|released|dated)`;
const ANON_HEAD = String.raw`(?:[Ss]ources?|[Ii]nsiders?|[Oo]fficials?|[Pp]eople|[Pp]ersons?|[Dd]iplomats?)`;
const CAP_AHEAD = String.raw`(?=(?:the\s+)?[\p{Lu}\p{N}])`;
/** Words that may stand before an unnamed source without naming it: "two senior Western officials". */
const QUANTIFIER = String.raw`(?:(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]ultiple|[Ss]ome|[Mm]any|[Oo]ther|[Tt]he)\s+)?`;
const MODIFIERS = String.raw`(?:(?:senior|unnamed|anonymous|informed|well-placed|diplomatic|security|intelligence|government|military|administration|knowledgeable|reliable|local|foreign|independent|\p{Lu}[\p{L}-]+)\s+){0,2}`;

const PATTERNS: Pattern[] = [
  { family: 'lean', pattern: /\b[Aa]ccording\s+to\s+/gu, read: 'after' },
  { family: 'relay', pattern: /\b(?:quoted|cited)(?:\s+as\s+saying)?\s+by\s+/gu, read: 'after' },
  { family: 'relay', pattern: /\b(?:(?:as|first|originally)\s+)?(?:reported|published|broadcast|revealed)\s+by\s+/gu, read: 'after' },
  { family: 'relay', pattern: new RegExp(String.raw`\b(?:seen|obtained|reviewed|leaked|provided|given|shown)\s+(?:to|by)\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'relay', pattern: new RegExp(String.raw`\b(?:report|article|story|investigation|broadcast|editorial|analysis)\s+(?:published\s+)?(?:in|by|from|on)\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'relay', pattern: new RegExp(String.raw`\s${REPORT_VERB}\b`, 'gu'), read: 'before' },
  { family: 'relay', pattern: new RegExp(String.raw`\b${REPORT_VERB}\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'told', pattern: new RegExp(String.raw`\b(?:told|telling)\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'told', pattern: new RegExp(String.raw`\b(?:[Ss]peaking|[Ss]poke|[Tt]alking|[Tt]alked)\s+(?:exclusively\s+)?to\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'told', pattern: new RegExp(String.raw`\b[Ii]n\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:exclusive\s+|recent\s+|lengthy\s+|televised\s+|separate\s+)?(?:interview|conversation|comments?|remarks|op-ed|piece|column|article|essay|commentary|letter|post)\s+(?:with|to|for|in|published\s+by)\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'told', pattern: new RegExp(String.raw`\b(?:[Ww]riting|wrote|writes)\s+(?:in|for)\s+${CAP_AHEAD}`, 'gu'), read: 'name-after' },
  { family: 'venue', pattern: /\b(?:told|telling)\s+((?:[\p{Lu}][\p{L}-]+\s+)?state(?:-run)?\s+(?:television|TV|media|radio))\b/gu, read: 'group' },
  { family: 'self', pattern: /\btold\s+((?:this|our)\s+(?:newspaper|paper|website|site|publication|magazine|programme|program|reporter|correspondent|outlet))\b/gu, read: 'group' },
  { family: 'self', pattern: /\s(?:has|have|had|was|were)\s+(?:been\s+)?told\b/gu, read: 'before' },
  { family: 'platform', pattern: new RegExp(String.raw`\b(?:[Oo]n|[Vv]ia|[Ii]n|to|from|[Tt]hrough)\s+(?:(?:his|her|their|its|the|a|an|one)\s+)?(?:(?:official|personal|verified|own|public)\s+)?(${PLATFORM})\b`, 'gu'), read: 'group' },
  { family: 'platform', pattern: new RegExp(String.raw`\b(${PLATFORM}|X)\s+(?:channel|account|page|post|feed|profile|video|story|handle)\b`, 'gu'), read: 'group' },
  { family: 'platform', pattern: /\b(?:wrote|posted|said|tweeted|announced|shared|published|claimed|declared|added|posting|writing)\s+on\s+(X)\b(?!-)/gu, read: 'group' },
  { family: 'platform', pattern: /\b(?:a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+)?post\s+on\s+(X)\b(?!-)/gu, read: 'group' },
  { family: 'venue', pattern: /\b[Oo]n\s+((?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\p{L}-]+(?:['’]s)?\s+){0,4}?(?:official\s+)?(?:website|web site|site|portal|web page))\b/gu, read: 'group' },
  { family: 'venue', pattern: /\bon\s+((?:[\p{Lu}][\p{L}-]+\s+)?state(?:-run)?\s+(?:television|TV|radio|media))\b/gu, read: 'group' },
  { family: 'unnamed', pattern: new RegExp(String.raw`\b(${QUANTIFIER}${MODIFIERS}${ANON_HEAD}\s+(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|briefed\s+on|involved\s+in|inside|within)\s+(?:the\s+|a\s+)?[\p{L}’'-]+(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]+)*)`, 'gu'), read: 'group' },
  { family: 'unnamed', pattern: new RegExp(String.raw`\b(${QUANTIFIER}${MODIFIERS}(?:[Ss]ources?|[Ii]nsiders?))\s+(?:said|say|says|told|claimed|claim|claims|suggested|suggest|indicated|revealed|confirmed|added|insisted|warned)\b`, 'gu'), read: 'group' },
  { family: 'unnamed', pattern: new RegExp(String.raw`\b(${QUANTIFIER}${MODIFIERS}${ANON_HEAD})\s*,?\s+(?:who\s+)?(?:spoke|speaking|talking|asked|requested|declined|insisted)\s+(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|not\s+to\s+be\s+(?:named|identified)|anonymously)`, 'gu'), read: 'group' },
  { family: 'unnamed', pattern: new RegExp(String.raw`\b(${QUANTIFIER}${MODIFIERS}(?:[Ee]xperts|[Aa]nalysts|[Oo]bservers|[Oo]fficials|[Dd]iplomats|[Cc]ritics))\s+(?:say|said|believe|believed|fear|feared|estimate|estimated|warn|warned|suggest|suggested|argue|argued|claim|claimed|told|note|noted)\b`, 'gu'), read: 'group' },
  { family: 'unnamed', pattern: new RegExp(String.raw`\b(?:seen|described|regarded|viewed|criticised|criticized)\s+by\s+(${QUANTIFIER}${MODIFIERS}(?:experts|analysts|observers|officials|diplomats|critics))\b`, 'gu'), read: 'group' },
  { family: 'unnamed', pattern: /\b(?:confirmed|denied|dismissed|rejected|citing)\s+((?:(?:media|press|unconfirmed|earlier|local)\s+)*reports)\b/gu, read: 'group' },
  { family: 'unnamed', pattern: /\b((?:[Ss]everal|[Ss]ome|[Mm]any|[Ll]ocal|[Ff]oreign|[Ww]estern|[Ii]nternational|[Ii]ndependent|[Oo]ther)\s+(?:media|news\s+outlets|outlets|media\s+outlets))\s+(?:reported|report|reports|said|say|claimed|claim|wrote|cited)\b/gu, read: 'group' },
  { family: 'unnamed', pattern: /\b[Tt]here\s+(?:are|were|have\s+been|had\s+been)\s+((?:(?:unconfirmed|unverified|conflicting|numerous|several|some|many|widespread|local|media|press|credible)\s+)*reports)\b/gu, read: 'group' },
  { family: 'unnamed', pattern: /\b((?:(?:[Uu]nconfirmed|[Uu]nverified|[Mm]edia|[Pp]ress|[Ll]ocal|[Ss]ome|[Ss]everal|[Ee]arlier)\s+)*[Rr]eports)\s+(?:say|said|suggest|suggested|claim|claimed|indicate|indicated)\b/gu, read: 'group' },
  { family: 'document', pattern: new RegExp(String.raw`\b((?:(?:leaked|classified|secret|internal|confidential|court|government|intelligence|draft|declassified|unpublished|official)\s+)+${DOC_HEAD})\s+${DOC_VERB}\b`, 'giu'), read: 'group' },
];

/** A quick test that a sentence may cite anything at all, so most sentences cost one regex. */
const HINT = new RegExp(String.raw`ccording|quot|cite|report|told|tell|interview|piece|op-ed|column|wr[io]t|${PLATFORM}|\bX\b|source|insider|official|people|expert|analyst|observer|media|outlet|document|papers|files|memo|cable|leak|website|site|portal|state|broadcast|publish|said|says|claim|spoke|speaking|talk|revealed|learn|understands|noted|added|anonymity|named|identified`, 'iu');

/** Words that may describe an outlet in a subject: "the Kommersant newspaper", "Russian state media". */
const MEDIA_DESCRIPTION: ReadonlySet<string> = new Set([
  'newspaper', 'paper', 'daily', 'tabloid', 'magazine', 'broadcaster', 'channel', 'outlet', 'outlets', 'website', 'site',
  'portal', 'radio', 'television', 'tv', 'station', 'network', 'agency', 'wire', 'media', 'news', 'state', 'state-run',
]);

/**
 * Every citation phrasing in `view`: one sentence's text with its quoted words blanked, offsets
 * relative to the sentence.
 */
export function findCitations(view: string): RawCitation[] {
  if (!HINT.test(view)) return [];
  const found: RawCitation[] = [];
  for (const { family, pattern, read } of PATTERNS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(view)) !== null) {
      const end = match.index + match[0].length;
      let phrase: Span | null = null;
      if (read === 'after') phrase = phraseAfter(view, end);
      else if (read === 'name-after') phrase = nameAfter(view, end);
      else if (read === 'before') phrase = subjectBefore(view, match.index);
      else if (match[1] !== undefined) {
        const offset = match.index + match[0].indexOf(match[1]);
        phrase = { start: offset, end: offset + match[1].length };
      }
      if (phrase && phrase.end > phrase.start) found.push({ phrase, family, apposition: read === 'after' ? appositionAfter(view, phrase.end) : null });
    }
  }
  return found;
}

/** ", TASS." or ", Maria Zakharova," after a description: the name it describes. */
function appositionAfter(view: string, at: number): Span | null {
  const comma = /^\s*,\s*/u.exec(view.slice(at));
  if (!comma) return null;
  const name = nameAfter(view, at + comma[0].length);
  if (!name || !/^\p{Lu}/u.test(view.slice(name.start, name.end))) return null;
  return /^\s*(?:[,.;:!?]|$)/u.test(view.slice(name.end)) ? name : null;
}
