/**
 * Where a quote was said (channel: "on Telegram", "told reporters", "in a piece for Foreign
 * Policy", "at the United Nations") and which outlet this article relays it through (via:
 * "quoted by Newsweek", "reports The Telegraph", "according to TASS"). These are fixed phrasings
 * around the cue, so patterns over the attribution's sentence find them; they skip the quoted
 * content itself so that words inside a quote are never read as its channel.
 */
import type { Span } from '../document.js';

export interface Found extends Span {
  text: string;
}

const CAP_NAME = String.raw`[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|for|and))*`;

const CHANNELS: RegExp[] = [
  new RegExp(String.raw`\b(?:on|via|in)\s+(?:(?:his|her|their|its|the|a)\s+)?(?:official\s+)?(?:Telegram|Twitter|X|Facebook|Instagram|TikTok|YouTube|Truth Social|Weibo|VKontakte|VK|social media)(?:\s+(?:channel|account|page|post|feed))?`, 'gu'),
  new RegExp(String.raw`\btold\s+(?:reporters|journalists|the press|a news conference|a press conference|lawmakers|parliament|state television|state media|(?:the\s+)?${CAP_NAME})`, 'gu'),
  new RegExp(String.raw`\bin\s+(?:a|an|his|her|their|its|the)\s+(?:(?:televised|video|written|joint|separate|brief|short|lengthy|exclusive|recent)\s+)?(?:statement|interview|speech|address|post|op-ed|column|letter|piece|article|essay|briefing|tweet|video|message|note|report)(?:\s+(?:for|with|to|in|on|published by)\s+(?:the\s+)?${CAP_NAME})?`, 'gu'),
  new RegExp(String.raw`\bat\s+(?:the\s+)?(?:United Nations(?:\s+(?:Security Council|General Assembly))?|UN(?:\s+(?:Security Council|General Assembly))?|(?:a|an|the)\s+(?:news|press)\s+conference|(?:a|an|the)\s+(?:briefing|rally|summit|hearing|meeting|forum|conference|event))`, 'gu'),
  /\b(?:wrote|posted|said|says)\s+on\s+(?:X|Twitter|Telegram|Facebook)\b/gu,
  new RegExp(String.raw`(?:the\s+)?${CAP_NAME}\s+(?:has|have|had|was|were)\s+(?:been\s+)?told\b`, 'gu'),
];

const VIA: { pattern: RegExp; group: number }[] = [
  { pattern: /\b(?:quoted|cited)(?:\s+as\s+saying)?\s+by\s+((?:[\w'’&.-]+,?\s+){0,7}?[\w'’&.-]+)(?=\s*(?:[.;!?]|$))/gu, group: 1 },
  { pattern: new RegExp(String.raw`\b(?:quoted|cited)(?:\s+as\s+saying)?\s+by\s+((?:the\s+)?(?:[\w-]+,?\s+){0,4}?${CAP_NAME})`, 'gu'), group: 1 },
  { pattern: new RegExp(String.raw`\b(?:reports?|reported|writes|wrote|claims|claimed|says|said|noted|added)\s+((?:the\s+)?(?:The\s+)?${CAP_NAME})\s*[.,]?\s*$`, 'gu'), group: 1 },
  { pattern: new RegExp(String.raw`\baccording\s+to\s+((?:the\s+)?${CAP_NAME})`, 'gu'), group: 1 },
  { pattern: new RegExp(String.raw`\b((?:The\s+)?${CAP_NAME})\s+(?:reports|reported|claims|claimed|writes|wrote)\b`, 'gu'), group: 1 },
  { pattern: new RegExp(String.raw`,\s+((?:The\s+)?${CAP_NAME})\s+(?:reports|reported|claims|claimed|writes|wrote|says|said)\s*\.?\s*$`, 'gu'), group: 1 },
];

/** Words that make a capitalised phrase an outlet or agency rather than a person. */
const OUTLET_WORD = /\b(?:TASS|RIA|Interfax|Reuters|AP|AFP|BBC|CNN|Newsweek|Telegraph|Guardian|Times|Post|Journal|Express|Independent|Mirror|Sun|News|Agency|Media|Television|TV|Radio|Jazeera|Politico|Axios|Bloomberg|Tribune|Herald|Gazette|Observer|Mail|Monitor|Insider|Economist|Policy|Kommersant|Izvestia|Pravda|Haaretz|Ynet|Anadolu|Xinhua|Sputnik|RT|Tehran Times|IRNA|Fars|Tasnim|WAFA|Al Arabiya|Sky|ABC|CBS|NBC|Fox|NPR|PBS|Vedomosti|Wall Street Journal|Financial Times|New York Times|Washington Post|Daily|Weekly|Press|Wire)\b|\.(?:com|co\.uk|org|net|ru)\b/u;

export function isOutletName(name: string): boolean {
  return OUTLET_WORD.test(name);
}

function blanked(text: string, region: Span, skip: readonly Span[]): string {
  let out = text.slice(region.start, region.end);
  for (const span of skip) {
    const from = Math.max(span.start, region.start) - region.start;
    const to = Math.min(span.end, region.end) - region.start;
    if (to > from) out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}

/** The channel phrase nearest the cue in `region`, outside the `skip` spans (the quoted content). */
export function findChannel(text: string, region: Span, skip: readonly Span[], cue: Span | null): Found | null {
  const view = blanked(text, region, skip);
  let best: Found | null = null;
  let bestDistance = Infinity;
  for (const pattern of CHANNELS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(view)) !== null) {
      const start = region.start + match.index;
      const end = start + match[0].replace(/[\s.,;:]+$/u, '').length;
      const distance = cue ? Math.min(Math.abs(start - cue.end), Math.abs(cue.start - end)) : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = { start, end, text: text.slice(start, end) };
      }
    }
  }
  return best;
}

/** The outlet this article relays the quote through, if the sentence says so. */
export function findVia(text: string, region: Span, skip: readonly Span[]): Found | null {
  const view = blanked(text, region, skip).replace(/\s+$/u, '');
  for (const { pattern, group } of VIA) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(view)) !== null) {
      const phrase = match[group];
      if (!phrase) continue;
      // "by the official Russian media, TASS": the outlet is the last capitalised run.
      const runs = [...phrase.matchAll(new RegExp(CAP_NAME, 'gu'))];
      const last = runs[runs.length - 1];
      if (!last || last.index === undefined) continue;
      const name = last[0].replace(/[.,\s]+$/u, '');
      if (!isOutletName(name) && !/^(?:The|the)\s/u.test(phrase)) continue;
      const offset = region.start + match.index + match[0].indexOf(phrase) + last.index;
      const withThe = /(?:^|\s)The\s+$/u.test(phrase.slice(0, last.index)) ? 4 : 0;
      return { start: offset - withThe, end: offset + name.length, text: text.slice(offset - withThe, offset + name.length) };
    }
  }
  return null;
}

