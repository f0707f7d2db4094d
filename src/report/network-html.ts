/**
 * The outlet network as ONE self-contained HTML page (`corroborate outlets|network --format html`): no script at
 * all, inline CSS, a Content-Security-Policy that forbids every request. The picture is the web UI's
 * (src/outlets/layout.ts) as inline SVG; every arrow is a link to its edge's section (the article pairs and the
 * derivation's evidence), every circle to its outlet's section (figures, sources, machine-rewrite traces with
 * offsets). Every string from the data goes through `escapeHtml`; element ids are numbers (outlet-N in the order of
 * the outlets, edge-N, group-N), never made from names; numbers go through `num`. Deterministic.
 */
import { WINDOW_MINUTES } from '../outlets/index.js';
import { networkLayout, type NetworkLayout } from '../outlets/layout.js';
import type { OutletEdge, OutletNetwork, OutletRecord } from '../outlets/types.js';
import { escapeHtml as esc } from './escape.js';
import { pageHead, STYLE } from './html-assets.js';
import { fixed2, lagText as lag, pct, plural, signed } from './view.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
/** Edges given a section with their pairs (the heaviest); the rest are counted. */
export const HTML_EDGES = 200;
/** Article pairs listed per edge (the rest are in the JSON and the web UI). */
const HTML_PAIRS = 5;
/** Traces listed per outlet (the first ones by article); the rest are counted. */
const HTML_TRACES = 50;

const NETWORK_STYLE = `
svg.network{display:block;max-width:100%;height:auto;margin:0 auto;font:12px system-ui,sans-serif}
svg.network .stroke{stroke:#0072b2;stroke-opacity:.7}
svg.network a:hover .stroke,svg.network a:focus .stroke{stroke:#d55e00;stroke-opacity:1}
svg.network .hit{stroke:transparent;stroke-width:12px}
svg.network .arrowhead{fill:#0072b2}
svg.network circle{stroke:#18324d;stroke-width:1.5}
svg.network text{fill:#18324d;paint-order:stroke;stroke:#fff;stroke-width:3px}
.g0{fill:#e69f00;background:#e69f00}.g1{fill:#56b4e9;background:#56b4e9}.g2{fill:#009e73;background:#009e73}.g3{fill:#f0e442;background:#f0e442}
.g4{fill:#cc79a7;background:#cc79a7}.g5{fill:#0072b2;background:#0072b2}.g6{fill:#d55e00;background:#d55e00}.g7{fill:#999;background:#999}.gn{fill:#e8edf2;background:#e8edf2}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:50%;border:1px solid #18324d;margin-right:.4em;vertical-align:middle}
section.edge,section.outlet{border:1px solid var(--line);border-radius:6px;padding:.2rem .9rem .6rem;margin:1rem 0}
section.edge:target,section.outlet:target{border-color:#d55e00;box-shadow:0 0 0 3px #fde2cf}
ul.evidence{margin:0;padding-left:1.1rem}
dl.figures{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem}
dl.figures dt{font-weight:600}dl.figures dd{margin:0}
`;

function num(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** Links to outlets' sections: ids by position, so no name can take another outlet's id. */
type OutletLink = (outlet: string) => string;
function outletLinks(net: OutletNetwork): { id: (outlet: string) => string | undefined; link: OutletLink } {
  const ids = new Map(net.outlets.map((o, i) => [o.outlet, `outlet-${num(i + 1)}`]));
  return { id: (o) => ids.get(o), link: (o) => (ids.has(o) ? `<a href="#${ids.get(o)!}">${esc(o)}</a>` : esc(o)) };
}
const groupClass = (g: number | null): string => (g === null ? 'gn' : `g${Math.min(g, 7)}`);

function picture(net: OutletNetwork, layout: NetworkLayout, edgeIds: ReadonlyMap<number, string>, outletId: (outlet: string) => string | undefined): string {
  const parts: string[] = [
    `<svg class="network" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}" width="${num(layout.width)}" height="${num(layout.height)}" role="group" aria-label="Outlet network: arrows point from a source outlet to the outlet rewriting its articles">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>',
  ];
  for (const le of layout.edges) {
    const e = net.edges[le.edge]!;
    const target = edgeIds.get(le.edge);
    const label = `${e.from} → ${e.to}: ${plural(e.articles, 'article')}, median lag ${lag(e.medianLagMinutes)}`;
    const line = `<title>${esc(label)}</title><line class="hit" x1="${num(le.x1)}" y1="${num(le.y1)}" x2="${num(le.x2)}" y2="${num(le.y2)}"/><line class="stroke" x1="${num(le.x1)}" y1="${num(le.y1)}" x2="${num(le.x2)}" y2="${num(le.y2)}" stroke-width="${num(le.width)}" marker-end="url(#arrow)"/>`;
    parts.push(target ? `<a href="#${target}">${line}</a>` : `<g>${line}</g>`);
  }
  for (const n of layout.nodes) {
    const name = n.outlet.length <= 24 ? n.outlet : `${n.outlet.slice(0, 23)}…`;
    parts.push(
      `<a href="#${outletId(n.outlet)!}"><title>${esc(`${n.outlet}: ${plural(n.articles, 'article')}`)}</title><circle class="${groupClass(n.group)}" cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.r)}"/><text x="${num(n.x)}" y="${num(Math.round((n.y + n.r + 14) * 10) / 10)}" text-anchor="middle">${esc(name)}</text></a>`,
    );
  }
  parts.push('</svg>');
  const notes = [
    layout.hidden > 0 ? `${num(layout.nodes.length)} outlets are drawn (those with an edge or a group first, the biggest first); the table lists all ${num(net.outlets.length)}.` : '',
    layout.hiddenEdges > 0 ? `The heaviest ${num(layout.edges.length)} edges between them are drawn.` : '',
  ].filter((s) => s !== '');
  parts.push(
    `<p class="legend muted">Circle: an outlet, sized by its articles, coloured by its co-publishing group (grey: none). Arrow: from a source outlet to the outlet whose articles derive from it, thicker = more articles. Click either for its section. ${notes.join(' ')}</p>`,
  );
  return parts.join('\n');
}

function edgeSection(e: OutletEdge, id: string, outletLink: OutletLink): string {
  const pairs = e.pairs.slice(0, HTML_PAIRS);
  const rows = pairs.map(
    (p) =>
      `<tr><td>${p.sourceTitle ? `<strong>${esc(p.sourceTitle)}</strong> ` : ''}<code>${esc(p.source)}</code></td><td>${p.rewriteTitle ? `<strong>${esc(p.rewriteTitle)}</strong> ` : ''}<code>${esc(p.rewrite)}</code></td><td><code>${esc(p.story)}</code></td><td class="num">${fixed2(p.confidence)}</td><td><ul class="evidence">${p.evidence.map((x) => `<li><span class="weight">${esc(signed(x.weight))}</span> ${esc(x.kind)}: ${esc(x.detail)}</li>`).join('')}</ul></td></tr>`,
  );
  return `<section class="edge" id="${id}">
<h3>${esc(e.from)} → ${esc(e.to)}</h3>
<p>${outletLink(e.from)} → ${outletLink(e.to)}: ${plural(e.articles, 'article')} of ${esc(e.to)} derive from ${esc(e.from)}'s${e.medianLagMinutes === null ? '' : `, published a median ${lag(e.medianLagMinutes)} after the source`}.</p>
<table><caption>${pairs.length < e.articles ? `The first ${num(pairs.length)} of ${num(e.articles)} article pairs` : `Every article pair (${num(pairs.length)})`}</caption>
<thead><tr><th>Source (${esc(e.from)})</th><th>Rewrite (${esc(e.to)})</th><th>Story</th><th class="num">Confidence</th><th>Evidence (weight)</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function outletSection(o: OutletRecord, id: string, group: number | null, outletLink: OutletLink): string {
  const figures: [string, string][] = [
    ['Articles', num(o.articles)],
    ['Stories', num(o.stories)],
    ['Rewrites of another outlet', `${num(o.rewrites)} (${pct(o.rewriteShare)})`],
    ['Median lag after the source', lag(o.medianLagMinutes)],
    ["Median share of a rewrite's sentences taken from its source", o.medianReuse === null ? '—' : pct(o.medianReuse)],
    ['Quotes no other article has', `${num(o.unattestedQuotes)} of ${num(o.quotes)} (${pct(o.unattestedShare)})`],
    ['Articles inventing a quote', pct(o.inventingShare)],
    ['Stories where it is a side of a conflict', pct(o.conflictShare)],
    ['Articles first in their story', pct(o.firstShare)],
    ['Top sources', o.topSources.length === 0 ? '—' : o.topSources.map((s) => `${outletLink(s.outlet)} (${num(s.articles)})`).join(', ')],
    ['Co-publishing group', group === null ? 'none' : `<a href="#group-${num(group + 1)}">group ${num(group + 1)}</a>`],
  ];
  const traces = o.traces.slice(0, HTML_TRACES);
  const traceTable =
    o.traces.length === 0
      ? '<p class="none">No leftovers of a text generator found in its articles.</p>'
      : `<table><caption>${o.traces.length > traces.length ? `The first ${num(traces.length)} of ${num(o.traces.length)} machine-rewrite traces` : plural(o.traces.length, 'machine-rewrite trace')}</caption><thead><tr><th>Article</th><th>Kind</th><th class="num">Offsets</th><th>Text</th></tr></thead><tbody>${traces
          .map((t) => `<tr><td><code>${esc(t.article)}</code></td><td>${esc(t.kind)}</td><td class="num">${num(t.start)}–${num(t.end)}</td><td>“${esc(t.text)}”</td></tr>`)
          .join('')}</tbody></table>`;
  const templates =
    o.templates.length === 0
      ? ''
      : `<p><strong>Templated openings</strong></p><ul>${o.templates
          .map((t) => `<li>“${esc(t.opening)}” — ${plural(t.articles, 'article')} in ${plural(t.stories, 'story', 'stories')} (${pct(t.share)}); for example ${t.examples.map((x) => `<code>${esc(x.article)}</code> ${num(x.start)}–${num(x.end)}`).join(', ')}</li>`)
          .join('')}</ul>`;
  return `<section class="outlet" id="${id}">
<h3>${esc(o.outlet)}</h3>
<dl class="figures">${figures.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${traceTable}
${templates}
</section>`;
}

/** The page. `window`: the --since date the stories were read from, if any. */
export function renderNetworkHtml(net: OutletNetwork & { withoutReport?: number }, generator: string, window?: string): string {
  const groupOf = new Map<string, number>();
  net.groups.forEach((g, i) => g.outlets.forEach((o) => groupOf.set(o, i)));
  const { id: outletId, link: outletLink } = outletLinks(net);
  // A section for each of the heaviest edges and for every edge drawn (a drawn arrow always links to its pairs).
  const edgeIds = new Map<number, string>();
  for (let i = 0; i < Math.min(HTML_EDGES, net.edges.length); i++) edgeIds.set(i, `edge-${num(i + 1)}`);
  const layout = net.outlets.length > 0 ? networkLayout(net) : null;
  for (const e of layout?.edges ?? []) edgeIds.set(e.edge, `edge-${num(e.edge + 1)}`);
  const sectioned = [...edgeIds.keys()].sort((a, b) => a - b);
  const withoutReport = net.withoutReport ?? 0;
  const outletRows = net.outlets.map(
    (o) =>
      `<tr><th scope="row">${outletLink(o.outlet)}</th><td class="num">${num(o.articles)}</td><td class="num">${pct(o.rewriteShare)}</td><td class="num">${lag(o.medianLagMinutes)}</td><td class="num">${o.medianReuse === null ? '—' : pct(o.medianReuse)}</td><td class="num">${pct(o.inventingShare)}</td><td class="num">${pct(o.conflictShare)}</td><td class="num">${pct(o.firstShare)}</td><td class="num">${num(o.traces.length)}</td><td>${o.topSources[0] ? `${outletLink(o.topSources[0].outlet)} (${num(o.topSources[0].articles)})` : '—'}</td></tr>`,
  );
  const edgeRows = net.edges
    .slice(0, HTML_EDGES)
    .map((e, i) => `<tr><td>${outletLink(e.from)}</td><td>${outletLink(e.to)}</td><td class="num">${num(e.articles)}</td><td class="num">${lag(e.medianLagMinutes)}</td><td><a href="#${edgeIds.get(i)!}">pairs</a></td></tr>`);
  const groups =
    net.groups.length === 0
      ? `<p class="none">No outlets republish rewrites of the same sources within ${num(WINDOW_MINUTES / 60)} hours of each other.</p>`
      : `<ol>${net.groups.map((g, i) => `<li id="group-${num(i + 1)}"><span class="swatch ${groupClass(i)}"></span>${g.outlets.map(outletLink).join(', ')} — ${plural(g.sharedSources, 'source')} rewritten by two or more of them within ${num(WINDOW_MINUTES / 60)} hours of each other</li>`).join('\n')}</ol>`;
  return `${pageHead({ csp: CSP, generator, title: 'Corroborate outlet network', style: STYLE + NETWORK_STYLE }, esc)}<header class="report-head">
<h1>Outlet network</h1>
<p class="muted">${plural(net.outlets.length, 'outlet')} · ${plural(net.edges.length, 'derivation edge')} · ${plural(net.groups.length, 'co-publishing group')} · read from ${plural(net.stories, 'story', 'stories')}${window ? ` with an article since ${esc(window)}` : ''} · ${esc(generator)}</p>
${withoutReport > 0 ? `<p class="problems">${plural(withoutReport, 'story', 'stories')} without a current report ${withoutReport === 1 ? 'is' : 'are'} not counted ('corroborate ingest' with no input computes them).</p>` : ''}
</header>
<h2>Who rewrites whom</h2>
${layout === null ? '<p class="none">No stored stories to read.</p>' : picture(net, layout, edgeIds, outletId)}
<h2>Co-publishing groups</h2>
${groups}
<h2>Outlets</h2>
<table><thead><tr><th>Outlet</th><th class="num">Articles</th><th class="num">Rewrites</th><th class="num">Median lag</th><th class="num">Text reused</th><th class="num">Inventing a quote</th><th class="num">In a conflict</th><th class="num">First in story</th><th class="num">Rewrite traces</th><th>Top source</th></tr></thead>
<tbody>${outletRows.join('\n')}</tbody></table>
<h2>Derivation edges</h2>
${net.edges.length === 0 ? '<p class="none">No article derives from another outlet\'s.</p>' : `<table><caption>${net.edges.length > HTML_EDGES ? `The ${num(HTML_EDGES)} heaviest of ${num(net.edges.length)} edges (every edge is in the JSON)` : `Every edge (${num(net.edges.length)})`}</caption><thead><tr><th>Source outlet</th><th>Rewriting outlet</th><th class="num">Articles</th><th class="num">Median lag</th><th>Pairs</th></tr></thead><tbody>${edgeRows.join('\n')}</tbody></table>`}
${sectioned.map((i) => edgeSection(net.edges[i]!, edgeIds.get(i)!, outletLink)).join('\n')}
<h2>Each outlet</h2>
${net.outlets.map((o) => outletSection(o, outletId(o.outlet)!, groupOf.get(o.outlet) ?? null, outletLink)).join('\n')}
</body>
</html>
`;
}
