/**
 * Shows a long list a page at a time. Tables (the claim matrix, the timeline) cannot be windowed
 * like the quote list without breaking their header semantics, so they page instead; the page
 * resets when the list it pages changes (a new filter).
 */
import { useEffect, useState } from 'preact/hooks';

/** `label` names what is paged ("claims"); each pager is a landmark and needs a name of its own. */
export function usePage<T>(items: readonly T[], pageSize: number, label: string): { rows: readonly T[]; controls: preact.JSX.Element | null } {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [items]);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages - 1);
  const rows = items.slice(current * pageSize, (current + 1) * pageSize);
  if (pages === 1) return { rows, controls: null };
  const from = current * pageSize + 1;
  const to = Math.min(items.length, (current + 1) * pageSize);
  const controls = (
    <nav class="pager" aria-label={`Pages of ${label}`}>
      <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
        Previous
      </button>
      <span aria-live="polite">
        {from}–{to} of {items.length}
      </span>
      <button type="button" disabled={current === pages - 1} onClick={() => setPage(current + 1)}>
        Next
      </button>
    </nav>
  );
  return { rows, controls };
}
