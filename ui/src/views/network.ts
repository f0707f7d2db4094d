/**
 * #/network — the outlet network over the stored story reports: a drawn graph (outlets as circles sized by
 * articles and coloured by co-publishing group, an arrow from a source outlet to the outlet rewriting it, width by
 * articles), the article pairs and evidence of an edge when it is clicked (or focused and Enter/Space pressed), the
 * groups, every outlet in a sortable table and the heaviest edges in a table with the same "show pairs" action.
 * The picture comes from src/outlets/layout.ts (deterministic). All names are text nodes (dom.ts).
 */
import { getEdge, getNetwork, type NetworkBody } from '../api.js';
import type { OutletEdgeSummary } from '../../../src/outlets/types.js';
import { networkLayout, type NetworkLayout } from '../../../src/outlets/layout.js';
import { button, h, replaceChildren, svg } from '../dom.js';
import { errorBox, loading } from '../feedback.js';
import { plural } from '../format.js';
import { networkHash, outletHash } from '../router.js';
import { sortableTable } from '../table.js';
import { edgePairsTable, edgeSummary, lagText, outletLink, panel, pct } from './outlet-parts.js';

/** Group colours (classes grp-0 … grp-7, Okabe–Ito in styles.css); groups beyond share the last. */
const GROUP_CLASSES = 8;
const EDGE_ROWS = 100;

const truncate = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function sinceForm(since: string | undefined): HTMLFormElement {
  const input = h('input', { type: 'date', name: 'since', id: 'n-since', value: since ?? '', 'data-testid': 'network-since' });
  const form = h('form', { class: 'filters', 'aria-label': 'Window' }, h('div', { class: 'field' }, h('label', { for: 'n-since' }, 'Stories with an article since'), input), h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    window.location.hash = networkHash(input.value || undefined);
  });
  return form;
}

function groupClass(group: number | null): string {
  return group === null ? 'grp-none' : `grp-${Math.min(group, GROUP_CLASSES - 1)}`;
}

function drawing(net: NetworkBody, layout: NetworkLayout, since: string | undefined, showEdge: (e: OutletEdgeSummary) => void): SVGSVGElement {
  const root = svg('svg', {
    class: 'graph network',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'group',
    'aria-labelledby': 'network-title',
    'data-testid': 'network-graph',
  });
  root.appendChild(svg('title', { id: 'network-title' }, `Outlet network: ${plural(layout.nodes.length, 'outlet')}; arrows point from a source outlet to the outlet rewriting its articles`));
  root.appendChild(svg('defs', {}, svg('marker', { id: 'net-arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerUnits: 'userSpaceOnUse', markerWidth: '11', markerHeight: '11', orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }))));
  const edges = svg('g', { class: 'edges' });
  for (const le of layout.edges) {
    const edge = net.edges[le.edge]!;
    const label = `${edge.from} → ${edge.to}: ${plural(edge.articles, 'article')} derived, median lag ${lagText(edge.medianLagMinutes)}. Show the article pairs.`;
    const g = svg('g', { class: 'net-edge', tabindex: '0', role: 'button', 'aria-label': label, 'data-from': edge.from, 'data-to': edge.to, 'data-testid': 'network-edge' });
    g.appendChild(svg('title', {}, label));
    // A wide transparent line under the visible one: an easy target for a click.
    g.appendChild(svg('line', { class: 'hit', x1: le.x1, y1: le.y1, x2: le.x2, y2: le.y2 }));
    const line = svg('line', { class: 'stroke', x1: le.x1, y1: le.y1, x2: le.x2, y2: le.y2, 'marker-end': 'url(#net-arrow)' });
    line.style.strokeWidth = String(le.width);
    g.appendChild(line);
    g.addEventListener('click', () => showEdge(edge));
    g.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        showEdge(edge);
      }
    });
    edges.appendChild(g);
  }
  root.appendChild(edges);
  const nodes = svg('g', { class: 'nodes' });
  for (const n of layout.nodes) {
    const a = svg('a', { href: outletHash(n.outlet, since), class: `net-node ${groupClass(n.group)}`, 'data-outlet': n.outlet, 'data-testid': 'network-node' });
    a.appendChild(svg('title', {}, `${n.outlet}: ${plural(n.articles, 'article')}${n.group === null ? '' : `, group ${n.group + 1}`}`));
    a.appendChild(svg('circle', { cx: n.x, cy: n.y, r: n.r }));
    a.appendChild(svg('text', { x: n.x, y: (n.y + n.r + 14).toFixed(1), 'text-anchor': 'middle' }, truncate(n.outlet, 24)));
    nodes.appendChild(a);
  }
  root.appendChild(nodes);
  return root;
}

export async function renderNetwork(view: HTMLElement, query: URLSearchParams, signal: AbortSignal): Promise<void> {
  const since = query.get('since')?.trim() || undefined;
  document.title = 'Outlet network · Corroborate';
  replaceChildren(view, h('h1', {}, 'Outlet network'), sinceForm(since), loading('the outlet network'));
  const net = await getNetwork(since, signal);
  if (signal.aborted) return;

  const intro = h(
    'p',
    { class: 'muted', 'data-testid': 'network-summary' },
    `${plural(net.outlets.length, 'outlet')}, ${plural(net.edges.length, 'derivation edge')}, ${plural(net.groups.length, 'co-publishing group')}, read from ${plural(net.stories, 'story', 'stories')}${since ? ` with an article since ${since}` : ''}.`,
    net.withoutReport > 0 ? ` ${plural(net.withoutReport, 'story', 'stories')} without a current report ${net.withoutReport === 1 ? 'is' : 'are'} not counted ('corroborate ingest' with no input computes them).` : '',
  );
  if (net.outlets.length === 0) {
    replaceChildren(view, h('h1', {}, 'Outlet network'), sinceForm(since), intro, h('p', {}, 'No stored stories to read. Add articles first.'));
    return;
  }

  const detail = h('section', { class: 'panel edge-detail', id: 'edge-detail', 'aria-live': 'polite', 'data-testid': 'edge-detail' }, h('h2', {}, 'Article pairs'), h('p', { class: 'muted' }, 'Click an arrow (or an edge in the table below) to list its article pairs and the evidence.'));
  // The pairs of the edge last asked for (an earlier answer arriving late is dropped).
  let asked: AbortController | null = null;
  signal.addEventListener('abort', () => asked?.abort(), { once: true });
  const showEdge = (summary: OutletEdgeSummary): void => {
    asked?.abort();
    const ctl = new AbortController();
    asked = ctl;
    const heading = h('h2', { tabindex: '-1', id: 'edge-detail-heading' }, `${summary.from} → ${summary.to}`);
    replaceChildren(detail, heading, h('p', {}, edgeSummary(summary, since)), loading('the article pairs'));
    heading.focus();
    getEdge(summary.from, summary.to, since, ctl.signal).then(
      (edge) => {
        if (!ctl.signal.aborted) replaceChildren(detail, heading, h('p', {}, edgeSummary(edge, since)), edgePairsTable(edge));
      },
      (err: unknown) => {
        if (!ctl.signal.aborted) replaceChildren(detail, heading, errorBox(err));
      },
    );
  };

  const layout = networkLayout(net);
  const picture = panel(
    'h-graph',
    'Who rewrites whom',
    h('div', { class: 'graph-wrap' }, drawing(net, layout, since, showEdge)),
    h(
      'p',
      { class: 'legend muted' },
      'Circle: an outlet, sized by its articles, coloured by its co-publishing group (grey: none); click it for the outlet. Arrow: from a source outlet to the outlet whose articles derive from it, thicker = more articles; click it for the article pairs.',
      layout.hidden > 0 ? ` ${layout.nodes.length} outlets are drawn (those with an edge or a group first, the biggest first); the table lists all ${net.outlets.length}.` : '',
      layout.hiddenEdges > 0 ? ` The heaviest ${layout.edges.length} edges between them are drawn (${layout.hiddenEdges} more in the data).` : '',
    ),
  );

  const groups = panel(
    'h-groups',
    'Co-publishing groups',
    net.groups.length === 0
      ? h('p', { class: 'muted' }, 'No outlets republish rewrites of the same sources within 3 hours of each other.')
      : h(
          'ol',
          { class: 'groups', 'data-testid': 'network-groups' },
          ...net.groups.map((g, i) =>
            h(
              'li',
              { class: groupClass(i) },
              h('span', { class: 'swatch', 'aria-hidden': 'true' }),
              ...g.outlets.flatMap((o, k) => [k === 0 ? null : ', ', outletLink(o, since)]),
              ` — ${plural(g.sharedSources, 'source')} rewritten by two or more of them within 3 hours of each other`,
            ),
          ),
        ),
  );

  const outlets = panel(
    'h-outlets',
    'Outlets',
    h(
      'div',
      { class: 'table-wrap' },
      sortableTable({
        caption: 'Every outlet (click a column to sort)',
        rows: net.outlets,
        rowHeaderColumn: 0,
        attrs: { 'data-testid': 'outlet-table' },
        columns: [
          { label: 'Outlet', cell: (o) => outletLink(o.outlet, since), sortValue: (o) => o.outlet },
          { label: 'Articles', cell: (o) => String(o.articles), sortValue: (o) => o.articles, className: 'num' },
          { label: 'Rewrites', cell: (o) => pct(o.rewriteShare), sortValue: (o) => o.rewriteShare, className: 'num' },
          { label: 'Median lag', cell: (o) => lagText(o.medianLagMinutes), sortValue: (o) => o.medianLagMinutes ?? Infinity, className: 'num' },
          { label: 'Text reused', cell: (o) => (o.medianReuse === null ? '—' : pct(o.medianReuse)), sortValue: (o) => o.medianReuse ?? -1, className: 'num' },
          { label: 'Inventing a quote', cell: (o) => pct(o.inventingShare), sortValue: (o) => o.inventingShare, className: 'num' },
          { label: 'In a conflict', cell: (o) => pct(o.conflictShare), sortValue: (o) => o.conflictShare, className: 'num' },
          { label: 'First in story', cell: (o) => pct(o.firstShare), sortValue: (o) => o.firstShare, className: 'num' },
          { label: 'Rewrite traces', cell: (o) => String(o.traces.length), sortValue: (o) => o.traces.length, className: 'num' },
          { label: 'Top source', cell: (o) => (o.topSources[0] ? [outletLink(o.topSources[0].outlet, since), ` (${o.topSources[0].articles})`] : '—'), sortValue: (o) => o.topSources[0]?.outlet ?? '' },
        ],
      }),
    ),
  );

  const shown = net.edges.slice(0, EDGE_ROWS);
  const edges = panel(
    'h-edges',
    'Derivation edges',
    net.edges.length === 0
      ? h('p', { class: 'muted' }, 'No article derives from another outlet\'s.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'edges', 'data-testid': 'edge-table' },
            h('caption', {}, shown.length < net.edges.length ? `The ${shown.length} heaviest of ${net.edges.length} edges` : `Every edge (${net.edges.length})`),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Source outlet'), h('th', { scope: 'col' }, 'Rewriting outlet'), h('th', { scope: 'col', class: 'num' }, 'Articles'), h('th', { scope: 'col', class: 'num' }, 'Median lag'), h('th', { scope: 'col' }, 'Pairs'))),
            h(
              'tbody',
              {},
              ...shown.map((e) =>
                h(
                  'tr',
                  {},
                  h('td', {}, outletLink(e.from, since)),
                  h('td', {}, outletLink(e.to, since)),
                  h('td', { class: 'num' }, String(e.articles)),
                  h('td', { class: 'num' }, lagText(e.medianLagMinutes)),
                  h('td', {}, button('Show pairs', () => showEdge(e), { class: 'link-button', 'data-testid': 'show-pairs' })),
                ),
              ),
            ),
          ),
        ),
  );

  replaceChildren(view, h('h1', {}, 'Outlet network'), sinceForm(since), intro, picture, detail, groups, outlets, edges);
}
