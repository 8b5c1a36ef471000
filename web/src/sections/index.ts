/**
 * The analysis views of a case page, in the order the page shows them. The shell renders each as
 * `<section id="section-<id>">` with its title and shows `emptyText` when `isEmpty` holds, so a
 * view whose stage found nothing says so instead of disappearing.
 */
import { h } from 'preact';
import { BriefView } from './brief.tsx';
import { ClaimsView } from './claims.tsx';
import { EntitiesView } from './entities.tsx';
import { FramingView } from './framing.tsx';
import { NetworkView } from './network.tsx';
import { QuotesView } from './quotes.tsx';
import { SourcesView } from './sources.tsx';
import { StatementsView } from './statements.tsx';
import { StoriesView } from './stories.tsx';
import { TimelineView } from './timeline.tsx';
import type { SectionDefinition, SectionProps } from './types.ts';
import './sections.css';

/** A view as a component of its own, so that its hooks belong to it. */
const view = (component: (props: SectionProps) => preact.JSX.Element) => (props: SectionProps) => h(component, props);

export const SECTIONS: SectionDefinition[] = [
  { id: 'stories', title: 'Stories', isEmpty: (a) => a.stories.length === 0, emptyText: 'No event stories found yet.', render: view(StoriesView) },
  { id: 'brief', title: 'Brief', isEmpty: (a) => a.brief.length === 0, emptyText: 'No brief yet: it needs claims or statements to summarise.', render: view(BriefView) },
  { id: 'claims', title: 'Claims by outlet', isEmpty: (a) => a.claims.length === 0, emptyText: 'No check-worthy claims found.', render: view(ClaimsView) },
  { id: 'statements', title: 'Statements across outlets', isEmpty: (a) => a.statements.length === 0, emptyText: 'No utterance is rendered by more than one article.', render: view(StatementsView) },
  { id: 'sources', title: 'Sources side by side', isEmpty: (a) => a.provenance.every((record) => record.cites.length === 0) && a.copies.length === 0, emptyText: 'No article cites a source or shares text with another.', render: view(SourcesView) },
  { id: 'quotes', title: 'Quotes', isEmpty: (a) => a.quotes.length === 0, emptyText: 'No quotes found.', render: view(QuotesView) },
  { id: 'entities', title: 'Entities', isEmpty: (a) => a.entities.length === 0, emptyText: 'No people, organisations or places found.', render: view(EntitiesView) },
  { id: 'network', title: 'Who does what to whom', isEmpty: (a) => a.relations.length === 0, emptyText: 'No relations between actors found.', render: view(NetworkView) },
  { id: 'timeline', title: 'Timeline', isEmpty: (a) => a.timeline.length === 0 && a.dating.length === 0, emptyText: 'No dated events found.', render: view(TimelineView) },
  { id: 'framing', title: 'Framing per outlet', isEmpty: (a) => a.framing.outlets.length === 0 && a.framing.terms.length === 0 && a.framing.labels.length === 0, emptyText: 'No framing figures, loaded terms or labels found.', render: view(FramingView) },
];
