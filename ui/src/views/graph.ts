/**
 * The derivation graph as an inline SVG built with createElementNS: one box per article (on a circle,
 * earliest first, clockwise from the top), an arrow from the source to the article derived from it
 * (width and label by confidence), a dashed line for a likely common source. Undetermined and independent
 * pairs are left out of the picture; the table below the picture lists every pair with its evidence.
 */
import type { DerivationPair } from '../../../src/types.js';
import { chronological, derivationPhrase, fixed2, revisionPhrase, signed, storySummary } from '../../../src/report/view.js';
import { PAIR_ROWS } from '../../../src/report/layout.js';
import { h, svg } from '../dom.js';
import { label, type StoryContext } from './context.js';

const BOX_W = 168;
const BOX_H = 40;

interface Point {
  x: number;
  y: number;
}

/** The point where the ray from the box centre towards `to` leaves the box (with a margin). */
function boxExit(c: Point, to: Point, margin: number): Point {
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  const tx = dx === 0 ? Infinity : (BOX_W / 2 + margin) / Math.abs(dx);
  const ty = dy === 0 ? Infinity : (BOX_H / 2 + margin) / Math.abs(dy);
  const t = Math.min(tx, ty, 1);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function graphSvg(ctx: StoryContext): SVGSVGElement {
  // A big story draws the articles it shows side by side (layout.ts), not hundreds of boxes.
  const order = ctx.layout.complete ? chronological(ctx.story, ctx.index) : ctx.layout.columns;
  const n = order.length;
  const pad = 24;
  const pos = new Map<string, Point>();
  let width: number;
  let height: number;
  if (n === 2) {
    // Two articles: side by side, with room for the arrow between them.
    width = 2 * BOX_W + 200 + 2 * pad;
    height = BOX_H + 2 * pad + 24;
    order.forEach((id, i) => pos.set(id, { x: pad + BOX_W / 2 + i * (BOX_W + 200), y: height / 2 + 8 }));
  } else {
    const radius = n <= 1 ? 0 : Math.max(110, (n * BOX_W * 0.75) / (2 * Math.PI));
    width = 2 * radius + BOX_W + 2 * pad;
    height = 2 * radius + BOX_H + 2 * pad;
    order.forEach((id, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
      pos.set(id, { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) });
    });
  }

  const root = svg('svg', {
    class: 'graph',
    viewBox: `0 0 ${Math.round(width)} ${Math.round(height)}`,
    width: Math.round(width),
    height: Math.round(height),
    role: 'img',
    'aria-labelledby': 'graph-title',
    'data-testid': 'derivation-graph',
  });
  root.appendChild(svg('title', { id: 'graph-title' }, `Derivation graph of ${n} articles: arrows point from a source to the article derived from it`));
  root.appendChild(
    svg(
      'defs',
      {},
      svg('marker', { id: 'arrowhead', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' })),
    ),
  );

  const edges = svg('g', { class: 'edges' });
  for (const pair of ctx.story.derivation) {
    if (pair.direction === 'undetermined' || pair.direction === 'independent') continue;
    const pa = pos.get(pair.a);
    const pb = pos.get(pair.b);
    if (!pa || !pb) continue;
    const [from, to] = pair.direction === 'a-from-b' ? [pb, pa] : [pa, pb];
    const start = boxExit(from, to, 2);
    const end = boxExit(to, from, 6);
    const common = pair.direction === 'common-source';
    const phrase = derivationPhrase(pair, label(ctx, pair.a), label(ctx, pair.b));
    const g = svg('g', { class: `edge ${common ? 'edge-common' : 'edge-derived'}`, 'data-direction': pair.direction });
    g.appendChild(svg('title', {}, `${phrase} (confidence ${fixed2(pair.confidence)})`));
    const line = svg('line', { x1: start.x.toFixed(1), y1: start.y.toFixed(1), x2: end.x.toFixed(1), y2: end.y.toFixed(1), 'marker-end': common ? null : 'url(#arrowhead)' });
    line.style.strokeWidth = String(1.5 + 3 * Math.max(0, Math.min(1, pair.confidence)));
    g.appendChild(line);
    const mx = (start.x + end.x) / 2;
    const my = (start.y + end.y) / 2;
    g.appendChild(svg('text', { x: mx.toFixed(1), y: (my - 6).toFixed(1), class: 'edge-label', 'text-anchor': 'middle' }, common ? `common source ${fixed2(pair.confidence)}` : fixed2(pair.confidence)));
    edges.appendChild(g);
  }
  root.appendChild(edges);

  const nodes = svg('g', { class: 'nodes' });
  for (const id of order) {
    const p = pos.get(id)!;
    const name = label(ctx, id);
    const article = ctx.index.get(id);
    nodes.appendChild(
      svg(
        'g',
        { class: 'node', 'data-article': id },
        svg('title', {}, `${name}${article?.title ? `: ${article.title}` : ''}`),
        svg('rect', { x: (p.x - BOX_W / 2).toFixed(1), y: (p.y - BOX_H / 2).toFixed(1), width: BOX_W, height: BOX_H, rx: 6 }),
        svg('text', { x: p.x.toFixed(1), y: (p.y + 5).toFixed(1), 'text-anchor': 'middle' }, truncate(name, 22)),
      ),
    );
  }
  root.appendChild(nodes);
  return root;
}

function pairRow(ctx: StoryContext, pair: DerivationPair): HTMLTableRowElement {
  const la = label(ctx, pair.a);
  const lb = label(ctx, pair.b);
  return h(
    'tr',
    { 'data-testid': 'derivation-row' },
    h('th', { scope: 'row' }, derivationPhrase(pair, la, lb)),
    h('td', { class: 'num' }, fixed2(pair.confidence)),
    h('td', {}, `${Math.round(pair.reuse.aInB * 100)}% of ${la} in ${lb}; ${Math.round(pair.reuse.bInA * 100)}% of ${lb} in ${la}`),
    h('td', {}, revisionPhrase(pair, la, lb)),
    h('td', {}, h('ul', { class: 'evidence-list' }, ...pair.evidence.map((e) => h('li', {}, h('span', { class: 'weight' }, signed(e.weight)), ` ${e.kind}: ${e.detail}`)))),
  );
}

export function derivationSection(ctx: StoryContext): HTMLElement {
  const all = ctx.story.derivation;
  const big = all.length > PAIR_ROWS;
  const pairs = big ? storySummary(ctx.story, ctx.index).directed.slice(0, PAIR_ROWS) : all;
  return h(
    'section',
    { class: 'panel', id: 'sec-derivation', 'aria-labelledby': 'h-derivation' },
    h('h2', { id: 'h-derivation' }, 'Who rewrote whom'),
    h('div', { class: 'graph-wrap' }, graphSvg(ctx)),
    h('p', { class: 'legend muted' }, 'Arrow: from the source to the article derived from it; thicker = more confident. Dashed: likely a common source.'),
    all.length === 0
      ? h('p', { class: 'muted' }, 'Only one article: nothing to compare.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'derivation' },
            h('caption', {}, big ? `The ${pairs.length} most confident directed pairs of ${all.length} assessed (every pair is in the JSON report)` : 'Every pair of articles'),
            h(
              'thead',
              {},
              h('tr', {}, h('th', { scope: 'col' }, 'Finding'), h('th', { scope: 'col', class: 'num' }, 'Confidence'), h('th', { scope: 'col' }, 'Aligned sentences'), h('th', { scope: 'col' }, 'Revision'), h('th', { scope: 'col' }, 'Evidence (weight)')),
            ),
            h('tbody', {}, ...pairs.map((p) => pairRow(ctx, p))),
          ),
        ),
  );
}
