/**
 * The classes of scraped debris, one named rule each. A rule describes a class (a counter, a
 * share widget, a "Read more" link line), never one site's exact string, so that it carries over
 * to pages we have not seen. Rules only ever mark whole lines; a line that could be part of the
 * story is left alone, because losing a sentence is worse than keeping a menu.
 */
import type { RemovalReason } from '../../contract.js';
import type { Span } from '../../document.js';
import { endsLikeSentence, isHeadlineLike, type Line } from './lines.js';

export interface Mark {
  reason: RemovalReason;
  rule: string;
  /** For a copy: the first copy, which is kept. */
  duplicateOf?: Span;
}

interface LineRule extends Mark {
  test(line: Line): boolean;
}

const SOCIAL_WORDS = new Set([
  'share', 'shares', 'shared', 'tweet', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin',
  'reddit', 'pinterest', 'email', 'e-mail', 'mail', 'print', 'copy', 'link', 'save', 'this', 'article',
  'story', 'post', 'on', 'via', 'messenger', 'flipboard', 'bluesky', 'threads', 'comments', 'comment',
]);

/** Words of "Share on Facebook / Twitter / Email" rows: the line must be made of nothing else. */
function isShareRow(text: string): boolean {
  const words = text.toLowerCase().split(/[\s|/·•,]+/u).filter(Boolean);
  return words.length > 0 && words.length <= 12 && words.some((w) => w.startsWith('share') || w === 'tweet') && words.every((w) => SOCIAL_WORDS.has(w) || /^\d[\d,.]*[km]?$/u.test(w));
}

const LINK_LEAD =
  /^(?:read(?: more| also| next)?|also read|see also|related(?: articles?| stories| news| content| coverage)?|more(?: on this(?: story)?)?|watch|listen|must read|recommended|trending|don['’]t miss|do not miss|you (?:may|might) also like|most read|top stories|popular|in case you missed it)\b/iu;
const LINK_SEPARATOR = /^\s*(?::|…|\.{3}|\s[-–—|»›]\s|»|›)/u;

/** "READ: Putin says ..." or "Don't miss… <teaser>": a lead word, a separator, a linked title. */
function isLinkLine(text: string): boolean {
  const lead = LINK_LEAD.exec(text);
  if (!lead) return false;
  const rest = text.slice(lead[0].length);
  if (!LINK_SEPARATOR.test(rest)) return false;
  // "Read more: the ministry said ..." inside a story would run on as a sentence; teasers are short.
  const body = rest.replace(LINK_SEPARATOR, '').trim();
  return body.length > 0 && body.split(/\s+/u).length <= 25;
}

/** "Don't miss…", "Related articles:", "READ MORE" standing alone: the header of a link block. */
export function isLinkBlockHeader(text: string): boolean {
  const lead = LINK_LEAD.exec(text);
  if (!lead) return false;
  return /^\s*(?::|…|\.{3}|»|›)?\s*$/u.test(text.slice(lead[0].length)) && (lead[0].length > 4 || /^[A-Z\s']+$/u.test(lead[0]));
}

/** A teaser title tagged by the site's link box: "Hostages send pleas for help [LATEST]". */
const TEASER_TAG = /\[\s*\p{Lu}[\p{Lu} ]{2,}\]\s*$/u;

const SINGLE_LINE_RULES: LineRule[] = [
  {
    rule: 'clean/breadcrumb',
    reason: 'breadcrumb',
    test: (line) => /^(?:home|you are here)\s*(?:[»›>|/:]|&gt;)/iu.test(line.text) || (line.text.match(/\s[»›]\s/gu)?.length ?? 0) >= 2,
  },
  {
    rule: 'clean/counter',
    reason: 'counter',
    // A line that is only a number, maybe with a unit of attention: "443", "1.2K shares", "Views: 90".
    // "30,000." with a full stop is a figure set as its own paragraph ("by the numbers"): kept.
    test: (line) =>
      /^\d(?:[\d,.\s]*\d)?[kKmM]?(?:\s+(?:views?|shares?|comments?|reads?|likes?|reactions?))?$/u.test(line.text) ||
      /^(?:views?|shares?|comments?|reads?|likes?)\s*:?\s*\d[\d,.]*[kKmM]?$/iu.test(line.text),
  },
  {
    rule: 'clean/font-size-widget',
    reason: 'widget',
    test: (line) => /^(?:[Ff]ont|[Tt]ext)(?:\s+[Ss]ize)?\s*:?\s*[-+–AaT\s]*$/u.test(line.text) || /^(?:A\s*[-+]|[-+]\s*A)(?:\s*A\s*[-+]|\s*[-+]\s*A)*$/u.test(line.text),
  },
  { rule: 'clean/share-widget', reason: 'widget', test: (line) => isShareRow(line.text) },
  {
    rule: 'clean/reading-time',
    reason: 'widget',
    test: (line) => /^(?:\d+\s*(?:min(?:ute)?s?|m)\s*read|listen to (?:this )?(?:article|story)(?:\s*\d+:\d+)?|print(?:\s+this)?(?:\s+(?:article|page))?)$/iu.test(line.text),
  },
  {
    rule: 'clean/comment-prompt',
    reason: 'comments',
    test: (line) =>
      /^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|write a comment|cancel reply|comments? (?:are )?closed\.?|join the (?:conversation|discussion)|show comments|view comments|\d+\s+comments?|be the first to comment\.?|what do you think\??)$/iu.test(line.text) ||
      /^your email(?: address)? will (?:not|never) be (?:published|shown)\b/iu.test(line.text) ||
      /^required fields are marked\b/iu.test(line.text) ||
      /^(?:name|email|website)\s*\*?\s*$/iu.test(line.text),
  },
  {
    rule: 'clean/subscribe-prompt',
    reason: 'subscribe',
    test: (line) =>
      /^(?:stay (?:informed|updated|connected|in the loop)|subscribe(?: now| today| for free)?|sign up(?: now| today| for free)?|newsletter|our newsletter|get our newsletter|join our (?:mailing list|newsletter))\s*[.!:]?$/iu.test(line.text) ||
      // A line that addresses the reader about subscribing or signing up ("When you subscribe ...").
      // A quoted or attributed line is someone speaking in the story, even about signing up.
      (line.words <= 60 &&
        /\b(?:you|your)\b/iu.test(line.text) &&
        /\b(?:subscrib\w*|sign(?:ing)? up|newsletter|inbox)\b/iu.test(line.text) &&
        !/^[“"‘']|\b(?:said|says|told|added)\b/u.test(line.text)),
  },
  {
    rule: 'clean/follow-prompt',
    reason: 'subscribe',
    // "Follow all the latest X news here." / "Follow us on Telegram" / "Click here to ...".
    test: (line) =>
      line.words <= 25 &&
      (/^(?:follow|get|read)\b.*\b(?:latest|breaking)\b.*\b(?:news|updates|alerts|coverage)\b.*\b(?:here|below)\b\W*$/iu.test(line.text) ||
        /^follow (?:us|\p{Lu}[\p{L}.]*) on \p{Lu}/u.test(line.text) ||
        /^click here\b/iu.test(line.text)),
  },
  {
    rule: 'clean/advert-label',
    reason: 'advert',
    test: (line) => /^(?:advertisement|advert|sponsored(?: content)?|paid content|promoted|ad|story continues below(?: this)? advert(?:isement)?|continue reading below)\s*[.:]?$/iu.test(line.text),
  },
  {
    rule: 'clean/source-tail',
    reason: 'source-tail',
    test: (line) => /^(?:source\s*:\s*(?:read (?:the )?full (?:article|story)|read more|original article)?|read (?:the )?full (?:article|story)(?: here)?)\s*[.!]?$/iu.test(line.text),
  },
  { rule: 'clean/link-line', reason: 'link-list', test: (line) => isLinkLine(line.text) || isLinkBlockHeader(line.text) },
  { rule: 'clean/teaser-tag', reason: 'link-list', test: (line) => TEASER_TAG.test(line.text) && !endsLikeSentence(line.text.replace(TEASER_TAG, '').trim()) },
  {
    rule: 'clean/copyright',
    reason: 'boilerplate',
    test: (line) => line.words <= 20 && /^(?:©|\(c\)|copyright\b)/iu.test(line.text),
  },
];

/** Marks the lines that one rule recognises on its own. */
export function markSingleLines(lines: readonly Line[], marks: (Mark | null)[]): void {
  for (const line of lines) {
    if (marks[line.index]) continue;
    for (const rule of SINGLE_LINE_RULES) {
      if (rule.test(line)) {
        marks[line.index] = { reason: rule.reason, rule: rule.rule };
        break;
      }
    }
  }
}

/** Link boxes hold a handful of teasers; a longer run is more likely the story's own subheads. */
const MAX_LINK_BLOCK = 8;

const BULLET = /^[-–•*·▪●◦]\s+/u;
const ADVERT_WORDS = /\b(?:advert\w*|ad-free|ads|sponsor\w*|subscri\w*|premium|unlimited access|loading pages|membership|free trial)\b/iu;

/**
 * Blocks that only make sense together: a link-block header and the teaser titles under it,
 * a bullet list that sells a subscription, and the tail of teasers and prompts after the story.
 */
export function markBlocks(lines: readonly Line[], marks: (Mark | null)[]): void {
  // Teaser titles under a "Don't miss…" header, up to the first line that reads like the story.
  for (const line of lines) {
    if (marks[line.index]?.rule !== 'clean/link-line' || !isLinkBlockHeader(line.text)) continue;
    for (let next = line.index + 1; next < lines.length && next <= line.index + MAX_LINK_BLOCK; next += 1) {
      const teaser = lines[next]!;
      const marked = marks[next];
      if (marked && marked.reason !== 'link-list') break;
      if (!marked && !isHeadlineLike(teaser) && !/(?:\.\.\.|…)$/u.test(teaser.text)) break;
      marks[next] ??= { reason: 'link-list', rule: 'clean/link-block' };
    }
  }

  // Bullet lists selling the site rather than telling the story.
  for (let index = 0; index < lines.length; ) {
    if (!BULLET.test(lines[index]!.text)) {
      index += 1;
      continue;
    }
    let end = index;
    while (end < lines.length && BULLET.test(lines[end]!.text)) end += 1;
    const block = lines.slice(index, end);
    // Most items must sell: one story bullet that mentions subscribers does not make a list an advert.
    if (block.filter((line) => ADVERT_WORDS.test(line.text)).length * 2 > block.length) {
      for (const line of block) marks[line.index] ??= { reason: 'advert', rule: 'clean/advert-bullets' };
    }
    index = end;
  }
}

/**
 * After the story, once a prompt or a link line has started the page's tail, the short
 * unpunctuated lines that follow are teaser titles for other articles. The tail is the longest
 * run at the end made only of debris and such short lines.
 */
export function markTail(lines: readonly Line[], marks: (Mark | null)[]): void {
  let first = lines.length;
  while (first > 0) {
    const line = lines[first - 1]!;
    if (!marks[line.index] && !isTeaserLike(line)) break;
    first -= 1;
  }
  let debrisSeen = false;
  for (let index = first; index < lines.length; index += 1) {
    const mark = marks[index];
    if (mark) debrisSeen ||= PAGE_END_REASONS.has(mark.reason);
    else if (debrisSeen) marks[index] = { reason: 'link-list', rule: 'clean/tail-teasers' };
  }
}

/** Debris that closes a page; adverts and counters also sit inside stories, so they start no tail. */
const PAGE_END_REASONS = new Set<RemovalReason>(['subscribe', 'comments', 'link-list', 'source-tail', 'boilerplate', 'navigation', 'breadcrumb']);

function isTeaserLike(line: Line): boolean {
  return isHeadlineLike(line) || (line.words <= 15 && /(?:\.\.\.|…)$/u.test(line.text));
}
