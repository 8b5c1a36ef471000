/**
 * An article's text exactly as read, with what cleaning removed struck through (`<del>`, its
 * reason given as text for screen readers and as a tooltip) and the evidence highlighted
 * (`<mark>`). Every piece is a text node made by Preact: markup in an article stays characters.
 */
import type { RefObject } from 'preact';
import type { AnalysisDocument, RemovedSpan } from '../../../src/contract.ts';
import { mergeRanges, textPieces, type Range, type TextPiece } from './text-pieces.ts';

const REASONS: Record<RemovedSpan['reason'], string> = {
  navigation: 'navigation',
  breadcrumb: 'breadcrumb trail',
  counter: 'share or comment counter',
  widget: 'page widget',
  subscribe: 'subscription prompt',
  comments: 'comments',
  'link-list': 'list of links',
  advert: 'advertisement',
  'source-tail': "source's footer",
  duplicate: 'repeated paragraph',
  'near-duplicate': 'nearly repeated paragraph',
  boilerplate: 'boilerplate',
  'repeated-title': 'repeated title',
};

export function removalReason(span: RemovedSpan): string {
  return `Removed by cleaning: ${REASONS[span.reason] ?? span.reason} (${span.rule})`;
}

export interface ArticleTextProps {
  doc: AnalysisDocument;
  highlights: readonly Range[];
  /** Set to the first highlight, so the viewer can scroll it into view. */
  firstMark: RefObject<HTMLElement | null>;
}

export function ArticleText({ doc, highlights, firstMark }: ArticleTextProps) {
  const marks = mergeRanges(highlights, doc.text.length);
  const pieces = textPieces(doc.text.length, doc.removed, marks);
  const nodes: preact.JSX.Element[] = [];
  // The first piece of the first highlight (a highlight crossing a removed span is cut in two).
  const first = pieces.find((piece) => piece.mark === 0);
  const refOf = (piece: TextPiece) => (piece === first ? firstMark : undefined);
  // Consecutive pieces of one removed span share one <del>, so its reason is said once.
  for (let i = 0; i < pieces.length; ) {
    const piece = pieces[i]!;
    if (piece.removed === -1) {
      nodes.push(pieceNode(doc.text, piece, refOf(piece)));
      i++;
      continue;
    }
    const group: TextPiece[] = [];
    while (i < pieces.length && pieces[i]!.removed === piece.removed) group.push(pieces[i++]!);
    const span = doc.removed[piece.removed]!;
    const reason = removalReason(span);
    nodes.push(
      <del key={`del-${piece.start}`} title={reason} data-reason={span.reason}>
        <span class="visually-hidden">[{reason}:] </span>
        {group.map((part) => pieceNode(doc.text, part, refOf(part)))}
      </del>,
    );
  }
  return <div class="article-text">{nodes}</div>;
}

function pieceNode(text: string, piece: TextPiece, firstMark: RefObject<HTMLElement | null> | undefined): preact.JSX.Element {
  const content = text.slice(piece.start, piece.end);
  if (piece.mark === -1) return <span key={`t-${piece.start}`}>{content}</span>;
  return (
    <mark key={`m-${piece.start}`} ref={firstMark}>
      {content}
    </mark>
  );
}
