/**
 * What kind of source a cited name is: a small hand-made lexicon of news agencies, platforms and
 * well-known outlets, and the head words that mark official channels, documents and unnamed
 * sources. Names are compared in the normal form of src/identity/names.ts (lower case, no
 * leading "the", no possessive). The lists are short on purpose: an outlet of the run itself is
 * recognised from the documents' own outlet names, and descriptions ("the Kommersant
 * newspaper", "the news site Ynet") carry their kind in their words.
 */
import type { CitedSource } from '../contract.js';

export type SourceKind = CitedSource['kind'];

/** Wire services and national news agencies, by every name news commonly uses for them. */
export const NEWS_AGENCIES = new Set([
  'reuters', 'associated press', 'ap', 'the associated press', 'afp', 'agence france-presse', 'agence france presse',
  'tass', 'ria novosti', 'ria', 'interfax', 'interfax-ukraine', 'xinhua', 'anadolu', 'anadolu agency', 'dpa',
  'deutsche presse-agentur', 'efe', 'ansa', 'pti', 'press trust of india', 'yonhap', 'kyodo', 'kyodo news', 'wafa',
  'irna', 'isna', 'fars', 'tasnim', 'mehr', 'sana', 'mena', 'qna', 'spa', 'wam', 'kuna', 'petra', 'bernama',
  'antara', 'kcna', 'ukrinform', 'unian', 'belta', 'pap', 'ctk', 'mti', 'apa', 'trend', 'europa press',
  'jiji', 'jiji press', 'bloomberg', 'dow jones', 'united press international', 'upi', 'canadian press', 'aap',
  'australian associated press', 'sputnik', 'ria-novosti', 'prensa latina', 'notimex', 'agencia brasil', 'lusa',
]);

/** Social platforms and messaging channels: where a speaker posts, not who reports. */
export const PLATFORMS = new Set([
  'telegram', 'x', 'twitter', 'facebook', 'instagram', 'tiktok', 'youtube', 'vk', 'vkontakte', 'truth social',
  'weibo', 'wechat', 'threads', 'bluesky', 'linkedin', 'reddit', 'rumble', 'gab', 'whatsapp', 'odnoklassniki',
  'snapchat', 'mastodon', 'substack', 'social media',
]);

/** Outlets news cites most often; the run's own outlets are added from the documents. */
export const KNOWN_OUTLETS = new Set([
  'newsweek', 'telegraph', 'daily telegraph', 'foreign policy', 'foreign affairs', 'bbc', 'bbc news', 'cnn', 'guardian',
  'observer', 'times', 'sunday times', 'new york times', 'washington post', 'wall street journal', 'financial times',
  'economist', 'politico', 'axios', 'al jazeera', 'al arabiya', 'haaretz', 'times of israel', 'jerusalem post',
  'ynet', 'ynetnews', 'kan', 'channel 12', 'i24news', 'kommersant', 'izvestia', 'vedomosti', 'rbc', 'meduza',
  'novaya gazeta', 'pravda', 'komsomolskaya pravda', 'rt', 'russia today', 'channel one', 'rossiya 1', 'fox news',
  'nbc', 'nbc news', 'cbs', 'cbs news', 'abc', 'abc news', 'msnbc', 'npr', 'pbs', 'sky news', 'itv', 'channel 4',
  'daily mail', 'mail', 'mail online', 'mirror', 'daily mirror', 'sun', 'express', 'daily express', 'express.co.uk',
  'independent', 'the independent', 'evening standard', 'atlantic', 'new yorker', 'time', 'the hill', 'vox',
  'huffpost', 'buzzfeed news', 'vice', 'insider', 'business insider', 'usa today', 'los angeles times',
  'le monde', 'le figaro', 'liberation', 'der spiegel', 'spiegel', 'die zeit', 'bild', 'frankfurter allgemeine',
  'suddeutsche zeitung', 'el pais', 'corriere della sera', 'la repubblica', 'euronews', 'france 24', 'deutsche welle',
  'dw', 'voice of america', 'radio free europe', 'radio liberty', 'rfe/rl', 'middle east eye', 'middle east monitor',
  'south china morning post', 'global times', 'cgtn', 'nhk', 'press tv', 'tehran times', 'al-monitor', 'arab news',
  'gulf news', 'the national', 'daily beast', 'semafor', 'the intercept', 'kyiv independent', 'kyiv post',
  'ukrainska pravda', 'hromadske',
]);

/** Words that make a description an outlet: "the Kommersant newspaper", "Israeli broadcaster Kan". */
export const OUTLET_WORDS = new Set([
  'newspaper', 'paper', 'daily', 'weekly', 'tabloid', 'broadsheet', 'magazine', 'broadcaster', 'channel', 'outlet',
  'website', 'site', 'portal', 'blog', 'radio', 'television', 'tv', 'station', 'network', 'publication', 'journal',
  'podcast', 'programme', 'program', 'show', 'media',
]);

/** Words that make a description an agency: "the state news agency". */
export const AGENCY_WORDS = new Set(['agency', 'wire', 'newswire']);

/** Heads of official channels: who speaks for a state or an institution, and where. */
export const OFFICIAL_WORDS = new Set([
  'ministry', 'ministries', 'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'kremlin', 'white house',
  'downing street', 'elysee', 'pentagon', 'state department', 'foreign office', 'embassy', 'consulate', 'government',
  'cabinet', 'presidency', 'president\'s office', 'office', 'press office', 'press service', 'press secretary',
  'department', 'military', 'army', 'idf', 'police', 'authorities', 'prosecutor', 'prosecutor\'s office', 'court',
  'parliament', 'mission', 'secretariat', 'state media', 'state television', 'state tv', 'state-run media',
  'state-run television', 'state broadcaster', 'state news agency', 'official media', 'website',
]);

/** Heads of written evidence that a story leans on. */
export const DOCUMENT_WORDS = new Set([
  'document', 'documents', 'papers', 'files', 'file', 'memo', 'memos', 'memorandum', 'cable', 'cables', 'letter',
  'letters', 'emails', 'e-mails', 'records', 'filing', 'filings', 'transcript', 'transcripts', 'assessment',
  'assessments', 'dossier', 'report', 'study', 'data', 'leak', 'leaks', 'minutes', 'indictment', 'ruling',
]);

/** Heads of unnamed sources. */
export const ANONYMOUS_WORDS = new Set([
  'source', 'sources', 'insider', 'insiders', 'people', 'person', 'official', 'officials', 'expert', 'experts',
  'analyst', 'analysts', 'observers', 'diplomat', 'diplomats', 'reports', 'media', 'witnesses', 'residents',
]);

/** Words before an anonymous head that keep it unnamed: "several media", "Western diplomats". */
export const VAGUE_QUANTIFIERS = new Set(['some', 'several', 'many', 'multiple', 'other', 'various', 'two', 'three', 'four', 'a', 'an', 'one']);
