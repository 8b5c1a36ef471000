/**
 * The actor network: who does what to whom, drawn as an inline SVG with the report's layout
 * (src/report/network.ts: the most connected actor in the centre, the others on a ring) and, beside
 * it, a table of every relation, which is also the drawing's accessible alternative. An arrow or a
 * row opens the words that carry the relation; a circle opens the actor's mentions.
 */
import { useMemo } from 'preact/hooks';
import type { Relation } from '../../../src/contract.ts';
import { actorNetwork } from '../../../src/report/graph.ts';
import { cameoLabel, colourOf, drawnEdges, edgeShapes, FAMILIES, FAMILY_OF, familyOf, kindLabel, layout, marksOf, MAX_DRAWN_NODES, relationLabel, type DrawnEdge, type Family } from '../../../src/report/network.ts';
import { truncate } from '../../../src/report/present.ts';
import { formatIsoDate } from '../../../src/report/timeline.ts';
import { voiceLabel } from '../../../src/report/view-parts.ts';
import { EvidenceButton, OutletButtons, spansOf, lookupsOf, type OpenEvidence } from '../components/evidence.tsx';
import { usePage } from '../components/pager.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';
import type { SectionProps } from './types.ts';

const PAGE_SIZE = 30;
const RELATION_COLUMNS = ['who', 'does what', 'to whom', 'CAMEO', 'marks', 'date', 'in whose words', 'evidence'];

/** Coordinates to a tenth of a pixel keep the drawing's markup short. */
const tenth = (value: number) => Math.round(value * 10) / 10;

/** Enter and Space press an SVG element that plays a button, as they press a real one. */
function pressKeys(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    action();
  };
}

/** The relations one drawn arrow stands for: same ends, kind, negation and hedging. */
function relationsOf(edge: DrawnEdge, relations: readonly Relation[]): Relation[] {
  return relations.filter((relation) => relation.subject === edge.source && relation.object === edge.target && relation.relation === edge.relation && relation.negated === edge.negated && relation.hedged === edge.hedged);
}

function NetworkDrawing({ analysis, openEvidence }: { analysis: SectionProps['analysis']; openEvidence: OpenEvidence }) {
  const lookups = lookupsOf(analysis);
  const drawing = useMemo(() => {
    const network = actorNetwork(analysis);
    const rowOf = new Map(analysis.relations.map((relation, index) => [relation.id, index + 1]));
    const placed = layout(network, drawnEdges(network.edges, rowOf));
    return { placed, shapes: edgeShapes(placed) };
  }, [analysis]);
  const entities = useMemo(() => new Map(analysis.entities.map((entity) => [entity.id, entity])), [analysis]);
  const { placed, shapes } = drawing;
  if (placed.nodes.length === 0) return <p class="muted">No relation has two actors to draw; the table lists them.</p>;
  const families = [...Object.keys(FAMILIES), 'other'];
  return (
    <figure class="network-figure">
      <svg class="network" viewBox={`0 0 ${placed.width} ${placed.height}`} style={{ maxWidth: `${placed.width}px` }} role="group" aria-label={`Actor network: ${placed.nodes.length} actors, ${placed.edges.length} relations. The table beside it lists every relation.`}>
        <defs>
          {families.map((family) => (
            <marker key={family} id={`web-arrow-${family}`} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto">
              <path d="M0 0L10 5L0 10z" fill={family === 'other' ? '#57606a' : FAMILIES[family as Family].colour} />
            </marker>
          ))}
        </defs>
        {shapes.map(({ edge, start, control, end, labelAt, width, label }) => {
          const spans = spansOf(relationsOf(edge, analysis.relations).flatMap((relation) => relation.evidence));
          const name = `${lookups.names.entity(edge.source)} ${relationLabel(edge)} ${lookups.names.entity(edge.target)}${edge.hedged ? ' (hedged)' : ''}: open ${edge.evidence} evidence span(s)`;
          const open = () => openEvidence(spans);
          return (
            <g key={`${edge.source}>${edge.target}>${edge.relation}>${edge.negated}>${edge.hedged}`} class="edge" role="button" tabindex={0} aria-label={name} onClick={open} onKeyDown={pressKeys(open)}>
              <title>{name}</title>
              <path
                d={`M${tenth(start.x)} ${tenth(start.y)} Q${tenth(control.x)} ${tenth(control.y)} ${tenth(end.x)} ${tenth(end.y)}`}
                fill="none"
                stroke={colourOf(edge.relation)}
                stroke-width={width}
                stroke-dasharray={edge.negated ? '7 4' : edge.hedged ? '2 3' : undefined}
                marker-end={`url(#web-arrow-${familyOf(edge.relation) ?? 'other'})`}
              />
              <text x={tenth(labelAt.x)} y={tenth(labelAt.y + 4)} text-anchor="middle" class="edge-label">
                {label}
              </text>
            </g>
          );
        })}
        {placed.nodes.map(({ node, at, radius, label }) => {
          const entity = entities.get(node.id);
          const name = `${node.name}${node.type ? ` (${node.type})` : ''}: ${node.mentions} mention(s)`;
          const open = () => entity && openEvidence(spansOf(entity.mentions));
          const shape = (
            <>
              <title>{name}</title>
              <circle cx={tenth(at.x)} cy={tenth(at.y)} r={tenth(radius)} class="node" />
              <text x={tenth(label.at.x)} y={tenth(label.at.y)} text-anchor={label.anchor} class="node-label">
                {truncate(node.name, 26)}
              </text>
            </>
          );
          return entity && entity.mentions.length > 0 ? (
            <g key={node.id} class="actor" role="button" tabindex={0} aria-label={`${name}; open them`} onClick={open} onKeyDown={pressKeys(open)}>
              {shape}
            </g>
          ) : (
            <g key={node.id}>{shape}</g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend" aria-label="What the drawing shows">
          {(Object.entries(FAMILIES) as [Family, { colour: string; name: string }][]).map(([family, { colour, name }]) => (
            <li key={family}>
              <svg width="32" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="32" y2="5" stroke={colour} stroke-width="3" />
              </svg>{' '}
              {name}:{' '}
              {Object.entries(FAMILY_OF)
                .filter(([, of]) => of === family)
                .map(([kind]) => kindLabel(kind as Relation['relation']))
                .join(', ')}
            </li>
          ))}
          <li>Dashed: negated (“not”); dotted: hedged (“?”); ×n: evidence spans; circle size: mentions.</li>
          {placed.omitted > 0 && (
            <li>
              The drawing shows the {MAX_DRAWN_NODES} most connected actors; {placed.omitted} more are in the table only.
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

export function NetworkView({ analysis, openEvidence }: SectionProps) {
  const lookups = lookupsOf(analysis);
  const { rows, controls } = usePage(analysis.relations, PAGE_SIZE, 'relations');
  const { names } = lookups;
  return (
    <div class="network-view">
      <NetworkDrawing analysis={analysis} openEvidence={openEvidence} />
      <div>
        <ScrollTable label="Relations" caption={{ text: 'Every relation, with whose words carry it' }} class="relations" columns={RELATION_COLUMNS} controls={controls}>
              {rows.map((relation) => (
                <tr key={relation.id}>
                  <th scope="row">{names.entity(relation.subject)}</th>
                  <td class={`relation family-${familyOf(relation.relation) ?? 'other'}`}>
                    <EvidenceButton spans={spansOf(relation.evidence)} openEvidence={openEvidence} label={`${relationLabel(relation)}: “${truncate(relation.text, 120)}”`}>
                      {relationLabel(relation)}
                    </EvidenceButton>
                  </td>
                  <td>{relation.object === null ? '—' : names.entity(relation.object)}</td>
                  <td>{cameoLabel(relation.cameo, relation.cameoRoot)}</td>
                  <td>{marksOf(relation)}</td>
                  <td>{relation.date === null ? '' : formatIsoDate(relation.date)}</td>
                  <td>
                    {relation.voices.map((voice, index) => (
                      <div key={index}>
                        {lookups.outlet(voice.doc)}: {voiceLabel(voice.kind, names.speaker(voice.speaker, voice.quote))}
                      </div>
                    ))}
                  </td>
                  <td>
                    <OutletButtons spans={relation.evidence} lookups={lookups} openEvidence={openEvidence} />
                  </td>
                </tr>
              ))}
        </ScrollTable>
      </div>
    </div>
  );
}
