/**
 * A table inside its own focusable, sideways-scrolling region (the claim matrix and the per-outlet
 * tables are wider than a phone), with one header row and, below it, a pager's controls when the
 * rows come a page at a time. Every wide table of the case page is one of these, so they scroll,
 * label themselves and take keyboard focus alike.
 */
import type { ComponentChildren } from 'preact';

interface ScrollTableProps {
  /** Names the scroll region ("…, scrollable") for keyboard and screen-reader users. */
  label: string;
  /** A caption; hidden ones still name the table for screen readers. */
  caption?: { text: string; hidden?: boolean };
  class?: string;
  /** Column headings, left to right. */
  columns: readonly string[];
  /** The body's rows. */
  children: ComponentChildren;
  /** The pager's controls (see usePage), shown under the table. */
  controls?: preact.JSX.Element | null;
}

export function ScrollTable({ label, caption, class: className, columns, children, controls }: ScrollTableProps) {
  return (
    <>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={`${label}, scrollable`}>
        <table class={className}>
          {caption && <caption class={caption.hidden ? 'visually-hidden' : undefined}>{caption.text}</caption>}
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th scope="col" key={index}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {controls}
    </>
  );
}
