/** Small display formatters shared by the views. */
import { append, h, type Child } from './dom.js';
import type { ClaimStatus } from '../../src/types.js';

/** An ISO date or date-time as "2026-11-17" or "2026-11-17 12:00 UTC" inside a <time>; "—" when absent. */
export function timeEl(iso: string | null | undefined): HTMLElement {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso }, shortDate(iso));
}

export function shortDate(iso: string): string {
  const t = Date.parse(iso);
  if (!/T\d/.test(iso) || !Number.isFinite(t)) return iso.slice(0, 10);
  const d = new Date(t);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

/** A count, or "—" when unknown (no fresh report yet). */
export function countText(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n);
}

export { plural } from '../../src/report/view.js';

const STATUS_ICON: Record<ClaimStatus, string> = {
  corroborated: '✓',
  'single-source': '◆',
  conflicting: '✗',
};

const STATUS_LABEL: Record<ClaimStatus, string> = {
  corroborated: 'corroborated',
  'single-source': 'single source',
  conflicting: 'conflicting',
};

/** A status badge: icon and words, coloured by class (the colour is never the only signal). */
export function statusBadge(status: ClaimStatus): HTMLElement {
  return h(
    'span',
    { class: `badge status-${status}` },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, STATUS_ICON[status]),
    ` ${STATUS_LABEL[status]}`,
  );
}

/**
 * The first `max` items (separated by `sep`), then a "+N more" button that shows the rest when pressed: a claim of
 * a 1,000-article story has a thousand mentions, and a cell should not.
 */
export function expandable(items: Child[], max: number, sep = ' '): HTMLElement {
  const out = h('span', { class: 'expandable' });
  const put = (list: Child[], first: boolean): void => list.forEach((c, i) => append(out, first && i === 0 ? null : sep, c));
  put(items.slice(0, max), true);
  if (items.length > max) {
    const rest = items.slice(max);
    const more = h('button', { type: 'button', class: 'link-button more', 'data-testid': 'show-more', 'aria-label': `Show ${rest.length} more` }, `+${rest.length} more`);
    more.addEventListener('click', () => {
      more.remove();
      put(rest, false);
    });
    append(out, sep, more);
  }
  return out;
}
