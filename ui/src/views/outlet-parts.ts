/** Pieces the network page and the outlet page share: shares and lags as text, an edge's article pairs with evidence. */
import type { OutletEdge, OutletEdgeSummary } from '../../../src/outlets/types.js';
import { fixed2, lagText, pct, signed } from '../../../src/report/view.js';
import { h, type Child } from '../dom.js';
import { storyHash, outletHash } from '../router.js';

export { lagText, pct };

/** A link to an outlet's page (the name as text). */
export function outletLink(outlet: string, since?: string): HTMLAnchorElement {
  return h('a', { href: outletHash(outlet, since), class: 'outlet-link' }, outlet);
}

const articleLabel = (id: string, title: string | null): HTMLElement => h('span', {}, title ? h('span', { class: 'pair-title' }, title) : null, title ? ' ' : null, h('code', {}, id));

/** "A → B: n of B's articles derive from A's, median lag …" (a span: it also labels a <details>). */
export function edgeSummary(edge: OutletEdgeSummary, since?: string): HTMLElement {
  return h(
    'span',
    { class: 'edge-summary' },
    outletLink(edge.from, since),
    ' → ',
    outletLink(edge.to, since),
    `: ${edge.articles} ${edge.articles === 1 ? 'article' : 'articles'} of ${edge.to} derive from ${edge.from}'s`,
    edge.medianLagMinutes === null ? '' : `, published a median ${lagText(edge.medianLagMinutes)} after the source`,
    '.',
  );
}

/** The article pairs of an edge: source, rewrite, story, confidence, and the derivation's evidence. */
export function edgePairsTable(edge: OutletEdge): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'edge-pairs', 'data-testid': 'edge-pairs' },
      h('caption', {}, edge.pairs.length < edge.articles ? `The first ${edge.pairs.length} of ${edge.articles} article pairs` : `Every article pair (${edge.pairs.length})`),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, `Source (${edge.from})`), h('th', { scope: 'col' }, `Rewrite (${edge.to})`), h('th', { scope: 'col' }, 'Story'), h('th', { scope: 'col', class: 'num' }, 'Confidence'), h('th', { scope: 'col' }, 'Evidence (weight)')),
      ),
      h(
        'tbody',
        {},
        ...edge.pairs.map((p) =>
          h(
            'tr',
            { 'data-testid': 'edge-pair' },
            h('td', {}, articleLabel(p.source, p.sourceTitle)),
            h('td', {}, articleLabel(p.rewrite, p.rewriteTitle)),
            h('td', {}, h('a', { href: storyHash(p.story) }, 'open story')),
            h('td', { class: 'num' }, fixed2(p.confidence)),
            h('td', {}, h('ul', { class: 'evidence-list' }, ...p.evidence.map((e) => h('li', {}, h('span', { class: 'weight' }, signed(e.weight)), ` ${e.kind}: ${e.detail}`)))),
          ),
        ),
      ),
    ),
  );
}

/** A page section: a panel with its heading (`id` names the heading, for aria-labelledby). */
export function panel(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}
