/**
 * The actor network: entities as nodes, relations as directed edges, built once from the
 * analysis and shared by the report's drawing (src/report/network.ts) and the two exports,
 * GraphML (for Gephi, yEd, Cytoscape, NetworkX) and a JSON graph. A relation with no object
 * ("Russia deploys troops") has no second end, so it is an edge of neither export; it stays in
 * `analysis.json` and the report's table.
 */
import type { Analysis, EntityType, Relation } from '../contract.js';
import type { DocSpan } from '../document.js';
import { escapeXml as xml } from './escape.js';

export interface NetworkNode {
  id: string;
  name: string;
  /** Null for an id that names no entity of the analysis. */
  type: EntityType | null;
  mentions: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  relation: Relation['relation'];
  cameo: string;
  cameoRoot: string;
  negated: boolean;
  hedged: boolean;
  date: string | null;
  story: string | null;
  text: string;
  evidence: DocSpan[];
}

export interface ActorNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Nodes in the order of `analysis.entities` (ids no entity has come last), edges in relation order. */
export function actorNetwork(analysis: Analysis): ActorNetwork {
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
  const used = new Set<string>();
  const edges: NetworkEdge[] = [];
  for (const relation of analysis.relations) {
    if (relation.object === null) continue;
    used.add(relation.subject).add(relation.object);
    edges.push({
      id: relation.id,
      source: relation.subject,
      target: relation.object,
      relation: relation.relation,
      cameo: relation.cameo,
      cameoRoot: relation.cameoRoot,
      negated: relation.negated,
      hedged: relation.hedged,
      date: relation.date,
      story: relation.story,
      text: relation.text,
      evidence: relation.evidence.map(({ doc, start, end }) => ({ doc, start, end })),
    });
  }
  const known = analysis.entities.filter((entity) => used.has(entity.id)).map((entity) => ({ id: entity.id, name: entity.name, type: entity.type, mentions: entity.mentions.length }));
  const unknown = [...used].filter((id) => !entities.has(id)).map((id) => ({ id, name: id, type: null, mentions: 0 }));
  return { nodes: [...known, ...unknown], edges };
}

/**
 * The network as GraphML: one directed graph, node attributes name, type and mentions, edge
 * attributes relation, cameo, cameoRoot, negated, hedged, date, evidence (the number of spans)
 * and spans (`doc:start-end` separated by spaces).
 *
 * @example
 * await writeFile('network.graphml', networkGraphml(analysis));
 */
export function networkGraphml(analysis: Analysis): string {
  const { nodes, edges } = actorNetwork(analysis);
  const keys: [id: string, domain: 'node' | 'edge', type: string][] = [
    ['name', 'node', 'string'],
    ['type', 'node', 'string'],
    ['mentions', 'node', 'int'],
    ['relation', 'edge', 'string'],
    ['cameo', 'edge', 'string'],
    ['cameoRoot', 'edge', 'string'],
    ['negated', 'edge', 'boolean'],
    ['hedged', 'edge', 'boolean'],
    ['date', 'edge', 'string'],
    ['evidence', 'edge', 'int'],
    ['spans', 'edge', 'string'],
  ];
  const data = (key: string, value: string | number | boolean | null) => (value === null ? '' : `<data key="${key}">${xml(String(value))}</data>`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, domain, type]) => `  <key id="${id}" for="${domain}" attr.name="${id}" attr.type="${type}"/>`),
    `  <graph id="actors" edgedefault="directed">`,
    ...nodes.map((node) => `    <node id="${xml(node.id)}">${data('name', node.name)}${data('type', node.type)}${data('mentions', node.mentions)}</node>`),
    ...edges.map(
      (edge) =>
        `    <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}">${data('relation', edge.relation)}${data('cameo', edge.cameo)}${data('cameoRoot', edge.cameoRoot)}${data('negated', edge.negated)}${data('hedged', edge.hedged)}${data('date', edge.date)}${data('evidence', edge.evidence.length)}${data('spans', edge.evidence.map((span) => `${span.doc}:${span.start}-${span.end}`).join(' '))}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The network as JSON: `{version, directed, nodes, edges}`, each edge with its evidence spans.
 *
 * @example
 * const { nodes, edges } = JSON.parse(networkJson(analysis));
 */
export function networkJson(analysis: Analysis): string {
  // The analysis's own version (the contract's, for any analysis it accepts): importing the
  // constant would bring the whole zod contract into the web UI's bundle, which draws this network.
  return `${JSON.stringify({ version: analysis.version, directed: true, ...actorNetwork(analysis) }, null, 2)}\n`;
}
