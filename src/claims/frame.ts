/**
 * The frame of a claim: who does what to whom, as entity ids and a predicate class. Outlets word
 * one proposition with different verbs ("never declared Hamas a terrorist organisation" / "has
 * not recognised Hamas as a terrorist organisation") and different names for one actor (the
 * Kremlin / Russia), and they dispute a claim in other words than it was made ("Russia helped
 * with that first invasion" / "no clear evidence that Russia supported Hamas in planning the
 * attack"). A sentence matcher trained on paraphrases sees little in common between such pairs;
 * their frames are the same: one subject, one kind of act, a shared object.
 *
 * The predicate classes are ours: verbs of the acts news about conflicts and crises reports,
 * grouped by what they assert. A verb outside them is its own class, so two claims with the same
 * verb still share a frame.
 */
import type { EntityAt } from './extract.js';

const CLASSES: Record<string, string[]> = {
  support: ['support', 'supports', 'supported', 'supporting', 'help', 'helps', 'helped', 'helping', 'back', 'backs', 'backed', 'backing', 'aid', 'aids', 'aided', 'assist', 'assisted', 'assisting', 'fund', 'funds', 'funded', 'funding', 'finance', 'financed', 'financing', 'arm', 'arms', 'armed', 'arming', 'supply', 'supplies', 'supplied', 'fuel', 'fuelling', 'fueling', 'fuelled', 'fueled', 'sponsor', 'sponsored', 'sponsors', 'endorse', 'endorses', 'endorsed'],
  designate: ['declare', 'declared', 'declares', 'designate', 'designated', 'designates', 'recognise', 'recognised', 'recognises', 'recognize', 'recognized', 'recognizes', 'list', 'listed', 'label', 'labelled', 'labeled', 'brand', 'branded', 'classify', 'classified'],
  condemn: ['condemn', 'condemns', 'condemned', 'condemning', 'denounce', 'denounced', 'denounces', 'criticise', 'criticised', 'criticize', 'criticized'],
  attack: ['attack', 'attacks', 'attacked', 'attacking', 'strike', 'strikes', 'struck', 'bomb', 'bombs', 'bombed', 'bombing', 'bombarded', 'shell', 'shelled', 'invade', 'invaded', 'invades', 'raid', 'raided', 'hit'],
  meet: ['meet', 'meets', 'met', 'meeting', 'visit', 'visits', 'visited', 'host', 'hosts', 'hosted', 'invite', 'invited', 'invites', 'inviting', 'receive', 'received'],
  send: ['send', 'sends', 'sent', 'deploy', 'deploys', 'deployed', 'deploying', 'dispatch', 'dispatched', 'mobilise', 'mobilised', 'mobilize', 'mobilized'],
  close: ['close', 'closed', 'closes', 'shut', 'shuts', 'suspend', 'suspended', 'halt', 'halted', 'stop', 'stopped', 'cut'],
  open: ['open', 'opened', 'opens', 'reopen', 'reopened', 'reopens', 'resume', 'resumed', 'restore', 'restored', 'lift', 'lifted'],
  kill: ['kill', 'kills', 'killed', 'killing', 'die', 'died', 'dies', 'dead'],
  detain: ['arrest', 'arrested', 'arrests', 'detain', 'detained', 'capture', 'captured', 'seize', 'seized', 'abduct', 'abducted', 'kidnap', 'kidnapped'],
  reach: ['reach', 'reached', 'reaches', 'arrive', 'arrived', 'arrives', 'spread', 'spreads', 'enter', 'entered', 'contaminate', 'contaminated'],
  begin: ['begin', 'began', 'begun', 'begins', 'start', 'started', 'starts', 'launch', 'launched', 'launches'],
  blame: ['blame', 'blamed', 'blames', 'accuse', 'accused', 'accuses'],
};

const CLASS_OF = new Map(Object.entries(CLASSES).flatMap(([name, verbs]) => verbs.map((verb) => [verb, name] as const)));
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'any', 'no']);
const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

export interface PropositionFrame {
  predicate: string;
  subject: string | null;
  objects: string[];
}

const WORD = /\p{L}[\p{L}'’-]*/gu;

/**
 * The frame of `text` (a claim's words), given its entity mentions in the same coordinates;
 * null when no act of a known class is stated.
 */
export function frameOf(text: string, mentions: readonly EntityAt[]): PropositionFrame | null {
  const words = [...text.matchAll(WORD)].map((match) => ({ lower: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length }));
  // The act is a verb: a class word after a determiner ("an attack") or before its own verb
  // ("a rocket attack was launched") is a noun, and the verb comes later.
  const index = words.findIndex(
    (word, at) => CLASS_OF.has(word.lower) && !DETERMINERS.has(words[at - 1]?.lower ?? '') && !PASSIVE_AUXILIARIES.has(words[at + 1]?.lower ?? '') && words[at + 1]?.lower !== 'has',
  );
  if (index < 0) return null;
  const verb = words[index]!;
  const before = mentions.filter((mention) => mention.end <= verb.start);
  const after = mentions.filter((mention) => mention.start >= verb.end);
  const passive = index > 0 && PASSIVE_AUXILIARIES.has(words[index - 1]!.lower);
  // "extremists have been funded by Russia", "an attack was launched on X from Y by Hamas": the
  // agent after "by" does the act.
  const agent = passive ? after.find((mention) => /\bby\s+(?:the\s+)?$/iu.test(text.slice(Math.max(verb.end, mention.start - 12), mention.start))) : undefined;
  if (agent) {
    return { predicate: CLASS_OF.get(verb.lower)!, subject: agent.entity, objects: unique([...before, ...after].filter((m) => m !== agent).map((m) => m.entity)).filter((id) => id !== agent.entity) };
  }
  const subject = before.length ? before[before.length - 1]!.entity : null;
  return { predicate: CLASS_OF.get(verb.lower)!, subject, objects: unique(after.map((m) => m.entity)).filter((id) => id !== subject) };
}

/**
 * Two frames state the same kind of act by the same actor on a shared object (or both name no
 * object): the claims are about the same thing, whatever their wording.
 */
export function sameFrame(a: PropositionFrame | null, b: PropositionFrame | null): boolean {
  if (!a || !b || a.predicate !== b.predicate || !a.subject || a.subject !== b.subject) return false;
  if (!a.objects.length && !b.objects.length) return true;
  return a.objects.some((id) => b.objects.includes(id));
}

/** Two frames of one kind of act done by different actors: the claims are about different events. */
export function otherActor(a: PropositionFrame | null, b: PropositionFrame | null): boolean {
  return !!a && !!b && a.predicate === b.predicate && !!a.subject && !!b.subject && a.subject !== b.subject;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
