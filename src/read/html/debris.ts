/**
 * Names the page furniture that Readability leaves inside news articles: captions and photo
 * credits, bylines and datelines, share bars, sign-in and subscribe prompts, tag lists, related
 * story teasers, adverts. Two kinds of evidence: the markup around a block (class, id, role,
 * itemprop, tag) and the block's own wording. Both are hints; the scorer decides with the
 * region's size in view, so that a whole article wrapped in `class="share-wrapper"` survives.
 */
import type { DomElement } from './blocks.js';

export type DebrisKind =
  | 'caption'
  | 'byline'
  | 'share'
  | 'related'
  | 'subscribe'
  | 'tags'
  | 'advert'
  | 'comments'
  | 'navigation'
  | 'headline';

export interface DebrisHint {
  kind: DebrisKind;
  /** The hinted element's block id is unknown when it is entered, so regions get their own number. */
  regionId: number;
}

let nextRegionId = 0;

// Order matters: the first kind that matches names the region.
const MARKUP_PATTERNS: [DebrisKind, RegExp][] = [
  ['caption', /caption|(?:^|[-_\s])credits?(?:$|[-_\s])|photo-?credit|image-?credit|img-?credit|media-?credit|photo-?desc|image-?desc|credit-?line|copyright/i],
  ['byline', /byline|(?:^|[-_\s])author|contributor|dateline|timestamp|(?:^|[-_\s])date(?:$|[-_\s])|pub-?date|publish|article-?date|post-?date|posted-?on|entry-?meta|post-?meta|article-?meta|story-?meta|meta-?data|(?:^|[-_\s])meta(?:$|[-_\s])|updated|reading-?time|read-?time/i],
  ['share', /share|sharing|social|(?:^|[-_\s])print(?:$|[-_\s])|email-?this|article-?tools|(?:^|[-_\s])tools(?:$|[-_\s])|toolbar|follow-?us|bookmark/i],
  ['subscribe', /newsletter|subscri|sign-?up|sign-?in|log-?in|login|register|paywall|regwall|(?:^|[-_\s])cta(?:$|[-_\s])|call-?to-?action|membership|donate|offer/i],
  ['related', /related|recommend|more-?stories|read-?more|read-?next|also-?read|popular|trending|teaser|outbrain|taboola|promo|most-?read|more-?from|further-?reading|see-?also|(?:^|[-_\s])more-|-more(?:$|[-_\s])|embed-?link|inline-?link|story-?link|jump-?link|next-?article|also-?on/i],
  ['tags', /(?:^|[-_\s])tags?(?:$|[-_\s])|tag-?list|tags-?list|keywords|(?:^|[-_\s])topics?(?:$|[-_\s])|categor|filed-?under/i],
  ['advert', /(?:^|[-_\s])ads?(?:$|[-_\s])|(?:^|[-_\s])ad-|advert|sponsor|(?:^|[-_\s])dfp|gpt-?ad|adslot|ad-?unit|ad-?container|commercial|banner/i],
  ['comments', /comment|disqus|discussion|replies|reactions/i],
  ['navigation', /breadcrumb|(?:^|[-_\s])nav|menu|pagination|pager|skip-?link|(?:^|[-_\s])footer|masthead|sidebar|widget|(?:^|[-_\s])rail|modal|popup|overlay|cookie|consent|gdpr/i],
  ['headline', /(?:^|[-_\s])dek(?:$|[-_\s])|standfirst|sub-?title|strapline|kicker|(?:^|[-_\s])deck(?:$|[-_\s])|subhead(?:line)?|(?:^|[-_\s])lede(?:$|[-_\s])|headline/i],
];

const ROLE_KINDS: Record<string, DebrisKind> = {
  navigation: 'navigation',
  banner: 'navigation',
  contentinfo: 'navigation',
  complementary: 'related',
  menu: 'navigation',
  menubar: 'navigation',
  dialog: 'navigation',
  alertdialog: 'navigation',
};

const ITEMPROP_KINDS: Record<string, DebrisKind> = {
  author: 'byline',
  datePublished: 'byline',
  dateModified: 'byline',
  dateCreated: 'byline',
  caption: 'caption',
  copyrightHolder: 'caption',
  headline: 'headline',
  keywords: 'tags',
};

// Class names that mean "this is the article": never a debris region even when they also
// contain a debris word ("article-body-share-free" is still the body).
const CONTENT_MARKUP = /(?:^|[-_\s])(?:article|story|post|entry)-?(?:body|content|text)|articlebody|storybody|(?:^|[-_\s])body-?(?:text|copy)/i;

// Embedded posts are part of the story even though their wrappers say "social" or "twitter".
const EMBEDDED_POST_MARKUP = /twitter-tweet|instagram-media|tiktok-embed|social-?(?:media-?)?embed|embedded-?(?:post|tweet)|tweet-?embed|embed-?(?:twitter|instagram|facebook|social)/i;

const TAG_KINDS: Record<string, DebrisKind> = {
  figcaption: 'caption',
  nav: 'navigation',
  footer: 'navigation',
  h1: 'headline',
};

/** The debris hint an element's own markup gives, or null. */
export function debrisHintOf(element: DomElement, tag: string): DebrisHint | null {
  const byTag = TAG_KINDS[tag];
  if (byTag) return { kind: byTag, regionId: nextRegionId++ };
  const role = element.getAttribute('role');
  if (role) {
    const kind = ROLE_KINDS[role.toLowerCase()];
    if (kind) return { kind, regionId: nextRegionId++ };
  }
  const itemprop = element.getAttribute('itemprop');
  if (itemprop) {
    for (const name of itemprop.split(/\s+/)) {
      const kind = ITEMPROP_KINDS[name];
      if (kind) return { kind, regionId: nextRegionId++ };
    }
    if (/articleBody|text/.test(itemprop)) return null;
  }
  const className = element.getAttribute('class') ?? '';
  const id = element.getAttribute('id') ?? '';
  const markup = id.length > 0 ? `${className} ${id}` : className;
  if (markup.length === 0 || markup.length > 400) return null;
  const kind = markupKind(markup);
  return kind === null ? null : { kind, regionId: nextRegionId++ };
}

// Pages repeat the same class strings hundreds of times; the answer depends on the string only.
const markupKindCache = new Map<string, DebrisKind | null>();

function markupKind(markup: string): DebrisKind | null {
  const cached = markupKindCache.get(markup);
  if (cached !== undefined) return cached;
  let found: DebrisKind | null = null;
  if (!CONTENT_MARKUP.test(markup) && !EMBEDDED_POST_MARKUP.test(markup)) {
    for (const [kind, pattern] of MARKUP_PATTERNS) {
      if (pattern.test(markup)) {
        found = kind;
        break;
      }
    }
  }
  if (markupKindCache.size > 20_000) markupKindCache.clear();
  markupKindCache.set(markup, found);
  return found;
}

// Wording of short blocks that is furniture whatever the markup says.
const DEBRIS_LINES: [DebrisKind, RegExp][] = [
  ['advert', /^(?:advertisement|advertising|advert|ad|sponsored(?: content)?|iklan|anzeige|publicidad|publicité|pubblicità|story continues below(?: advertisement)?|continue reading below|article continues below(?: advertisement)?|scroll to continue with content|this slideshow requires javascript\.?|loading(?: content)?\s*(?:\.\.\.|…)?)$/i],
  ['advert', /(?:may earn an? (?:affiliate )?commission|we (?:may )?earn a commission|affiliate links?\b.{0,40}(?:earn|commission)|use (?:the )?code ["“].{1,20}["”])/i],
  ['share', /^(?:share(?: this(?: article| story| page)?)?(?: on \w+)?|tweet|email|e-mail|print|copy link|link copied|facebook|twitter|whatsapp|linkedin|pinterest|reddit|comments?|\d+ comments?|post comment.{0,5}|save|follow|letture|leituras|\d+ (?:views|reads|shares))$/i],
  ['share', /(?:like this (?:story|article)\?|share (?:it|this(?: story| article)?) with (?:a|your) friends?)/i],
  ['subscribe', /^(?:sign in|log in|login|register|subscribe(?: now| today)?|sign up|create (?:an |a free )?account|already a subscriber\?.*|become a (?:member|subscriber).*|support (?:our|independent) journalism.*)$/i],
  ['subscribe', /(?:sign up|subscribe) (?:for|to) (?:our|the) .{0,40}newsletter|newsletter sign[- ]?up|get (?:our|the) .{0,40}newsletter|delivered (?:straight )?to your inbox|right in your inbox|enter your email|^subscribe to [\p{Lu}]/iu],
  ['related', /^(?:read more|related(?: articles?| stories| story| coverage| content| news| posts?| links?| reading)?|more (?:great )?(?:[\p{Lu}][\p{L}.]*\s)?(?:stories|news|articles|coverage|reading)|more from .{1,40}|recommended(?: for you)?|you (?:may|might) (?:also )?(?:like|enjoy)|most (?:read|popular|viewed)|trending(?: now| stories)?|see also|also read|read also|leggi anche|leia (?:também|mais)|lesen sie auch|lire aussi|read next|more on this(?: story| topic)?|top stories|editor'?s picks|latest(?: news| stories)?|popular|highlights|breaking news|don'?t miss|also on [\w.]+|up next|what to read next|more:?)\s*(?:[:.…]|\.\.\.)?$/iu],
  ['related', /^(?:read more|related(?: \w+)?|read also|also read|see also|more|watch|listen|recommended|read next|leggi anche|don'?t miss)\s*:\s*\S/i],
  ['related', /\[(?:warning|insight|news|pics|video|poll|latest|revealed|analysis)\]\s*$/i],
  ['tags', /^(?:tags?|topics?|filed under|categories|keywords|related topics|more on)\s*:/i],
  ['caption', /^\(?(?:photo|image|picture|video|graphic|illustration|credit)s?(?: credit)?\s*[:=]/i],
  ['caption', /^(?:image copyright|image caption|media caption|getty images|photograph:|copyright\b|ⓒ|©)/i],
  ['caption', /^\[(?:사진|写真|foto|photo|image)\b[^\]]*\]$/iu],
  ['caption', /\((?:image|photo|picture|pic|video|credit|source)s?(?: credit)?:[^)]{1,80}\)$/i],
  ['caption', /(?:getty images|ap photo|shutterstock|istockphoto|istock|alamy)\)?\.?$/i],
  ['caption', /(?:[/(]|\.)(?:reuters|afp|epa|ap|pa|dpa)\)?\.?$/i],
  ['caption', /^(?:image|photo|picture|slide) \d+ (?:of|\/) \d+$|^\d+ (?:of|\/) \d+$/i],
  ['byline', /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})*(?:\s*[,|·–—-]\s*.{0,60})?$/u],
  ['byline', /^(?:published|updated|posted|last updated|first published|modified)\b.{0,80}$/i],
  ['byline', /^\(?(?:reporting|writing|editing|additional reporting|compiled|edited|research) by\b.{0,300}$/i],
  ['byline', /^(?:contributing|contributors?)\s*:|contributed to this (?:report|story|article)\.?$|^(?:with )?.{0,30}\bwires?(?: services| reports)?\.?$|^staff (?:reports?|writer)$/i],
  ['byline', /(?:^|\s)(?:follow (?:him|her|them|us|me) (?:on|at) (?:twitter|facebook|instagram)|reach (?:him|her|them|the reporters?|the writer) (?:at|on|by)|(?:can|may) be reached at|have a (?:news )?tip\?|email (?:him|her|them|the author) at)/i],
  ['byline', /^(?:twitter\.com\/\w+|@\w{2,30}|[\w.+-]+@[\w-]+\.[\w.]+)$/i],
  ['comments', /(?:moderat(?:ing|ed) (?:all )?comments|comments? (?:are|is) (?:closed|moderated)|comentários com|leave a (?:comment|reply)|join the (?:conversation|discussion))/i],
  ['navigation', /^(?:skip to (?:main )?content|menu|home|search|close|back to top|next|previous|open|toggle navigation|all rights reserved.*|make .{1,20} my homepage)$/i],
  ['related', /^join our .{0,40}(?:forums?|community|newsletter|discord)|^via [\w-]+(?:\.[\w-]+)+$|^[\w-]+\.(?:com|org|net|info|co\.uk|com\.au)$/i],
  ['byline', /^(?:publicado|publié|pubblicato|veröffentlicht|publicada) (?:por|par|da|von|em|le|il|am)\b/i],
  ['caption', /^(?:фото|foto|fotos|사진|写真)\s*[:：]/iu],
  ['navigation', /^(?:we use cookies|this site uses cookies|by (?:using|continuing to use) this (?:site|website)).{0,200}$/i],
];

const DATE_LINE = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[,\s]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?$/i;

// Words a date line may hold besides numbers, in the languages the pages come in.
const DATE_WORDS = new Set(
  (
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december ' +
    'mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday am pm at on of the de del às as um le la der den am um uhr h ' +
    'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro ' +
    'segunda terça quarta quinta sexta sábado domingo feira ' +
    'enero febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes ' +
    'gen febbraio aprile maggio giugno luglio settembre ottobre dicembre ago set ott dic lunedì martedì mercoledì giovedì venerdì sabato ' +
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'gmt utc est edt pst pdt cet cest bst ist et pt'
  ).split(' '),
);

/** A line that is only a date (and maybe a time), in any of the languages above. */
function isDateLine(line: string): boolean {
  if (line.length > 70 || !/(?:^|\D)(?:19|20)\d{2}(?:\D|$)/.test(line)) return false;
  if (DATE_LINE.test(line)) return true;
  const words = line.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.every((word) => DATE_WORDS.has(word));
}

/** What the wording of a short line says it is, or null. Long lines are never judged by wording. */
export function debrisKindOfText(text: string): DebrisKind | null {
  if (text.length > 320) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  for (const [kind, pattern] of DEBRIS_LINES) {
    if (pattern.test(line)) return kind;
  }
  if (isDateLine(line)) return 'byline';
  if (/^[\d\s.,%+-]+$/.test(line)) return 'share';
  return null;
}

/** A caption label with nothing after it ("Photo:"): the credit follows in the next block. */
export function isCreditLabel(text: string): boolean {
  return /^(?:photo|photos|image|images|picture|credit|source|foto|fotos|фото|사진|写真)\s*:$/iu.test(text.trim());
}

// Hover cards and tooltips hold a whole teaser inside a sentence; they are hidden until hovered.
const POPUP_MARKUP = /rollover-(?:people-)?block|hover-?card|tooltip|popover|(?:^|[-_\s])tippy/i;
const popupCache = new Map<string, boolean>();

/** True when an element's class names mark a popup that the page only shows on hover. */
export function isPopupMarkup(className: string): boolean {
  let known = popupCache.get(className);
  if (known === undefined) {
    known = POPUP_MARKUP.test(className);
    if (popupCache.size > 20_000) popupCache.clear();
    popupCache.set(className, known);
  }
  return known;
}
