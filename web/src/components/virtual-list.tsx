/**
 * A windowed list: only the rows in view (plus a few either side) are in the DOM, so a case of
 * 500 articles with thousands of quotes or mentions scrolls smoothly. Written here rather than
 * taken from a library because fixed-height rows need only a scroll offset and one division, and
 * the list libraries for Preact either pull in preact/compat or leave out the list semantics
 * (role=list with aria-setsize/aria-posinset) that tell a screen reader how many rows exist.
 */
import { useState } from 'preact/hooks';

const OVERSCAN_ROWS = 6;

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row's height in CSS pixels; rows are laid out at index × rowHeight. */
  rowHeight: number;
  /** Height of the scroll container in CSS pixels (it shrinks to fit fewer rows). */
  height: number;
  renderRow: (item: T, index: number) => preact.JSX.Element;
  /** The list's accessible name. */
  label: string;
  getKey?: (item: T, index: number) => string;
}

export function VirtualList<T>({ items, rowHeight, height, renderRow, label, getKey }: VirtualListProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const totalHeight = items.length * rowHeight;
  const viewportHeight = Math.min(height, totalHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewportHeight) / rowHeight) + OVERSCAN_ROWS);
  const rows: preact.JSX.Element[] = [];
  for (let index = first; index < last; index++) {
    const item = items[index] as T;
    rows.push(
      <div
        key={getKey ? getKey(item, index) : String(index)}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        class="virtual-list-row"
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
      >
        {renderRow(item, index)}
      </div>,
    );
  }
  return (
    <div
      class="virtual-list"
      role="group"
      tabIndex={0}
      aria-label={label}
      style={{ height: `${viewportHeight}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="list" aria-label={label} class="virtual-list-body" style={{ height: `${totalHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
