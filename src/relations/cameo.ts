/**
 * Our relation kinds and the CAMEO event codes they stand for. CAMEO (the Conflict and Mediation
 * Event Observations codebook) is the coding scheme event-data projects share, so a relation
 * carries its code and analysts can join our output with theirs. The table is ours: which CAMEO
 * codes count as which of our kinds. Codes we do not list are acts we do not report.
 *
 * Two kinds have no CAMEO code of their own. "Allied with" is coded as diplomatic cooperation
 * (050). "Designates as terrorist" is coded as a ban (1722): the Phoenix verb dictionary codes
 * adding a group to a list of banned parties so.
 */
import type { RelationKind } from '../contract.js';

/** CAMEO code → our kind, for the codes the verb patterns may yield. */
export const KIND_OF_CODE: Readonly<Record<string, RelationKind>> = {
  '040': 'meets',
  '044': 'meets',
  '046': 'meets',
  '042': 'visits',
  '043': 'hosts',
  '045': 'mediates',
  '050': 'supports',
  '051': 'supports',
  '052': 'supports',
  '053': 'supports',
  '0332': 'offers-forces',
  '0334': 'offers-forces',
  '033': 'offers-aid',
  '0331': 'offers-aid',
  '0333': 'offers-aid',
  '061': 'funds',
  '071': 'funds',
  '062': 'arms',
  '072': 'arms',
  '070': 'supplies',
  '073': 'supplies',
  '110': 'opposes',
  '113': 'opposes',
  '111': 'condemns',
  '112': 'accuses',
  '1121': 'accuses',
  '1122': 'accuses',
  '1123': 'accuses',
  '1124': 'accuses',
  '1125': 'accuses',
  '130': 'threatens',
  '138': 'threatens',
  '1722': 'designates-terrorist',
  '074': 'deploys',
  '150': 'deploys',
  '152': 'deploys',
  '154': 'deploys',
  '180': 'attacks',
  '190': 'attacks',
  '192': 'attacks',
  '193': 'attacks',
  '194': 'attacks',
  '195': 'attacks',
};

/** The code a relation of each kind gets when its words give no more specific one. */
export const CODE_OF_KIND: Readonly<Record<RelationKind, string>> = {
  supports: '051',
  opposes: '110',
  condemns: '111',
  accuses: '112',
  threatens: '130',
  attacks: '190',
  meets: '040',
  hosts: '043',
  visits: '042',
  'allied-with': '050',
  funds: '071',
  arms: '072',
  supplies: '070',
  'offers-forces': '0334',
  'offers-aid': '033',
  mediates: '045',
  'designates-terrorist': '1722',
  deploys: '154',
};

/** Kinds whose two actors stand in the same relation to each other ("A met B" = "B met A"). */
export const SYMMETRIC_KINDS: ReadonlySet<RelationKind> = new Set(['allied-with', 'meets']);

/** The CAMEO root categories, as the codebook names them. */
export const CAMEO_ROOT_NAMES: Readonly<Record<string, string>> = {
  '01': 'make public statement',
  '02': 'appeal',
  '03': 'express intent to cooperate',
  '04': 'consult',
  '05': 'engage in diplomatic cooperation',
  '06': 'engage in material cooperation',
  '07': 'provide aid',
  '08': 'yield',
  '09': 'investigate',
  '10': 'demand',
  '11': 'disapprove',
  '12': 'reject',
  '13': 'threaten',
  '14': 'protest',
  '15': 'exhibit force posture',
  '16': 'reduce relations',
  '17': 'coerce',
  '18': 'assault',
  '19': 'fight',
  '20': 'use unconventional mass violence',
};

/** The CAMEO root of a code: its first two digits. */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

/** The CAMEO code for a relation of `kind`: the code its words gave, when it codes that kind. */
export function cameoFor(kind: RelationKind, code: string | null): string {
  return code && KIND_OF_CODE[code] === kind ? code : CODE_OF_KIND[kind];
}
