/**
 * A real <table> whose column headers are buttons that sort the rows (click again to reverse).
 * Rows are built once and reordered; the sort is stable (ties keep the initial order).
 */
import { append, h, type Attrs, type Child } from './dom.js';

export interface Column<T> {
  label: string;
  cell: (row: T) => Child | Child[];
  /** Sort key; a column without one is not sortable. */
  sortValue?: (row: T) => string | number;
  className?: string;
}

export interface SortableTableOptions<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowAttrs?: (row: T) => Attrs;
  /** The first column renders as a row header (<th scope="row">). */
  rowHeaderColumn?: number;
  attrs?: Attrs;
}

type Direction = 'ascending' | 'descending';

export function sortableTable<T>(opts: SortableTableOptions<T>): HTMLTableElement {
  const items = opts.rows.map((row, index) => {
    const tr = h('tr', opts.rowAttrs ? opts.rowAttrs(row) : {});
    opts.columns.forEach((col, ci) => {
      const content = col.cell(row);
      const cell = h(ci === opts.rowHeaderColumn ? 'th' : 'td', { class: col.className, scope: ci === opts.rowHeaderColumn ? 'row' : null });
      append(cell, ...(Array.isArray(content) ? content : [content]));
      tr.appendChild(cell);
    });
    return { row, index, tr };
  });
  const tbody = h('tbody', {}, ...items.map((i) => i.tr));
  const headers: HTMLTableCellElement[] = [];
  let sortedBy = -1;
  let direction: Direction = 'ascending';

  const sortBy = (ci: number): void => {
    const col = opts.columns[ci];
    if (!col?.sortValue) return;
    direction = sortedBy === ci && direction === 'ascending' ? 'descending' : 'ascending';
    sortedBy = ci;
    const key = col.sortValue;
    const sign = direction === 'ascending' ? 1 : -1;
    const sorted = [...items].sort((x, y) => {
      const a = key(x.row);
      const b = key(y.row);
      const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
      return sign * c || x.index - y.index;
    });
    for (const it of sorted) tbody.appendChild(it.tr);
    headers.forEach((th, i) => {
      if (i === sortedBy) th.setAttribute('aria-sort', direction);
      else th.removeAttribute('aria-sort');
    });
  };

  const headRow = h('tr', {});
  opts.columns.forEach((col, ci) => {
    const th = h('th', { scope: 'col', class: col.className });
    if (col.sortValue) {
      const b = h('button', { type: 'button', class: 'sort', 'data-column': col.label }, col.label, h('span', { class: 'sort-icon', 'aria-hidden': 'true' }));
      b.addEventListener('click', () => sortBy(ci));
      th.appendChild(b);
    } else {
      th.appendChild(document.createTextNode(col.label));
    }
    headers.push(th);
    headRow.appendChild(th);
  });

  return h('table', { class: 'sortable', ...(opts.attrs ?? {}) }, h('caption', {}, opts.caption), h('thead', {}, headRow), tbody);
}
