/**
 * Cross-document identity: one entity per real actor across all articles. Mentions are keyed
 * in a fixed order so that later, vaguer mentions can lean on earlier, fuller ones:
 *
 * 1. names typed the same way across the corpus (a surname of a person named in full is a person);
 * 2. places, demonyms and metonyms by the state or region they stand for ("Iranian" -> Iran,
 *    "the Kremlin" -> Russia); cities keep their own entity;
 * 3. organisations by the actor dictionaries, acronyms by the initials of a full name in the
 *    corpus, and a short form by the longer name it ends ("Brigade" -> "Northern Brigade");
 * 4. people by full name (one spelling edit allowed when the given names agree), then bare
 *    surnames by the full names that share them, never picking between two people with the
 *    same surname unless the document or the corpus says which one is meant;
 * 5. role phrases ("the Chechen leader") by the person whose role and affiliation they repeat.
 *
 * What a bare name only suggests stays inside a provisional story (src/identity/groups.ts): a
 * surname finds its bearer, and a name takes the type it has elsewhere, only among articles on
 * the same story, so a run of unrelated articles keeps its namesakes apart. Each mention keeps
 * its own type ("American" is NORP inside the United States); the entity's type is the actor's.
 */
import type { Entity, EntityType } from '../contract.js';
import type { Doc, DocSpan, Span } from '../document.js';
import { CONTEXT_VOTES, type Mention } from '../stages/03-mentions/index.js';
import type { GazetteerRecord } from '../ner/gazetteer.js';
import { defaultModel } from '../ner/tagger.js';
import { provisionalStories, type GroupingMention } from './groups.js';
import { closeSpelling, initials, normaliseName, slug, SpellingIndex } from './names.js';
import { buildPlaceIndex, namesAState, placeKey, titleCase, type PlaceIndex } from './places.js';
import { MEDIA_NAMES, ORG_ALIASES } from './lexicon.js';

interface Item {
  doc: string;
  /** The provisional story of the document. */
  group: number;
  index: number;
  mention: Mention;
  text: string;
  norm: string;
  /** The type of the entity this mention should join (see `harmoniseTypes`). */
  type: EntityType;
  /** The type of this span where it stands: the tagger's, unless evidence about the name settles it. */
  ownType: EntityType;
  key: string | null;
}

interface Bucket {
  key: string;
  type: EntityType;
  items: Item[];
  /** A name chosen from outside the text (a state's everyday name), if any. */
  fixedName: string | null;
  country: string | null;
}

let places: PlaceIndex | null = null;
function placeIndex(): PlaceIndex {
  places ??= buildPlaceIndex(defaultModel().resources.gazetteer);
  return places;
}

function gazetteerRecords(norm: string): GazetteerRecord[] {
  return defaultModel().resources.gazetteer.byPhrase.get(norm) ?? [];
}

export function resolveEntities(docs: readonly Readonly<Doc>[]): Entity[] {
  const items: Item[] = [];
  for (const doc of docs) {
    const mentions = doc.results.mentions?.mentions ?? [];
    mentions.forEach((mention, index) => {
      const text = doc.text.slice(mention.start, mention.end);
      items.push({ doc: doc.id, group: 0, index, mention, text, norm: normaliseName(text), type: mention.type, ownType: mention.spanType ?? mention.type, key: null });
    });
  }
  const groups = provisionalStories(docs, groupingMentions(items));
  for (const item of items) item.group = groups.get(item.doc)!;
  const names = items.filter((item) => item.mention.kind !== 'role' && item.mention.kind !== 'pronoun');
  harmoniseTypes(names);
  const buckets = new Map<string, Bucket>();
  const put = (item: Item, key: string, type: EntityType, fixedName: string | null = null, country: string | null = null) => {
    item.key = key;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { key, type, items: [], fixedName, country };
      buckets.set(key, bucket);
    }
    bucket.items.push(item);
  };

  keyPlaces(names, put);
  keyOrganisations(names, put);
  keyPeople(names, put);
  for (const item of names) {
    if (!item.key) put(item, `${item.type}:${item.norm}`, item.type);
  }
  const keyAt = spanIndex(names);
  keyRoles(items.filter((item) => item.mention.kind === 'role'), names, keyAt, buckets, put);
  return toEntities([...buckets.values()], keyAt, docs);
}

/**
 * Places by the state or region they stand for ("Iranian" and "Tehran" are Iran), organisations
 * and groups by their name; people only by the words of their names, since which people are one
 * is what the grouping helps decide.
 */
function groupingMentions(items: readonly Item[]): GroupingMention[] {
  const grouped: GroupingMention[] = [];
  for (const { doc, mention, text, norm } of items) {
    if (mention.type === 'PERSON' || mention.kind === 'role' || mention.kind === 'pronoun') continue;
    const code = mention.code ?? placeIndex().byName.get(placeKey(text))?.code;
    const key = code ? `place:${code.slice(0, 3)}` : `${mention.type}:${norm}`;
    grouped.push({ doc, start: mention.start, end: mention.end, key, type: mention.type });
  }
  return grouped;
}

/**
 * One type per surface form within a provisional story, from the tagger's guesses there and the
 * words that typed the name anywhere ("the towns of Aldport and Vessby" makes Aldport a town in
 * every story, while "Leeds" a club in a match report stays a club). A bare surname of a full
 * person name in the story is a person, unless it is the name of a state (one wrong "Lebed
 * Chechnya" must not make Chechnya a person). A mention's own type follows only the evidence
 * about its name: the outlet list, the surname, and the words that typed the name anywhere.
 */
function harmoniseTypes(items: Item[]): void {
  const inGroup = (item: Item, norm: string) => `${item.group}\u0000${norm}`;
  const surnames = new Set<string>();
  for (const item of items) if (item.type === 'PERSON' && item.norm.includes(' ')) surnames.add(inGroup(item, item.norm.split(' ').pop()!));
  const guesses = new Map<string, Map<EntityType, number>>();
  const typedByContext = new Map<string, Map<EntityType, number>>();
  for (const item of items) {
    if (item.mention.kind !== 'name') continue;
    const [votes, key, weight] = item.mention.typedByContext ? [typedByContext, item.norm, CONTEXT_VOTES] : [guesses, inGroup(item, item.norm), 1];
    const count = votes.get(key) ?? new Map<EntityType, number>();
    count.set(item.type, (count.get(item.type) ?? 0) + weight);
    votes.set(key, count);
  }
  const votesFor = (item: Item, type: EntityType) => (guesses.get(inGroup(item, item.norm))?.get(type) ?? 0) + (typedByContext.get(item.norm)?.get(type) ?? 0);
  for (const item of items) {
    if (item.mention.kind !== 'name') continue;
    if (MEDIA_NAMES.has(item.norm)) {
      item.type = item.ownType = 'ORG';
      continue;
    }
    if (item.mention.typedByContext) continue;
    if (!item.norm.includes(' ') && surnames.has(inGroup(item, item.norm)) && (item.type === 'GPE' || item.type === 'ORG' || item.type === 'MISC') && !namesAState(placeIndex(), item.norm)) {
      item.type = item.ownType = 'PERSON';
      continue;
    }
    const types = new Set([...(guesses.get(inGroup(item, item.norm))?.keys() ?? []), ...(typedByContext.get(item.norm)?.keys() ?? [])]);
    let best = item.type;
    for (const type of types) if (votesFor(item, type) > votesFor(item, best)) best = type;
    item.type = best;
    // Words that typed the name somewhere ("residents of Kessering") speak for this span too; the
    // other mentions' guesses do not.
    if (typedByContext.has(item.norm)) item.ownType = best;
  }
}

type Put = (item: Item, key: string, type: EntityType, fixedName?: string | null, country?: string | null) => void;

function keyPlaces(items: Item[], put: Put): void {
  const index = placeIndex();
  for (const item of items) {
    if (item.type !== 'GPE' && item.type !== 'NORP' && item.type !== 'LOC') continue;
    const key = placeKey(item.text);
    const entry = index.byName.get(key);
    const code = item.mention.code ?? entry?.code ?? null;
    if (item.mention.kind === 'metonym' && code) {
      put(item, `place:${code}`, 'GPE', index.display.get(code) ?? code, code.slice(0, 3));
    } else if (entry && entry.kind !== 'place') {
      put(item, `place:${entry.code}`, 'GPE', index.display.get(entry.code) ?? entry.code, entry.code.slice(0, 3));
    } else if (entry) {
      put(item, `place:${entry.code}:${key}`, item.type === 'NORP' ? 'GPE' : item.type, titleCase(key), entry.code.slice(0, 3));
    } else if (item.type === 'GPE' || item.type === 'LOC') {
      put(item, `${item.type}:${key}`, item.type);
    }
  }
}

function keyOrganisations(items: Item[], put: Put): void {
  const orgs = items.filter((item) => item.type === 'ORG' && !item.key);
  // Full names known in the corpus, by their initials, for acronyms.
  const byInitials = new Map<string, Set<string>>();
  const keyOf = (item: Item): string => {
    const norm = ORG_ALIASES[item.norm] ?? item.norm;
    const record = gazetteerRecords(norm).find((r) => r.kind === 'org');
    return record ? `org:${record.names[0]}` : `org:${norm}`;
  };
  for (const item of orgs) {
    if (item.mention.kind === 'acronym') continue;
    const words = item.text.split(/\s+/);
    if (words.length < 2) continue;
    const letters = initials(item.text);
    const set = byInitials.get(letters) ?? new Set<string>();
    set.add(keyOf(item));
    byInitials.set(letters, set);
  }
  for (const item of orgs) {
    // An acronym whose expansion the corpus spells out is that expansion, whatever the
    // dictionaries hold for the letters alone ("UN" with "United Nations" elsewhere).
    if (item.mention.kind === 'acronym') {
      const expansions = byInitials.get(item.text.replace(/\./g, ''));
      if (expansions && expansions.size === 1) {
        put(item, [...expansions][0]!, 'ORG');
        continue;
      }
    }
    put(item, keyOf(item), 'ORG');
  }
  // "Brigade" alone, in a document that names the "Northern Brigade": longer names filed by
  // document and last word, so a short form finds them without a scan of the document.
  const byLastWord = new Map<string, Item[]>();
  for (const item of orgs) {
    const space = item.norm.lastIndexOf(' ');
    if (space < 0) continue;
    const key = `${item.doc}\u0000${item.norm.slice(space + 1)}`;
    const list = byLastWord.get(key);
    if (list) list.push(item);
    else byLastWord.set(key, [item]);
  }
  for (const item of orgs) {
    if (item.norm.includes(' ')) continue;
    // The short form must be the longer name's head, not its complement ("Kessering" is not
    // the "University of Kessering").
    const longer = (byLastWord.get(`${item.doc}\u0000${item.norm}`) ?? []).filter((other) => !/\b(?:of|for|the|and|de|al)$/u.test(other.norm.slice(0, -item.norm.length - 1)));
    const keys = new Set(longer.map((other) => other.key!));
    if (keys.size === 1) moveItem(item, [...keys][0]!, put);
  }
}

/** Re-keys an item that was already put in a bucket (the old bucket drops it when entities are built). */
function moveItem(item: Item, key: string, put: Put): void {
  put(item, key, item.type);
}

function keyPeople(items: Item[], put: Put): void {
  const people = items.filter((item) => item.type === 'PERSON' && !item.key);
  const full = people.filter((item) => item.norm.includes(' '));
  // Full names: exact normal form, or the same given name with a surname one edit away (the
  // first such name met).
  const canonical = new SpellingIndex<{ key: string; last: string; words: string[] }>();
  const keyOfFull = (norm: string): string => {
    const words = norm.split(' ');
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const match = canonical.near(last, first).find((c) => closeSpelling(c.last, last) && (c.words.length === words.length || c.last === last));
    if (match) return match.key;
    const key = `person:${norm}`;
    canonical.add(last, { key, last, words }, first);
    return key;
  };
  // Longer names first, so "Vladimir Putin" is the key before any variant of it.
  for (const item of [...full].sort((a, b) => b.norm.length - a.norm.length)) put(item, keyOfFull(item.norm), 'PERSON');

  // Per provisional story and surname: which full-name entities carry it there, in how many
  // documents, and first seen where. A bare surname looks for its bearer in its own story only.
  const bySurname = new Map<string, Map<string, { docs: Set<string>; firstAt: Map<string, number> }>>();
  const surnameIn = (group: number, surname: string) => `${group}\u0000${surname}`;
  for (const item of full) {
    const last = surnameIn(item.group, item.norm.split(' ').pop()!);
    const entry = bySurname.get(last) ?? new Map();
    const info = entry.get(item.key!) ?? { docs: new Set<string>(), firstAt: new Map<string, number>() };
    info.docs.add(item.doc);
    if (!info.firstAt.has(item.doc) || info.firstAt.get(item.doc)! > item.mention.start) info.firstAt.set(item.doc, item.mention.start);
    entry.set(item.key!, info);
    bySurname.set(last, entry);
  }
  const singles = people.filter((item) => !item.norm.includes(' '));
  const surnames = new SpellingIndex<string>();
  for (const key of bySurname.keys()) {
    const [group, surname] = key.split('\u0000') as [string, string];
    surnames.add(surname, surname, group);
  }
  const candidatesOf = (item: Item) => {
    const exact = bySurname.get(surnameIn(item.group, item.norm));
    if (exact) return exact;
    // A misspelt surname close to exactly one known one.
    const close = surnames.near(item.norm, String(item.group)).filter((surname) => closeSpelling(surname, item.norm));
    return close.length === 1 ? bySurname.get(surnameIn(item.group, close[0]!)) : undefined;
  };
  // First the surnames of documents that name a bearer in full, then the rest, which may lean on
  // how often each bearer was meant so far.
  const weight = new Map<string, number>();
  for (const item of full) weight.set(item.key!, (weight.get(item.key!) ?? 0) + 1);
  const later: Item[] = [];
  for (const item of singles) {
    const candidates = candidatesOf(item);
    if (!candidates) {
      put(item, loneSurnameKey(item), 'PERSON');
      continue;
    }
    const inDoc = [...candidates.values()].some((info) => info.firstAt.has(item.doc));
    if (!inDoc && candidates.size > 1) {
      later.push(item);
      continue;
    }
    const chosen = chooseBearer(candidates, item, weight);
    if (chosen) weight.set(chosen, (weight.get(chosen) ?? 0) + 1);
    put(item, chosen ?? loneSurnameKey(item), 'PERSON');
  }
  for (const item of later) put(item, chooseBearer(candidatesOf(item)!, item, weight) ?? loneSurnameKey(item), 'PERSON');
}

/** A surname nobody in its story bears in full: one person per story, since namesakes abound. */
function loneSurnameKey(item: Item): string {
  return `person:${item.norm}\u0000${item.group}`;
}

/**
 * Which of several people with one surname a bare surname means: the one named in full in this
 * document (the first introduced, when two are), else the one named in most documents, then the
 * one most often meant so far; when the corpus cannot tell, nobody (the surname keeps its own
 * entity).
 */
function chooseBearer(candidates: Map<string, { docs: Set<string>; firstAt: Map<string, number> }>, item: Item, weight: Map<string, number>): string | null {
  const entries = [...candidates.entries()];
  if (entries.length === 1) return entries[0]![0];
  const here = entries.filter(([, info]) => info.firstAt.has(item.doc));
  if (here.length > 0) {
    const before = here.filter(([, info]) => info.firstAt.get(item.doc)! < item.mention.start);
    const pool = before.length > 0 ? before : here;
    pool.sort((a, b) => b[1].docs.size - a[1].docs.size || a[1].firstAt.get(item.doc)! - b[1].firstAt.get(item.doc)!);
    return pool[0]![0];
  }
  const score = (key: string, info: { docs: Set<string> }) => info.docs.size * 1000 + (weight.get(key) ?? 0);
  entries.sort((a, b) => score(b[0], b[1]) - score(a[0], a[1]));
  if (score(entries[0]![0], entries[0]![1]) === score(entries[1]![0], entries[1]![1])) return null;
  return entries[0]![0];
}

type KeyAt = (doc: string, span: Span) => string | null;

const LEADER_TITLES = new Set(['president', 'prime minister', 'head', 'chief', 'ruler', 'king', 'queen', 'emir', 'premier', 'chancellor', 'supreme leader']);

/** The key of the (first) item at exactly this span of this document, as it stands when asked. */
function spanIndex(items: Item[]): KeyAt {
  const at = new Map<string, Item>();
  for (const item of items) {
    const place = `${item.doc}\u0000${item.mention.start}:${item.mention.end}`;
    if (!at.has(place)) at.set(place, item);
  }
  return (doc, span) => at.get(`${doc}\u0000${span.start}:${span.end}`)?.key ?? null;
}

/** A role as compared between mentions: its words, without a leading "top" or "senior". */
function roleHead(value: string): string {
  return value.replace(/^(?:top|senior|the)\s+/, '');
}

interface RoleHolders {
  anywhere: Set<string>;
  byDoc: Map<string, Set<string>>;
}

function keyRoles(roles: Item[], names: Item[], keyAt: KeyAt, buckets: Map<string, Bucket>, put: Put): void {
  // Every (role head, affiliation) said of a person by name, with where it was said.
  const known = new Map<string, { person: string; doc: string }[]>();
  for (const item of names) {
    if (item.type !== 'PERSON' || !item.mention.role || !item.mention.affiliation || !item.key) continue;
    const affiliation = keyAt(item.doc, item.mention.affiliation);
    if (!affiliation) continue;
    const key = `${roleHead(item.mention.role.value)}\u0000${affiliation}`;
    const list = known.get(key);
    if (list) list.push({ person: item.key, doc: item.doc });
    else known.set(key, [{ person: item.key, doc: item.doc }]);
  }
  // The people who hold a role of an affiliation, gathered once per (role, affiliation) asked.
  const holders = new Map<string, RoleHolders>();
  const holdersOf = (head: string, affiliation: string): RoleHolders => {
    const key = `${head}\u0000${affiliation}`;
    let found = holders.get(key);
    if (!found) {
      found = { anywhere: new Set(), byDoc: new Map() };
      // "the Chechen leader" also names whoever leads Chechnya under a more precise title.
      const heads = head === 'leader' ? new Set([head, ...LEADER_TITLES]) : [head];
      for (const title of heads) {
        for (const k of known.get(`${title}\u0000${affiliation}`) ?? []) {
          found.anywhere.add(k.person);
          const here = found.byDoc.get(k.doc) ?? new Set<string>();
          here.add(k.person);
          found.byDoc.set(k.doc, here);
        }
      }
      holders.set(key, found);
    }
    return found;
  };
  for (const item of roles) {
    if (!item.mention.role || !item.mention.affiliation) continue;
    const affiliation = keyAt(item.doc, item.mention.affiliation);
    if (!affiliation) continue;
    const { anywhere, byDoc } = holdersOf(roleHead(item.mention.role.value), affiliation);
    const here = byDoc.get(item.doc) ?? new Set<string>();
    const person = here.size === 1 ? [...here][0]! : here.size === 0 && anywhere.size === 1 ? [...anywhere][0]! : null;
    if (person && buckets.has(person)) put(item, person, 'PERSON');
  }
}

function toEntities(buckets: Bucket[], keyAt: KeyAt, docs: readonly Readonly<Doc>[]): Entity[] {
  const textOf = new Map(docs.map((doc) => [doc.id, doc.text]));
  // An item moved to another bucket leaves the first one.
  for (const bucket of buckets) bucket.items = bucket.items.filter((item) => item.key === bucket.key);
  const live = buckets.filter((bucket) => bucket.items.length > 0);
  const nameOfKey = new Map<string, string>();
  for (const bucket of live) nameOfKey.set(bucket.key, displayName(bucket));
  const used = new Set<string>();
  const entities: Entity[] = live.map((bucket) => {
    const name = nameOfKey.get(bucket.key)!;
    let id = `${bucket.type.toLowerCase()}-${slug(name)}`;
    for (let n = 2; used.has(id); n++) id = `${bucket.type.toLowerCase()}-${slug(name)}-${n}`;
    used.add(id);
    const items = [...bucket.items].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.mention.start - b.mention.start));
    const mentionCounts: Record<string, number> = {};
    for (const item of items) mentionCounts[item.doc] = (mentionCounts[item.doc] ?? 0) + 1;
    const aliases = [...new Set(items.filter((item) => item.mention.kind !== 'role').map((item) => item.text.replace(/[’']s?$/, '').trim()))].filter((alias) => alias !== name);
    const facts: Entity['facts'] = [];
    const seenFacts = new Set<string>();
    const addFact = (kind: Entity['facts'][number]['kind'], value: string, evidence: DocSpan) => {
      // One fact per kind and value, with its first evidence: the contract holds one span per fact.
      const key = `${kind}|${value.toLowerCase()}`;
      if (seenFacts.has(key)) return;
      seenFacts.add(key);
      facts.push({ kind, value, evidence });
    };
    let country = bucket.country;
    for (const item of items) {
      const { role, affiliation } = item.mention;
      if (role && item.mention.kind !== 'role') addFact('role', role.value, { doc: item.doc, start: role.start, end: role.end });
      if (affiliation && item.mention.kind !== 'role') {
        const key = keyAt(item.doc, affiliation);
        const value = (key && nameOfKey.get(key)) ?? textOf.get(item.doc)!.slice(affiliation.start, affiliation.end);
        addFact('affiliation', value, { doc: item.doc, ...affiliation });
        if (!country && key?.startsWith('place:')) country = key.slice(6, 9);
      }
    }
    if (!country && bucket.type === 'PERSON') {
      const record = gazetteerRecords(items.find((item) => item.norm.includes(' '))?.norm ?? '').find((r) => r.kind === 'person');
      if (record && /^[A-Z]{3}/.test(record.code)) country = record.code.slice(0, 3);
    }
    return {
      id,
      name,
      type: bucket.type,
      aliases,
      mentions: items.map((item) => ({ doc: item.doc, start: item.mention.start, end: item.mention.end, kind: item.mention.kind, type: item.ownType })),
      mentionCounts,
      facts,
      country: country ?? null,
    };
  });
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  return entities;
}

function displayName(bucket: Bucket): string {
  if (bucket.fixedName) return bucket.fixedName;
  const counts = new Map<string, number>();
  for (const item of bucket.items) {
    if (item.mention.kind !== 'name' && item.mention.kind !== 'acronym') continue;
    const text = item.text.replace(/[’']s?$/, '').replace(/^(?:the|The)\s+/, '').trim();
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  if (counts.size === 0) return bucket.items[0]!.text;
  // The longest form for people and organisations ("Ramzan Kadyrov" over "Kadyrov"), ties by frequency.
  return [...counts.entries()].sort((a, b) => b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

