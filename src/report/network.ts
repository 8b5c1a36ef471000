/**
 * The actor network section: who does what to whom, drawn as an inline SVG and listed as a table,
 * in HTML; the table alone in Markdown. Nodes are entities sized by their mentions, edges are
 * relations coloured by family and labelled with their kind, so colour is never the only channel;
 * a dashed edge is negated, a dotted one hedged. Every edge links to its row in the table, and
 * every row to the words that carry it.
 *
 * The layout is ours, not a library's: the page must stay one self-contained file with no script,
 * and a graph of news actors is small (at most 40 are drawn) and usually has a hub. The most
 * connected actor sits in the centre and the others on a circle around it, in an order that puts
 * linked actors side by side. Nothing is random, so the same analysis always draws the same picture.
 */
import type { Analysis, RelationKind } from '../contract.js';
import { CAMEO_ROOT_NAMES } from '../relations/cameo.js';
import { outletLabels, type EvidenceLink } from './crosscheck.js';
import { escapeHtml as esc, escapeXml as xml } from './escape.js';
import { actorNetwork, type NetworkEdge, type NetworkNode } from './graph.js';
import { spanLabel, truncate } from './present.js';
import { formatIsoDate } from './timeline.js';
import { markdownNote, markdownTable, namesOf, outletLinks, voiceLabel, type Names } from './view-parts.js';

export type Family = 'cooperation' | 'meeting' | 'help' | 'censure' | 'force';

/** Five colours that stay apart for colour-blind readers (Okabe and Ito's palette). */
export const FAMILIES: Record<Family, { colour: string; name: string }> = {
  cooperation: { colour: '#009e73', name: 'support and cooperation' },
  meeting: { colour: '#0072b2', name: 'meetings and visits' },
  help: { colour: '#cc79a7', name: 'material help' },
  censure: { colour: '#e69f00', name: 'criticism and accusation' },
  force: { colour: '#d55e00', name: 'threats and force' },
};

export const FAMILY_OF: Record<RelationKind, Family> = {
  supports: 'cooperation',
  'allied-with': 'cooperation',
  mediates: 'cooperation',
  meets: 'meeting',
  hosts: 'meeting',
  visits: 'meeting',
  funds: 'help',
  arms: 'help',
  supplies: 'help',
  'offers-forces': 'help',
  'offers-aid': 'help',
  opposes: 'censure',
  condemns: 'censure',
  accuses: 'censure',
  'designates-terrorist': 'censure',
  threatens: 'force',
  attacks: 'force',
  deploys: 'force',
};

const KIND_LABELS: Partial<Record<RelationKind, string>> = {
  'allied-with': 'allied with',
  'offers-forces': 'offers forces',
  'offers-aid': 'offers aid',
  'designates-terrorist': 'designates as terrorist',
};

/** A kind the palette does not know (a newer analysis) is drawn grey. */
export const familyOf = (kind: RelationKind): Family | null => FAMILY_OF[kind] ?? null;
export const colourOf = (kind: RelationKind) => {
  const family = familyOf(kind);
  return family ? FAMILIES[family].colour : '#57606a';
};
export const kindLabel = (kind: RelationKind) => KIND_LABELS[kind] ?? kind;

/** "supports", "not condemns". */
export function relationLabel(relation: { relation: RelationKind; negated: boolean }): string {
  return `${relation.negated ? 'not ' : ''}${kindLabel(relation.relation)}`;
}

/** "negated, hedged", or nothing. */
export function marksOf(relation: { negated: boolean; hedged: boolean }): string {
  return [relation.negated ? 'negated' : '', relation.hedged ? 'hedged' : ''].filter(Boolean).join(', ');
}

export function cameoLabel(cameo: string, root: string): string {
  const name = CAMEO_ROOT_NAMES[root];
  return name ? `${cameo} (${root}: ${name})` : cameo;
}

/** The drawing shows at most this many actors; the table lists every relation. */
export const MAX_DRAWN_NODES = 40;

export interface DrawnEdge {
  source: string;
  target: string;
  relation: RelationKind;
  negated: boolean;
  hedged: boolean;
  evidence: number;
  /** The table row of its first relation. */
  row: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Edges with the same ends, kind, negation and hedging are one line; self-loops stay in the table. */
export function drawnEdges(edges: readonly NetworkEdge[], rowOf: ReadonlyMap<string, number>): DrawnEdge[] {
  const drawn = new Map<string, DrawnEdge>();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    const key = [edge.source, edge.target, edge.relation, edge.negated, edge.hedged].join('\u0000');
    const found = drawn.get(key);
    if (found) found.evidence += edge.evidence.length;
    else drawn.set(key, { source: edge.source, target: edge.target, relation: edge.relation, negated: edge.negated, hedged: edge.hedged, evidence: edge.evidence.length, row: rowOf.get(edge.id)! });
  }
  return [...drawn.values()];
}

export interface Layout {
  nodes: { node: NetworkNode; at: Point; radius: number; label: { at: Point; anchor: 'start' | 'middle' | 'end' } }[];
  edges: DrawnEdge[];
  width: number;
  height: number;
  omitted: number;
}

const LABEL_MARGIN_X = 170;
const LABEL_MARGIN_Y = 48;
const LEGEND_HEIGHT = 112;

/**
 * The order of the actors around the circle: a breadth-first walk from the most connected, so that
 * linked actors sit side by side and their edges stay short; an unlinked group follows as a block.
 * Links through the hub in the centre are left out, since they do not cross the circle.
 */
function ringOrder(ranked: readonly NetworkNode[], edges: readonly DrawnEdge[], hub: string | null): NetworkNode[] {
  const rank = new Map(ranked.map((node, at) => [node.id, at]));
  const neighbours = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.source === hub || edge.target === hub || !rank.has(edge.source) || !rank.has(edge.target)) continue;
    for (const [from, to] of [[edge.source, edge.target], [edge.target, edge.source]] as const) neighbours.set(from, (neighbours.get(from) ?? new Set()).add(to));
  }
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  const placed = new Set<string>();
  const order: NetworkNode[] = [];
  const byId = new Map(ranked.map((node) => [node.id, node]));
  for (const start of ranked) {
    if (start.id === hub || placed.has(start.id)) continue;
    const queue = [start.id];
    placed.add(start.id);
    for (let at = 0; at < queue.length; at++) {
      order.push(byId.get(queue[at]!)!);
      for (const next of [...(neighbours.get(queue[at]!) ?? [])].sort(byRank)) {
        if (placed.has(next)) continue;
        placed.add(next);
        queue.push(next);
      }
    }
  }
  return order;
}

/** The most connected actor in the centre (with four or more drawn), the others around it. */
export function layout(network: { nodes: readonly NetworkNode[] }, edges: readonly DrawnEdge[]): Layout {
  const degree = new Map<string, number>();
  for (const edge of edges) for (const id of [edge.source, edge.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const connected = network.nodes.filter((node) => degree.has(node.id));
  const ranked = [...connected].sort((a, b) => degree.get(b.id)! - degree.get(a.id)! || b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const shown = ranked.slice(0, MAX_DRAWN_NODES);
  const shownIds = new Set(shown.map((node) => node.id));
  const shownEdges = edges.filter((edge) => shownIds.has(edge.source) && shownIds.has(edge.target));
  const hub = shown.length >= 4 ? shown[0]! : null;
  const ring = ringOrder(shown, shownEdges, hub?.id ?? null);
  const ringRadius = Math.min(380, Math.max(150, ring.length * 24));
  const width = 2 * (ringRadius + LABEL_MARGIN_X);
  const height = 2 * (ringRadius + LABEL_MARGIN_Y);
  const centre = { x: width / 2, y: height / 2 };
  const most = Math.max(1, ...shown.map((node) => node.mentions));
  const radiusOf = (node: NetworkNode) => 6 + 16 * Math.sqrt(node.mentions / most);
  const placed: Layout['nodes'] = [];
  if (hub) {
    const radius = radiusOf(hub);
    placed.push({ node: hub, at: centre, radius, label: { at: { x: centre.x, y: centre.y + radius + 14 }, anchor: 'middle' } });
  }
  ring.forEach((node, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / ring.length;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const at = { x: centre.x + ringRadius * cos, y: centre.y + ringRadius * sin };
    const radius = radiusOf(node);
    // Names go outwards, away from the edges inside the circle.
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const label = { x: at.x + (radius + 6) * cos, y: at.y + (radius + 6) * sin + (anchor === 'middle' ? (sin < 0 ? -4 : 12) : 4) };
    placed.push({ node, at, radius, label: { at: label, anchor } });
  });
  return { nodes: placed, edges: shownEdges, width, height, omitted: connected.length - shown.length };
}

const round = (value: number) => Math.round(value * 10) / 10;

function unit(from: Point, to: Point): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
}

/** The edges between two actors fan out side by side, centred on the straight line: −0.5, +0.5 for two. */
function fanOffsets(edges: readonly DrawnEdge[]): number[] {
  const pairKey = (edge: DrawnEdge) => (edge.source < edge.target ? `${edge.source}\u0000${edge.target}` : `${edge.target}\u0000${edge.source}`);
  const sizes = new Map<string, number>();
  for (const edge of edges) sizes.set(pairKey(edge), (sizes.get(pairKey(edge)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return edges.map((edge) => {
    const key = pairKey(edge);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return index - (sizes.get(key)! - 1) / 2;
  });
}

const FAN_STEP = 34;

/** Where each drawn edge runs: a quadratic curve from `start` through `control` to `end`, its label at `labelAt`. */
export interface EdgeShape {
  edge: DrawnEdge;
  start: Point;
  control: Point;
  end: Point;
  labelAt: Point;
  /** Stroke width, wider with more evidence. */
  width: number;
  /** "not condemns?", "supports ×3". */
  label: string;
}

/** The curves of a layout's edges: between a pair of actors they fan apart, and they stop at the circles' rims. */
export function edgeShapes(drawing: Layout): EdgeShape[] {
  const position = new Map(drawing.nodes.map((placed) => [placed.node.id, placed]));
  const offsets = fanOffsets(drawing.edges);
  return drawing.edges.map((edge, index) => {
    const from = position.get(edge.source)!;
    const to = position.get(edge.target)!;
    // The side of a pair's line is measured one way for both directions, so A→B and B→A fan apart.
    const [low, high] = edge.source < edge.target ? [from.at, to.at] : [to.at, from.at];
    const along = unit(low, high);
    const side = { x: -along.y, y: along.x };
    const bend = offsets[index]! * FAN_STEP;
    const middle = { x: (from.at.x + to.at.x) / 2, y: (from.at.y + to.at.y) / 2 };
    const control = { x: middle.x + 2 * bend * side.x, y: middle.y + 2 * bend * side.y };
    const leave = unit(from.at, control);
    const arrive = unit(control, to.at);
    const start = { x: from.at.x + leave.x * from.radius, y: from.at.y + leave.y * from.radius };
    const end = { x: to.at.x - arrive.x * (to.radius + 2), y: to.at.y - arrive.y * (to.radius + 2) };
    // Labels of edges between the same two actors sit at different points along them, not side by side.
    const alongLow = 0.5 + offsets[index]! * 0.14;
    const t = edge.source < edge.target ? alongLow : 1 - alongLow;
    const labelAt = { x: (1 - t) ** 2 * from.at.x + 2 * (1 - t) * t * control.x + t ** 2 * to.at.x, y: (1 - t) ** 2 * from.at.y + 2 * (1 - t) * t * control.y + t ** 2 * to.at.y };
    const width = round(1.5 + Math.min(3, Math.log2(Math.max(1, edge.evidence))));
    const label = `${edge.negated ? 'not ' : ''}${kindLabel(edge.relation)}${edge.hedged ? '?' : ''}${edge.evidence > 1 ? ` ×${edge.evidence}` : ''}`;
    return { edge, start, control, end, labelAt, width, label };
  });
}

function svgEdges(drawing: Layout, names: Names): string[] {
  return edgeShapes(drawing).map(({ edge, start, control, end, labelAt, width, label }) => {
    const family = familyOf(edge.relation) ?? 'other';
    const dash = edge.negated ? ' stroke-dasharray="7 4"' : edge.hedged ? ' stroke-dasharray="2 3"' : '';
    const title = `${names.entity(edge.source)} ${relationLabel(edge)} ${names.entity(edge.target)}${edge.hedged ? ' (hedged)' : ''}: ${edge.evidence} evidence span(s)`;
    return (
      `<a href="#relation-${edge.row}"><title>${xml(title)}</title>` +
      `<path d="M${round(start.x)} ${round(start.y)} Q${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}" fill="none" stroke="${colourOf(edge.relation)}" stroke-width="${width}"${dash} marker-end="url(#arrow-${family})"/>` +
      `<text x="${round(labelAt.x)}" y="${round(labelAt.y + 4)}" text-anchor="middle" class="edge-label" fill="${colourOf(edge.relation)}">${xml(label)}</text></a>`
    );
  });
}

function svgNodes(drawing: Layout, known: ReadonlySet<string>): string[] {
  return drawing.nodes.map(({ node, at, radius, label }) => {
    const shape =
      `<title>${xml(`${node.name}${node.type ? ` (${node.type})` : ''}: ${node.mentions} mention(s)`)}</title>` +
      `<circle cx="${round(at.x)}" cy="${round(at.y)}" r="${round(radius)}" class="node"/>` +
      `<text x="${round(label.at.x)}" y="${round(label.at.y)}" text-anchor="${label.anchor}" class="node-label">${xml(truncate(node.name, 26))}</text>`;
    // A node links to the actor's row in the entities table, which carries the entity's id.
    return known.has(node.id) ? `<a href="#${xml(node.id)}">${shape}</a>` : `<g>${shape}</g>`;
  });
}

/** The legend under the drawing: each colour with its kinds, then what dashes and dots mean. */
function svgLegend(top: number): string[] {
  const kindsOf = new Map<Family, string[]>();
  for (const [kind, family] of Object.entries(FAMILY_OF) as [RelationKind, Family][]) kindsOf.set(family, [...(kindsOf.get(family) ?? []), kindLabel(kind)]);
  const rows = (Object.entries(FAMILIES) as [Family, { colour: string; name: string }][]).map(
    ([family, { colour, name }], index) =>
      `<line x1="12" y1="${top + 10 + index * 16}" x2="44" y2="${top + 10 + index * 16}" stroke="${colour}" stroke-width="3"/><text x="52" y="${top + 14 + index * 16}" class="legend-text">${xml(`${name}: ${kindsOf.get(family)!.join(', ')}`)}</text>`,
  );
  const styles = top + 10 + 5 * 16;
  rows.push(
    `<line x1="12" y1="${styles}" x2="44" y2="${styles}" stroke="#57606a" stroke-width="2"/><text x="52" y="${styles + 4}" class="legend-text">stated</text>`,
    `<line x1="112" y1="${styles}" x2="144" y2="${styles}" stroke="#57606a" stroke-width="2" stroke-dasharray="7 4"/><text x="152" y="${styles + 4}" class="legend-text">negated (“not”)</text>`,
    `<line x1="262" y1="${styles}" x2="294" y2="${styles}" stroke="#57606a" stroke-width="2" stroke-dasharray="2 3"/><text x="302" y="${styles + 4}" class="legend-text">hedged (“?”); ×n: evidence spans; circle size: mentions</text>`,
  );
  return rows;
}

function svgMarkers(): string {
  const families = [...(Object.entries(FAMILIES) as [string, { colour: string }][]), ['other', { colour: '#57606a' }] as const];
  return `<defs>${families
    .map(([family, { colour }]) => `<marker id="arrow-${family}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`)
    .join('')}</defs>`;
}

function networkSvg(analysis: Analysis, network: ReturnType<typeof actorNetwork>, rowOf: ReadonlyMap<string, number>, names: Names): { svg: string; omitted: number } | null {
  const drawing = layout(network, drawnEdges(network.edges, rowOf));
  if (drawing.nodes.length === 0) return null;
  const known = new Set(analysis.entities.map((entity) => entity.id));
  const height = drawing.height + LEGEND_HEIGHT;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 ${drawing.width} ${height}" width="${drawing.width}" height="${height}" role="group" aria-label="Actor network: ${drawing.nodes.length} actors, ${drawing.edges.length} relations">`,
    svgMarkers(),
    ...svgEdges(drawing, names),
    ...svgNodes(drawing, known),
    ...svgLegend(drawing.height),
    '</svg>',
  ].join('');
  return { svg, omitted: drawing.omitted };
}

export function networkHtml(analysis: Analysis, link: EvidenceLink): string {
  const parts = ['<h2 id="relations">Who does what to whom</h2>'];
  if (analysis.relations.length === 0) {
    parts.push('<p>No relations between actors found.</p>');
    return parts.join('\n');
  }
  const names = namesOf(analysis);
  const outlets = outletLabels(analysis);
  const network = actorNetwork(analysis);
  const rowOf = new Map(analysis.relations.map((relation, index) => [relation.id, index + 1]));
  const drawing = networkSvg(analysis, network, rowOf, names);
  if (drawing) {
    const omitted = drawing.omitted ? ` The drawing shows the ${MAX_DRAWN_NODES} most connected actors; ${drawing.omitted} more are in the table only.` : '';
    parts.push(`<p class="muted">Circles are actors, sized by their mentions; arrows go from who acts to whom, coloured by kind and labelled. Select an arrow for its row below.${omitted}</p>`);
    parts.push(`<div class="network-figure">${drawing.svg}</div>`);
  } else parts.push('<p class="muted">No relation has two actors to draw; the table lists them.</p>');
  const rows = analysis.relations.map((relation, index) => {
    const voices = relation.voices.map((voice) => esc(`${outlets.get(voice.doc) ?? voice.doc}: ${voiceLabel(voice.kind, names.speaker(voice.speaker, voice.quote))}`));
    const evidence = outletLinks(relation.evidence, outlets, link);
    const family = familyOf(relation.relation) ?? 'other';
    return `<tr id="relation-${index + 1}"><td>${esc(names.entity(relation.subject))}</td><td class="relation family-${family}">${esc(relationLabel(relation))}</td><td>${esc(relation.object === null ? '—' : names.entity(relation.object))}</td><td>${esc(cameoLabel(relation.cameo, relation.cameoRoot))}</td><td>${esc(marksOf(relation))}</td><td>${esc(relation.date === null ? '' : formatIsoDate(relation.date))}</td><td>${voices.join('<br>')}</td><td>${evidence}</td><td>${esc(truncate(relation.text, 200))}</td></tr>`;
  });
  parts.push(
    `<table class="relations"><thead><tr><th>who</th><th>does what</th><th>to whom</th><th>CAMEO</th><th>marks</th><th>date</th><th>in whose words</th><th>evidence</th><th>wording</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
  return parts.join('\n');
}

export function networkMarkdown(analysis: Analysis): string[] {
  const out = ['## Who does what to whom', ''];
  if (analysis.relations.length === 0) return [...out, ...markdownNote('No relations between actors found.')];
  const names = namesOf(analysis);
  const outlets = outletLabels(analysis);
  const rows = analysis.relations.map((relation) => [
    names.entity(relation.subject),
    relationLabel(relation),
    relation.object === null ? '—' : names.entity(relation.object),
    cameoLabel(relation.cameo, relation.cameoRoot),
    marksOf(relation),
    relation.date === null ? '' : formatIsoDate(relation.date),
    relation.voices.map((voice) => `${outlets.get(voice.doc) ?? voice.doc}: ${voiceLabel(voice.kind, names.speaker(voice.speaker, voice.quote))}`).join('; '),
    relation.evidence.map((span) => `${outlets.get(span.doc) ?? span.doc} (${spanLabel(span)})`).join('; '),
    truncate(relation.text, 200),
  ]);
  return [...out, ...markdownTable(['who', 'does what', 'to whom', 'CAMEO', 'marks', 'date', 'in whose words', 'evidence', 'wording'], rows)];
}
