/**
 * Small hand-made word lists that the trained tagger and the Phoenix dictionaries do not give
 * us: which CoNLL "LOC" names are regions rather than states, which "MISC" words are groups or
 * events, the nouns that make a role ("spokesman"), honorifics, capitals that stand for their
 * government ("Moscow said"), and the everyday names of the countries that news writes most.
 * They are lists of common English words and public place names, kept short on purpose.
 */

/** Head words of a role, lower-cased: "Kremlin spokesman", "Chechen leader", "foreign minister". */
export const ROLE_HEADS = new Set([
  'president', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'premier', 'chancellor',
  'ambassador', 'envoy', 'chief', 'head', 'director', 'commander', 'secretary', 'secretary-general', 'chairman',
  'chairwoman', 'chair', 'general', 'king', 'queen', 'emir', 'prince', 'ayatollah', 'governor', 'mayor', 'senator',
  'official', 'diplomat', 'negotiator', 'adviser', 'advisor', 'founder', 'analyst', 'researcher', 'editor',
  'correspondent', 'reporter', 'prosecutor', 'judge', 'mufti', 'imam', 'cleric', 'representative', 'member',
  'lawmaker', 'mp', 'ruler', 'dictator', 'strongman', 'warlord', 'boss',
]);

/** Words that may stand inside a role before its head: "deputy foreign minister", "special envoy". */
export const ROLE_MODIFIERS = new Set([
  'deputy', 'vice', 'special', 'foreign', 'defence', 'defense', 'interior', 'prime', 'senior', 'former', 'first',
  'acting', 'top', 'chief', 'supreme', 'military', 'political', 'press', 'finance', 'security', 'national',
  'intelligence', 'state', 'permanent', 'late', 'then', 'assistant', 'executive', 'general', 'de', 'facto',
]);

export const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'madam']);

/** Geographic names that are regions, not states: CoNLL's LOC splits into our LOC and GPE. */
export const REGION_NAMES = new Set([
  'middle east', 'the middle east', 'west', 'the west', 'east', 'europe', 'asia', 'africa', 'north america',
  'south america', 'latin america', 'central asia', 'caucasus', 'north caucasus', 'the caucasus', 'balkans',
  'the balkans', 'gulf', 'the gulf', 'persian gulf', 'mediterranean', 'levant', 'sahel', 'arctic', 'antarctica',
  'scandinavia', 'oceania', 'eurasia', 'near east', 'far east', 'horn of africa', 'global south', 'old city',
]);
export const REGION_HEADS = new Set(['sea', 'ocean', 'river', 'mountains', 'mountain', 'mount', 'lake', 'valley', 'desert', 'strait', 'bay', 'peninsula', 'island', 'islands', 'canal', 'heights']);

/** Groups named by belief, ethnicity or ideology rather than by a state. */
export const GROUP_WORDS = new Set([
  'islamist', 'islamists', 'islamic', 'muslim', 'muslims', 'jewish', 'jews', 'jew', 'christian', 'christians',
  'arab', 'arabs', 'sunni', 'sunnis', 'shia', "shi'ite", 'shiite', 'shiites', 'kurdish', 'kurds', 'western',
  'westerners', 'jihadist', 'jihadists', 'zionist', 'zionists', 'catholic', 'orthodox', 'druze', 'alawite',
  'bedouin', 'european', 'europeans', 'african', 'asian', 'latino', 'hispanic', 'democrat', 'democrats',
  'republican', 'republicans', 'communist', 'communists', 'conservative', 'conservatives', 'liberal', 'liberals',
  'soviet', 'nazi', 'nazis', 'hindu', 'sikh', 'buddhist', 'evangelical', 'islam', 'christianity', 'judaism',
  'middle eastern', 'eastern', 'northern', 'southern',
]);

/** Head words that make a MISC name an event. */
export const EVENT_HEADS = new Set([
  'war', 'operation', 'olympics', 'games', 'cup', 'summit', 'conference', 'flood', 'storm', 'revolution',
  'intifada', 'uprising', 'massacre', 'election', 'elections', 'crisis', 'offensive', 'invasion', 'championship',
  'festival', 'forum', 'talks', 'accords', 'agreement', 'treaty', 'sword', 'swords', 'attack', 'attacks', 'spring',
]);

/** Capitals (and seats of power) that often stand for their state: "Moscow said". */
export const CAPITALS: Record<string, string> = {
  moscow: 'RUS', washington: 'USA', beijing: 'CHN', tehran: 'IRN', kyiv: 'UKR', kiev: 'UKR', london: 'GBR',
  paris: 'FRA', berlin: 'DEU', ankara: 'TUR', 'tel aviv': 'ISR', damascus: 'SYR', riyadh: 'SAU', doha: 'QAT',
  cairo: 'EGY', pyongyang: 'PRK', seoul: 'KOR', tokyo: 'JPN', 'new delhi': 'IND', delhi: 'IND', islamabad: 'PAK',
  kabul: 'AFG', baghdad: 'IRQ', minsk: 'BLR', warsaw: 'POL', rome: 'ITA', madrid: 'ESP', tbilisi: 'GEO',
  baku: 'AZE', yerevan: 'ARM', amman: 'JOR', beirut: 'LBN', 'abu dhabi': 'ARE', ottawa: 'CAN', canberra: 'AUS',
  caracas: 'VEN', havana: 'CUB', brasilia: 'BRA', pretoria: 'ZAF', nairobi: 'KEN', addis: 'ETH', khartoum: 'SDN',
  tripoli: 'LBY', algiers: 'DZA', rabat: 'MAR', tunis: 'TUN', sanaa: 'YEM', muscat: 'OMN', kuwait: 'KWT',
  manama: 'BHR', budapest: 'HUN', vienna: 'AUT', stockholm: 'SWE', oslo: 'NOR', helsinki: 'FIN', 'the hague': 'NLD',
  brussels: 'BEL', athens: 'GRC', bucharest: 'ROU', sofia: 'BGR', belgrade: 'SRB', grozny: 'RUS:CHECHNYA',
};

/** Seats of government named for a building: always the government, never the place. */
export const SEATS: Record<string, string> = {
  kremlin: 'RUS', 'the kremlin': 'RUS', 'white house': 'USA', 'the white house': 'USA', pentagon: 'USA',
  'the pentagon': 'USA', 'downing street': 'GBR', 'elysee': 'FRA', 'élysée': 'FRA', 'zhongnanhai': 'CHN',
  'knesset': 'ISR',
};

/**
 * Everyday names of states and regions news writes about most, with their demonyms; the
 * Phoenix dictionaries cover the rest. The first name is the display name.
 */
export const PLACE_NAMES: { code: string; names: string[]; demonyms: string[] }[] = [
  { code: 'USA', names: ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America'], demonyms: ['American', 'Americans'] },
  { code: 'GBR', names: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'], demonyms: ['British', 'Briton', 'Britons'] },
  { code: 'RUS', names: ['Russia', 'Russian Federation'], demonyms: ['Russian', 'Russians'] },
  { code: 'ISR', names: ['Israel', 'State of Israel'], demonyms: ['Israeli', 'Israelis'] },
  { code: 'PSE', names: ['Palestine', 'State of Palestine', 'Palestinian territories', 'Palestinian Territories'], demonyms: ['Palestinian', 'Palestinians'] },
  { code: 'IRN', names: ['Iran', 'Islamic Republic of Iran'], demonyms: ['Iranian', 'Iranians'] },
  { code: 'UKR', names: ['Ukraine'], demonyms: ['Ukrainian', 'Ukrainians'] },
  { code: 'CHN', names: ['China', "People's Republic of China"], demonyms: ['Chinese'] },
  { code: 'GEO', names: ['Georgia'], demonyms: ['Georgian', 'Georgians'] },
  { code: 'SYR', names: ['Syria'], demonyms: ['Syrian', 'Syrians'] },
  { code: 'TUR', names: ['Turkey', 'Türkiye', 'Turkiye'], demonyms: ['Turkish', 'Turks'] },
  { code: 'QAT', names: ['Qatar'], demonyms: ['Qatari', 'Qataris'] },
  { code: 'EGY', names: ['Egypt'], demonyms: ['Egyptian', 'Egyptians'] },
  { code: 'LBN', names: ['Lebanon'], demonyms: ['Lebanese'] },
  { code: 'SAU', names: ['Saudi Arabia'], demonyms: ['Saudi', 'Saudis'] },
  { code: 'RUS:CHECHNYA', names: ['Chechnya', 'Chechen Republic', 'Chechnia', 'Chechenia'], demonyms: ['Chechen', 'Chechens'] },
  { code: 'PSE:GAZA', names: ['Gaza', 'Gaza Strip', 'the Gaza Strip', 'Gaza strip'], demonyms: ['Gazan', 'Gazans'] },
  { code: 'PSE:WESTBANK', names: ['West Bank', 'the West Bank'], demonyms: [] },
];

/** Nouns that, before "of", make the following name a settlement: "the village of Abu Ghosh". */
export const SETTLEMENT_NOUNS = new Set(['village', 'town', 'city', 'district', 'province', 'region', 'republic', 'kingdom', 'port', 'suburb', 'settlement', 'municipality', 'county', 'state']);

/** Armed groups named like states; never a country. */
export const STATE_NAMED_GROUPS = new Set(['islamic state', 'isis', 'isil', 'daesh', 'islamic state of iraq and the levant', 'islamic state of iraq and syria', 'islamic state in iraq and syria']);

/** Everyday names of organisations that news uses for their formal name. */
export const ORG_ALIASES: Record<string, string> = {
  'israeli army': 'israel defense forces', 'israeli military': 'israel defense forces', 'israel defence forces': 'israel defense forces',
  'israeli defense forces': 'israel defense forces', 'israeli defence forces': 'israel defense forces',
  'russian army': 'russian armed forces', 'russian military': 'russian armed forces',
  'ukrainian army': 'armed forces of ukraine', 'ukrainian military': 'armed forces of ukraine',
  'russian foreign ministry': 'russian ministry of foreign affairs', 'russia\'s foreign ministry': 'russian ministry of foreign affairs',
  'un security council': 'united nations security council', 'security council': 'united nations security council',
};

/** Head words that make a name an organisation whatever the tagger said ("James Martin Center"). */
export const ORG_HEADS = new Set([
  'center', 'centre', 'institute', 'university', 'college', 'program', 'programme', 'foundation', 'council',
  'committee', 'ministry', 'party', 'group', 'legion', 'agency', 'company', 'corporation', 'corp', 'inc', 'ltd',
  'bank', 'brigade', 'brigades', 'battalion', 'army', 'forces', 'force', 'navy', 'movement', 'front', 'union',
  'association', 'organisation', 'organization', 'service', 'services', 'news', 'times', 'post', 'telegraph',
  'guardian', 'journal', 'network', 'commission', 'office', 'department', 'court', 'parliament', 'assembly',
  'alliance', 'coalition', 'federation', 'society', 'fund', 'trust', 'network', 'authority', 'guard', 'guards', 'watch',
]);

/** Lower-case words that may sit inside a name: "Bank of England", "Abu Bakr al-Baghdadi". */
export const NAME_CONNECTORS = new Set(['of', 'de', 'al', 'al-', 'bin', 'ibn', 'the', 'and', 'for', 'von', 'van', 'der', 'den', 'la', 'le', 'du', 'da', 'del', 'della', 'di', 'el', 'on', 'upon', 'y', '&', 'abu', 'bint']);

/** Capitalised only because they open a sentence or a headline; never the first word of a name. */
export const NOT_NAME_STARTS = new Set([
  'near', 'in', 'at', 'on', 'from', 'with', 'after', 'before', 'as', 'but', 'and', 'or', 'if', 'when', 'while',
  'according', 'despite', 'since', 'during', 'under', 'over', 'for', 'to', 'by', 'about', 'against', 'between',
  'meanwhile', 'however', 'although', 'though', 'because', 'unlike', 'like', 'reacting', 'asked', 'earlier',
  'later', 'today', 'yesterday', 'now', 'then', 'so', 'yet', 'also', 'even', 'only', 'both', 'all', 'some',
  'many', 'most', 'several', 'other', 'another', 'each', 'every', 'this', 'that', 'these', 'those', 'his', 'her',
  'its', 'their', 'our', 'my', 'your', 'we', 'they', 'he', 'she', 'it', 'i', 'you', 'read', 'watch', 'follow',
  'see', 'more', 'latest', 'breaking', 'exclusive', 'update', 'live', 'video', 'photo', 'opinion', 'analysis',
]);

/** Role heads that are too often adjectives to stand alone ("the ministry's official line"). */
export const AMBIGUOUS_ROLE_HEADS = new Set(['official', 'general', 'chief', 'head', 'member', 'state', 'chair', 'boss', 'founder']);

/**
 * News outlets, agencies and platforms the tagger tends to type as places ("Newsweek reports",
 * "on Telegram"); as speakers' channels and relays they must be organisations.
 */
export const MEDIA_NAMES = new Set([
  'telegram', 'twitter', 'x', 'facebook', 'instagram', 'youtube', 'tiktok', 'vkontakte', 'whatsapp',
  'newsweek', 'tass', 'ria novosti', 'interfax', 'reuters', 'associated press', 'afp', 'agence france-presse',
  'bbc', 'cnn', 'al jazeera', 'the telegraph', 'telegraph', 'foreign policy', 'the guardian', 'guardian',
  'the new york times', 'new york times', 'the washington post', 'washington post', 'politico', 'axios',
  'bloomberg', 'financial times', 'the economist', 'sky news', 'fox news', 'rt', 'sputnik', 'kommersant',
  'izvestia', 'haaretz', 'the times of israel', 'times of israel', 'the jerusalem post', 'jerusalem post', 'irna', 'tasnim',
]);
