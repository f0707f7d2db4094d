/**
 * #/outlet/<name> — one outlet of the network view: its figures, the sources it derives from and the outlets
 * deriving from it (each edge with its article pairs and evidence, folded), its co-publishing groups, its
 * machine-rewrite traces and templated openings with their offsets.
 */
import { getOutlet } from '../api.js';
import type { OutletEdge } from '../../../src/outlets/types.js';
import { h, replaceChildren } from '../dom.js';
import { loading } from '../feedback.js';
import { plural } from '../format.js';
import { networkHash } from '../router.js';
import { edgePairsTable, edgeSummary, lagText, outletLink, panel, pct } from './outlet-parts.js';

function figure(label: string, value: string, testid?: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', testid ? { 'data-testid': testid } : {}, value)];
}

function edgeList(edges: OutletEdge[], since: string | undefined, empty: string, testid: string): HTMLElement {
  if (edges.length === 0) return h('p', { class: 'muted' }, empty);
  return h(
    'ul',
    { class: 'edge-list', 'data-testid': testid },
    ...edges.map((e) => h('li', {}, h('p', {}, edgeSummary(e, since)), h('details', {}, h('summary', {}, `The ${plural(e.pairs.length, 'article pair')} and their evidence`), edgePairsTable(e)))),
  );
}

export async function renderOutlet(view: HTMLElement, name: string, query: URLSearchParams, signal: AbortSignal): Promise<void> {
  const since = query.get('since')?.trim() || undefined;
  document.title = `${name} · Outlets · Corroborate`;
  const back = h('p', {}, h('a', { href: networkHash(since) }, '← The outlet network'));
  replaceChildren(view, back, h('h1', {}, name), loading('the outlet'));
  const body = await getOutlet(name, since, signal);
  if (signal.aborted) return;
  const o = body.outlet;
  const figures = h(
    'dl',
    { class: 'figures', 'data-testid': 'outlet-figures' },
    ...figure('Articles', String(o.articles), 'outlet-articles'),
    ...figure('Stories', String(o.stories)),
    ...figure('Rewrites of another outlet', `${o.rewrites} (${pct(o.rewriteShare)})`, 'outlet-rewrites'),
    ...figure('Median lag after the source', lagText(o.medianLagMinutes), 'outlet-lag'),
    ...figure('Median share of a rewrite\'s sentences taken from its source', o.medianReuse === null ? '—' : pct(o.medianReuse), 'outlet-reuse'),
    ...figure('Quotes no other article has', `${o.unattestedQuotes} of ${o.quotes} (${pct(o.unattestedShare)})`),
    ...figure('Articles inventing a quote', pct(o.inventingShare), 'outlet-inventing'),
    ...figure('Stories where it is a side of a conflict', pct(o.conflictShare)),
    ...figure('Articles first in their story', pct(o.firstShare)),
  );
  const sources = panel(
    'h-sources',
    'Where its rewrites come from',
    edgeList(body.incoming, since, 'None of its articles derives from another outlet\'s.', 'outlet-incoming'),
  );
  const copiers = panel(
    'h-copiers',
    'Who rewrites it',
    edgeList(body.outgoing, since, 'No other outlet\'s article derives from its articles.', 'outlet-outgoing'),
  );
  const groups = panel(
    'h-ogroups',
    'Co-publishing groups',
    body.groups.length === 0
      ? h('p', { class: 'muted' }, 'In no group: no other outlet republishes rewrites of the same sources within 3 hours of it.')
      : h('ul', { 'data-testid': 'outlet-groups' }, ...body.groups.map((g) => h('li', {}, ...g.outlets.flatMap((x, k) => [k === 0 ? null : ', ', outletLink(x, since)]), ` — ${plural(g.sharedSources, 'shared source')}`))),
  );
  const traces = panel(
    'h-traces',
    'Machine-rewrite traces',
    o.traces.length === 0
      ? h('p', { class: 'muted' }, 'No leftovers of a text generator found in its articles.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { 'data-testid': 'outlet-traces' },
            h('caption', {}, `${plural(o.traces.length, 'trace')} in its articles`),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Article'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col', class: 'num' }, 'Offsets'), h('th', { scope: 'col' }, 'Text'))),
            h('tbody', {}, ...o.traces.map((t) => h('tr', {}, h('td', {}, h('code', {}, t.article)), h('td', {}, t.kind), h('td', { class: 'num' }, `${t.start}–${t.end}`), h('td', {}, h('q', {}, t.text))))),
          ),
        ),
  );
  const templates = panel(
    'h-templates',
    'Templated openings',
    o.templates.length === 0
      ? h('p', { class: 'muted' }, 'No opening repeated across its stories.')
      : h(
          'ul',
          { 'data-testid': 'outlet-templates' },
          ...o.templates.map((t) =>
            h(
              'li',
              {},
              h('q', {}, t.opening),
              ` — ${plural(t.articles, 'article')} in ${plural(t.stories, 'story', 'stories')} (${pct(t.share)} of its articles); for example `,
              ...t.examples.flatMap((x, k) => [k === 0 ? null : ', ', h('code', {}, x.article), ` ${x.start}–${x.end}`]),
            ),
          ),
        ),
  );
  replaceChildren(
    view,
    back,
    h('h1', {}, o.outlet),
    h('p', { class: 'muted' }, `Read from ${plural(body.stories, 'story', 'stories')}${since ? ` with an article since ${since}` : ''}.`),
    figures,
    sources,
    copiers,
    groups,
    traces,
    templates,
  );
}
