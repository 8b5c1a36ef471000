/**
 * Word lists for attribution: reporting verbs, pronouns, role nouns and the phrases that name a
 * channel or a relaying outlet. The sequence labeller learns most cues from data; these lists
 * give it (and the rules around it) long-range hints it cannot learn from one word alone, such as
 * "is there a reporting verb five tokens to the left".
 */

/** Inflected forms of verbs that introduce speech, writing or stated belief. */
export const CUE_VERBS: ReadonlySet<string> = new Set(
  [
    'say says said saying',
    'tell tells told telling',
    'add adds added adding',
    'claim claims claimed claiming',
    'state states stated stating',
    'note notes noted noting',
    'explain explains explained explaining',
    'argue argues argued arguing',
    'insist insists insisted insisting',
    'warn warns warned warning',
    'write writes wrote written writing',
    'tweet tweets tweeted tweeting',
    'post posts posted',
    'announce announces announced announcing',
    'report reports reported reporting',
    'declare declares declared declaring',
    'suggest suggests suggested suggesting',
    'acknowledge acknowledges acknowledged acknowledging',
    'admit admits admitted admitting',
    'believe believes believed believing',
    'think thinks thought thinking',
    'predict predicts predicted predicting',
    'ask asks asked asking',
    'reply replies replied replying',
    'respond responds responded responding',
    'confirm confirms confirmed confirming',
    'deny denies denied denying',
    'accuse accuses accused accusing',
    'urge urges urged urging',
    'promise promises promised promising',
    'vow vows vowed vowing',
    'contend contends contended contending',
    'assert asserts asserted asserting',
    'allege alleges alleged alleging',
    'stress stresses stressed stressing',
    'emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising',
    'recall recalls recalled recalling',
    'remark remarks remarked',
    'comment comments commented commenting',
    'concede concedes conceded conceding',
    'testify testifies testified testifying',
    'estimate estimates estimated',
    'maintain maintains maintained maintaining',
    'reveal reveals revealed revealing',
    'indicate indicates indicated indicating',
    'signalled signaled',
    'disclose discloses disclosed',
    'complain complains complained complaining',
    'boast boasts boasted',
    'joke jokes joked',
    'quip quips quipped',
    'exclaim exclaims exclaimed',
    'shout shouts shouted shouting',
    'chant chants chanted chanting',
    'yell yells yelled yelling',
    'mention mentions mentioned',
    'agree agrees agreed',
    'appeal appeals appealed',
    'threaten threatens threatened',
    'condemn condemns condemned',
    'describe describes described',
    'call calls called calling',
    'quote quoted',
    'according',
    'continue continued continues',
    'conclude concludes concluded',
    'observe observes observed',
    'caution cautions cautioned',
    'demand demands demanded',
    'hint hints hinted',
    'speculate speculated',
    'fear fears feared',
    'hope hopes hoped',
    'expect expects expected',
    'feel feels felt',
    'know knows knew',
    'recognize recognized recognise recognised',
    'pledge pledges pledged',
    'charge charged',
    'counter countered',
    'retort retorted',
    'wonder wondered',
  ]
    .join(' ')
    .split(' '),
);

/** Nouns that carry speech in a cue such as "in a statement" or "his remarks". */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(
  'statement statements remarks remark interview speech post tweet letter op-ed column piece message address briefing conference testimony comments'.split(' '),
);

export const PERSON_PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'p' | 'n'> = new Map([
  ['he', 'm'],
  ['him', 'm'],
  ['his', 'm'],
  ['she', 'f'],
  ['her', 'f'],
  ['they', 'p'],
  ['them', 'p'],
  ['we', 'p'],
  ['i', 'n'],
  ['it', 'n'],
  ['you', 'n'],
]);

/** Nouns that describe a speaker by role ("the spokesman", "Iran's foreign minister"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(
  [
    'president prime minister ministry secretary spokesman spokeswoman spokesperson official officials',
    'leader head chief director ambassador envoy ally commander general governor mayor senator',
    'congressman congresswoman representative lawmaker chairman chairwoman chair ceo founder analyst',
    'expert experts researcher professor adviser advisor aide aides diplomat diplomats negotiator',
    'deputy member members candidate nominee king queen prince emir sheikh ayatollah cleric pope',
    'judge prosecutor lawyer attorney police officer officers commissioner mediator observer observers',
    'correspondent reporter editor analysts sources source strategist economist campaign manager',
    'chancellor premier general colonel major captain sergeant admiral marshal staff',
  ]
    .join(' ')
    .split(' '),
);

/** Organisations whose name relays another outlet's reporting. */
export const OUTLET_HINTS: ReadonlySet<string> = new Set(
  'tass ria interfax reuters ap afp bbc cnn newsweek telegraph guardian times post journal express independent mirror sun daily news agency media television tv radio al-jazeera aljazeera politico axios bloomberg'.split(
    ' ',
  ),
);

/** Titles that sit before a name and are not part of it. */
export const NAME_TITLES: ReadonlySet<string> = new Set(
  'mr mr. mrs mrs. ms ms. dr dr. sir lord lady sen. sen rep. rep gov. gov president prime minister chancellor general gen. king queen prince sheikh'.split(' '),
);

export function isCueVerb(lower: string): boolean {
  return CUE_VERBS.has(lower);
}

const NOT_SPEECH = new Set('believe believes believed believing think thinks thought thinking feel feels felt know knows knew hope hopes hoped fear fears feared expect expects expected wonder wondered recognize recognized recognise recognised continue continued continues'.split(' '));

/** Cue words that report speech, writing or a stated position; beliefs and feelings left out. */
export const SPEECH_CUES: ReadonlySet<string> = new Set([
  ...[...CUE_VERBS].filter((word) => !NOT_SPEECH.has(word)),
  ...'express expresses expressed expressing reiterate reiterated insisted decried slammed blasted lambasted praised hailed welcomed rejected dismissed raised echoed tweeted posted writing wrote spoke speaking'.split(' '),
]);
