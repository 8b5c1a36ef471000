/**
 * A list with filters above it: the filter controls, a live count of what they let through, and
 * the matching rows windowed (see VirtualList), or a sentence when nothing matches. The quotes and
 * entities views are both this, with their own filters and rows.
 */
import type { ComponentChildren } from 'preact';
import { VirtualList } from './virtual-list.tsx';

interface FilteredListProps<T> {
  /** What the filters filter, for their group's name ("quotes"). */
  noun: string;
  filters: ComponentChildren;
  shown: readonly T[];
  /** "12 of 40 quotes": spoken when the filters change. */
  countText: string;
  emptyText: string;
  listLabel: string;
  getKey: (item: T) => string;
  renderRow: (item: T) => preact.JSX.Element;
}

const ROW_HEIGHT = 60;
const LIST_HEIGHT = 480;

export function FilteredList<T>({ noun, filters, shown, countText, emptyText, listLabel, getKey, renderRow }: FilteredListProps<T>) {
  return (
    <div>
      <div class="filters" role="group" aria-label={`Filter ${noun}`}>
        {filters}
        <span aria-live="polite">{countText}</span>
      </div>
      {shown.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <VirtualList items={shown} rowHeight={ROW_HEIGHT} height={LIST_HEIGHT} label={listLabel} getKey={getKey} renderRow={renderRow} />
      )}
    </div>
  );
}

/** A labelled search box whose value is the caller's state. */
export function SearchField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {label} <input type="search" value={value} onInput={(event) => onChange(event.currentTarget.value)} />
    </label>
  );
}
