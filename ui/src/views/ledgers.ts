/** The claim ledger and the quote ledger as sortable tables; every claim and mention jumps to its text. */
import type { Claim, Mention } from '../../../src/types.js';
import { isPossibleFabrication, KIND_ORDER, orderedClaims, quoted, STATUS_ORDER } from '../../../src/report/view.js';
import { h, type Child } from '../dom.js';
import { expandable, statusBadge } from '../format.js';
import { CELL_ITEMS } from '../../../src/report/layout.js';
import { sortableTable, type Column } from '../table.js';
import { label, type StoryContext } from './context.js';

function rank<T>(order: readonly T[], v: T): number {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
}

function claimLink(ctx: StoryContext, claim: Claim, shown: string): HTMLElement {
  const first = claim.mentions[0];
  if (!first) return h('span', {}, shown);
  const b = h('button', { type: 'button', class: 'link-button claim-text', 'data-testid': 'claim-link', 'data-claim': claim.id }, shown);
  b.addEventListener('click', () => ctx.jump(first));
  return b;
}

function mentionButtons(ctx: StoryContext, mentions: Mention[]): Child {
  const buttons = mentions.map((m) => {
    const b = h('button', { type: 'button', class: 'chip', 'data-testid': 'mention-link', 'data-article': m.article, title: `${label(ctx, m.article)}: ${m.text}` }, label(ctx, m.article));
    b.addEventListener('click', () => ctx.jump(m));
    return b;
  });
  return expandable(buttons, CELL_ITEMS);
}

/** Outlet names of article ids, each once, the first CELL_ITEMS then "+N more". */
function outletNames(ctx: StoryContext, ids: readonly string[] | undefined): Child {
  const names = [...new Set((ids ?? []).map((a) => label(ctx, a)))];
  return expandable(names, CELL_ITEMS, ', ');
}

function outletCount(ctx: StoryContext, c: Claim): number {
  return new Set(c.articles.map((a) => label(ctx, a))).size;
}

const statusColumn: Column<Claim> = {
  label: 'Status',
  cell: (c) => statusBadge(c.status),
  sortValue: (c) => rank(STATUS_ORDER, c.status),
  className: 'status-cell',
};

export function claimLedger(ctx: StoryContext): HTMLElement {
  const claims = orderedClaims(ctx.story.claims.filter((c) => c.kind !== 'quote'));
  const columns: Column<Claim>[] = [
    statusColumn,
    { label: 'Kind', cell: (c) => c.kind, sortValue: (c) => rank(KIND_ORDER, c.kind) },
    { label: 'Claim', cell: (c) => claimLink(ctx, c, c.text), sortValue: (c) => c.text, className: 'claim-cell' },
    { label: 'Value', cell: (c) => c.value ?? '', sortValue: (c) => (c.value !== undefined && Number.isFinite(Number(c.value)) ? Number(c.value) : Number.MAX_VALUE) },
    { label: 'Outlets', cell: (c) => String(outletCount(ctx, c)), sortValue: (c) => outletCount(ctx, c), className: 'num' },
    { label: 'Mentions', cell: (c) => mentionButtons(ctx, c.mentions) },
  ];
  return h(
    'section',
    { class: 'panel', id: 'sec-claims', 'aria-labelledby': 'h-claims' },
    h('h2', { id: 'h-claims' }, `Claim ledger (${claims.length})`),
    claims.length === 0
      ? h('p', { class: 'muted' }, 'No claims.')
      : h(
          'div',
          { class: 'table-wrap' },
          sortableTable({
            caption: 'Claims by status (click a column header to sort; click a claim or an outlet to see its text)',
            columns,
            rows: claims,
            rowAttrs: (c) => ({ 'data-testid': 'claim-row', 'data-claim': c.id, 'data-status': c.status, class: `row-${c.status}` }),
            attrs: { 'data-testid': 'claim-ledger' },
          }),
        ),
  );
}

export function quoteLedger(ctx: StoryContext): HTMLElement {
  const quotes = orderedClaims(ctx.story.claims.filter((c) => c.kind === 'quote'));
  const columns: Column<Claim>[] = [
    statusColumn,
    { label: 'Quote', cell: (c) => claimLink(ctx, c, quoted(c.text)), sortValue: (c) => c.text, className: 'claim-cell' },
    { label: 'Speaker', cell: (c) => c.speaker ?? h('span', { class: 'muted' }, 'unknown'), sortValue: (c) => c.speaker ?? '\uffff' },
    { label: 'Quoted in', cell: (c) => outletNames(ctx, c.quotedIn), sortValue: (c) => (c.quotedIn ?? []).length },
    { label: 'Supported in', cell: (c) => outletNames(ctx, c.supportedIn), sortValue: (c) => (c.supportedIn ?? []).length },
    // Only in a story of several languages, where some quote is attested in another language.
    ...(quotes.some((c) => (c.translatedIn ?? []).length > 0)
      ? [{ label: 'Attested in translation', cell: (c: Claim) => outletNames(ctx, c.translatedIn), sortValue: (c: Claim) => (c.translatedIn ?? []).length }]
      : []),
    {
      label: 'Flag',
      cell: (c) => (isPossibleFabrication(c) ? h('span', { class: 'flag' }, h('span', { 'aria-hidden': 'true' }, '⚑'), ' no other outlet quotes or supports it') : ''),
      sortValue: (c) => (isPossibleFabrication(c) ? 0 : 1),
    },
    { label: 'Mentions', cell: (c) => mentionButtons(ctx, c.mentions) },
  ];
  return h(
    'section',
    { class: 'panel', id: 'sec-quotes', 'aria-labelledby': 'h-quotes' },
    h('h2', { id: 'h-quotes' }, `Quote ledger (${quotes.length})`),
    quotes.length === 0
      ? h('p', { class: 'muted' }, 'No quotes.')
      : h(
          'div',
          { class: 'table-wrap' },
          sortableTable({
            caption: 'Quotes by status (click a column header to sort; click a quote or an outlet to see its text)',
            columns,
            rows: quotes,
            rowAttrs: (c) => ({ 'data-testid': 'quote-row', 'data-claim': c.id, 'data-status': c.status, class: `row-${c.status}` }),
            attrs: { 'data-testid': 'quote-ledger' },
          }),
        ),
  );
}
