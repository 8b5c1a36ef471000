/**
 * Our own words for relations, beside the CAMEO verb patterns (src/relations/verbs.ts): the
 * noun phrases news uses for acts ("expressed support for", "an attack on", "a close ally of",
 * "in a meeting with"), the verbs whose CAMEO coding is not what a reader of conflict news
 * means ("helped Hamas" supports it; CAMEO codes help as aid), and the function words the
 * extractor steps over. Written by us from wire and web news usage.
 */
import type { RelationKind } from '../contract.js';

/** Verbs whose kind we fix whatever the CAMEO patterns say, with their forms. */
export const VERB_KINDS: ReadonlyMap<string, RelationKind> = new Map(
  (
    [
      ['supports', ['help', 'helps', 'helped', 'helping', 'assist', 'assists', 'assisted', 'assisting', 'fuel', 'fuels', 'fuelled', 'fueled', 'fuelling', 'fueling', 'sponsor', 'sponsors', 'sponsored', 'sponsoring', 'endorse', 'endorses', 'endorsed', 'endorsing', 'praise', 'praises', 'praised', 'praising']],
      ['hosts', ['invite', 'invites', 'invited', 'inviting', 'host', 'hosts', 'hosted', 'hosting']],
      ['mediates', ['mediate', 'mediates', 'mediated', 'mediating']],
      ['supplies', ['supply', 'supplies', 'supplied', 'supplying']],
      ['deploys', ['deploy', 'deploys', 'deployed', 'deploying', 'mobilise', 'mobilises', 'mobilised', 'mobilising', 'mobilize', 'mobilizes', 'mobilized', 'mobilizing']],
      ['funds', ['fund', 'funds', 'funded', 'funding', 'finance', 'finances', 'financed', 'financing', 'bankroll', 'bankrolls', 'bankrolled']],
      ['arms', ['arm', 'arms', 'armed', 'arming']],
      ['condemns', ['condemn', 'condemns', 'condemned', 'condemning', 'denounce', 'denounces', 'denounced', 'denouncing']],
      ['attacks', ['attack', 'attacks', 'attacked', 'attacking', 'bomb', 'bombs', 'bombed', 'bombing', 'shell', 'shells', 'shelled', 'shelling', 'invade', 'invades', 'invaded', 'invading', 'raid', 'raids', 'raided', 'bombard', 'bombards', 'bombarded', 'strike', 'strikes', 'struck']],
    ] as const
  ).flatMap(([kind, forms]) => forms.map((form) => [form, kind] as const)),
);

/**
 * CAMEO verbs we never read as a relation between two actors: their subject is not the one
 * acting on the object ("civilians died", "the rocket fell"), or they are too general in news
 * ("said", "called") to stand for an act on their own.
 */
export const SKIPPED_LEMMAS: ReadonlySet<string> = new Set(['come', 'go', 'think', 'reveal', 'disclose', 'express', 'claim', 'allege', 'issue', 'head', 'fly', 'prepare', 'risk', 'is determined', 'accord', 'deepen', 'break', 'compromise', 'warn', 'say', 'report', 'suggest', 'hope', 'appeal', 'die', 'fall', 'lose', 'call', 'face', 'back', 'lead', 'carry', 'hit', 'target', 'engage', 'value', 'ally', 'intervene', 'conflict', 'respect', 'favor', 'recognise', 'recognize', 'appreciate', 'consider', 'hear', 'introduce', 'arrive', 'go somewhere', 'assemble', 'notify', 'agree', 'influence', 'link', 'grant', 'boost', 'enact', 'allow', 'release', 'observe', 'sign', 'ship', 'transfer', 'transport', 'share', 'lift']);

/** Words after which a verb form is a noun ("the attack", "its support", "Russia's backing"). */
export const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'any', 'no', 'every', "'s", '’s']);

/** Words that may stand before a verb in its base form: auxiliaries, modals and subject pronouns. */
export const BEFORE_BASE_FORM: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'did', 'do', 'does', "n't", 'n’t', 'not', 'never', 'and', 'or']);

/** Words after which an "-ing" form is still an act of the clause's subject ("was helping", "by inviting", "short of condemning"). */
export const BEFORE_GERUND: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'am', 'by', 'of', 'from', 'without', 'after', 'while', 'and', 'or', ',']);

/** Words before "of" that make the "-ing" after it an act ("stopped short of condemning", "accused of arming"). */
export const BEFORE_OF_GERUND: ReadonlySet<string> = new Set(['short', 'accused', 'instead', 'suspected', 'guilty', 'capable']);

export const BE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);

/** Words that may stand between an auxiliary and its verb or a verb and its object without breaking the link. */
export const ADVERBS: ReadonlySet<string> = new Set(['also', 'reportedly', 'allegedly', 'already', 'openly', 'repeatedly', 'again', 'now', 'then', 'later', 'further', 'once', 'since', 'still', 'previously', 'recently', 'long', 'never', 'not', "n't", 'n’t', 'yet', 'even', 'possibly', 'however', 'personally', 'publicly', 'strongly', 'firmly', 'formally', 'officially', 'swiftly', 'quickly', 'directly', 'indirectly', 'secretly', 'jointly', 'both', 'has', 'have', 'had', 'did', 'does', 'do', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'been', 'being', 'be']);

/** Prepositions: an entity right after one is the object of a phrase, not the subject of a clause. */
export const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'from', 'for', 'to', 'with', 'at', 'on', 'near', 'against', 'into', 'by', 'about', 'between', 'across', 'toward', 'towards', 'over', 'under', 'during', 'like', 'unlike', 'than', 'among', 'amid', 'within', 'without', 'including', 'as', 'via', 'through', 'upon', 'onto', 'per']);

/** Words that may stand between a verb and its object: articles, possessives, quantities, prepositions, pronouns. */
export const OBJECT_GAP: ReadonlySet<string> = new Set([
  ...DETERMINERS,
  ...PREPOSITIONS,
  'them', 'him', 'it', 'itself', 'himself', 'herself', 'themselves', 'both', 'all', 'several', 'some', 'many', 'senior', 'top', 'leading', 'other', 'fellow', 'neighbouring', 'neighboring', 'rival', 'personally', 'publicly', 'openly', 'directly', 'again', 'also', 'even', 'either', 'wing', 'state', 'government', 'authorities', 'leaders', 'leadership', 'officials', 'forces', 'groups', 'group', 'organisation', 'organization', 'movement', 'militants', 'fighters', '"', '“', '”', "'", '‘', '’',
]);

/** Subject pronouns: an unresolved one before the act means the subject is unknown, not an earlier name. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'who', 'which', 'this', 'these', 'those']);

/** First-person words: inside a quote they are the speaker. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we', 'our', 'my', 'me', 'us']);

/** Nouns that take up an act named in the sentence before ("The move was condemned by Israel"). */
export const EVENT_ANAPHORS: ReadonlySet<string> = new Set(['move', 'step', 'decision', 'invitation', 'visit', 'trip', 'offer', 'remarks', 'statement', 'comments', 'action', 'actions', 'meeting', 'meetings', 'gesture']);

/** Words that open a clause whose act is not asserted ("if Iran were to arm Hamas"). */
export const CONDITIONALS: ReadonlySet<string> = new Set(['if', 'unless', 'whether', 'lest', 'suppose', 'supposing', 'imagine']);

/** Verbs that make a following noun of act (support, attack, meeting) the act of the sentence's subject. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'express', 'expressed', 'expresses', 'expressing', 'voice', 'voiced', 'voices', 'voicing', 'declare', 'declared', 'declares', 'declaring', 'pledge', 'pledged', 'pledges', 'pledging', 'reaffirm', 'reaffirmed', 'reaffirms', 'offer', 'offered', 'offers', 'offering', 'give', 'gave', 'gives', 'given', 'giving', 'lend', 'lent', 'lends', 'show', 'showed', 'shown', 'shows', 'announce', 'announced', 'announces', 'confirm', 'confirmed', 'confirms', 'signal', 'signalled', 'signaled', 'extend', 'extended', 'extends', 'provide', 'provided', 'provides', 'providing',
  'launch', 'launched', 'launches', 'launching', 'carry', 'carried', 'carries', 'carrying', 'mount', 'mounted', 'mounts', 'stage', 'staged', 'stages', 'conduct', 'conducted', 'conducts', 'begin', 'began', 'begun', 'begins', 'start', 'started', 'starts', 'continue', 'continued', 'continues', 'continuing', 'unleash', 'unleashed',
  'hold', 'held', 'holds', 'holding', 'have', 'had', 'has', 'having', 'come', 'came', 'comes',
]);

/** Nouns of act, with the kind they name and the prepositions that introduce their object. */
export const ACT_NOUNS: ReadonlyMap<string, { kind: RelationKind; prepositions: readonly string[] }> = new Map(
  (
    [
      [['support', 'backing', 'solidarity'], 'supports', ['for', 'to', 'of', 'with']],
      [['attack', 'attacks', 'invasion', 'offensive', 'assault', 'strike', 'strikes', 'raid', 'bombardment', 'incursion', 'aggression'], 'attacks', ['on', 'against', 'of', 'into', 'in']],
      [['meeting', 'meetings', 'talks'], 'meets', ['with']],
      [['condemnation', 'criticism'], 'condemns', ['of']],
      [['threat', 'threats'], 'threatens', ['to', 'against']],
      [['funding', 'financing'], 'funds', ['for', 'to', 'of']],
      [['weapons', 'arms'], 'arms', ['to', 'for']],
      [['aid', 'assistance', 'help'], 'supplies', ['to', 'for']],
    ] as const
  ).flatMap(([nouns, kind, prepositions]) => nouns.map((noun) => [noun, { kind: kind as RelationKind, prepositions }] as const)),
);

/** Words for forces: an offer or readiness to send them offers forces. */
export const FORCE_WORDS: ReadonlySet<string> = new Set(['forces', 'force', 'troops', 'soldiers', 'units', 'squads', 'fighters', 'peacekeepers', 'peacekeeping', 'battalions', 'brigades', 'volunteers', 'army']);

/** Words for aid: an offer of them offers aid. */
export const AID_WORDS: ReadonlySet<string> = new Set(['aid', 'help', 'assistance', 'supplies', 'relief', 'funds', 'money', 'food', 'medicine', 'shelter']);

/** Words of readiness or offering that open an offer ("ready to send", "offered to provide"). */
export const OFFER_WORDS: ReadonlySet<string> = new Set(['offer', 'offers', 'offered', 'offering', 'ready', 'willing', 'prepared', 'volunteered', 'volunteers', 'proposed', 'proposes', 'propose', 'pledged', 'pledges', 'promised', 'promises']);

/** Verbs that with "terrorist" in their object designate ("declared Hamas a terrorist organisation"). */
export const DESIGNATE_VERBS: ReadonlySet<string> = new Set(['declare', 'declared', 'declares', 'declaring', 'designate', 'designated', 'designates', 'designating', 'recognise', 'recognised', 'recognises', 'recognising', 'recognize', 'recognized', 'recognizes', 'recognizing', 'list', 'listed', 'lists', 'listing', 'label', 'labelled', 'labeled', 'labels', 'brand', 'branded', 'brands', 'classify', 'classified', 'classifies', 'name', 'named', 'names', 'proscribe', 'proscribed', 'proscribes', 'ban', 'banned', 'bans', 'outlaw', 'outlawed', 'outlaws', 'consider', 'considers', 'considered', 'call', 'called', 'calls', 'deem', 'deemed', 'deems']);

/** Nouns for an alliance: "an ally of", "Russia's closest ally", "allied with". */
export const ALLY_WORDS: ReadonlySet<string> = new Set(['ally', 'allies', 'allied']);
