/**
 * The outlet network's picture (src/outlets/layout.ts) and its self-contained HTML page (src/report/network-html.ts)
 * on networks we write: determinism, bounds, caps, sizes; escaping of hostile outlet names, no requests, links that
 * land on their sections.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DRAWN, MAX_DRAWN_EDGES, networkLayout } from '../src/outlets/layout.js';
import { outletView } from '../src/outlets/index.js';
import type { OutletEdge, OutletNetwork, OutletRecord } from '../src/outlets/types.js';
import { renderNetworkHtml } from '../src/report/network-html.js';

function outlet(name: string, articles: number, traces: OutletRecord['traces'] = []): OutletRecord {
  return { outlet: name, articles, stories: articles, rewrites: 0, rewriteShare: 0, topSources: [], medianLagMinutes: null, medianReuse: null, quotes: 0, unattestedQuotes: 0, unattestedShare: 0, inventingShare: 0, conflictShare: 0, firstShare: 0, traces, templates: [] };
}

function edge(from: string, to: string, articles: number): OutletEdge {
  return {
    from,
    to,
    articles,
    medianLagMinutes: 30,
    pairs: [{ source: `${from}-1`, rewrite: `${to}-1`, sourceTitle: `${from} title`, rewriteTitle: null, story: 's1', confidence: 0.8, evidence: [{ kind: 'text-reuse', weight: 0.4, detail: `90% of ${to}-1 aligns with ${from}-1` }] }],
  };
}

const IMG = '<img src=x onerror="alert(1)">';
const SCRIPT = '</title><script>alert(1)</script>';

/** A wire, a network of four copying it (one hostile name), an honest outlet, and a loose one. */
function smallNetwork(): OutletNetwork {
  const sites = ['Site A', `Site ${IMG}`, 'Site C', 'Site D'];
  return {
    outlets: [outlet('Wire', 40), outlet('outlet-2', 1), ...sites.map((s, i) => outlet(s, 20 + i, i === 0 ? [{ article: 'a-1', kind: 'rewrite-preamble', start: 0, end: 30, text: `Here is the rewritten article: ${SCRIPT}` }] : [])), outlet('Honest Herald', 10), outlet(`Loose ${SCRIPT}`, 3)],
    edges: [...sites.map((s, i) => edge('Wire', s, 18 - i)), edge('Site A', 'Site C', 2), edge('Site C', 'Site A', 1)],
    groups: [{ outlets: [...sites].sort(), sharedSources: 17 }],
    stories: 40,
  };
}

test('the layout is deterministic, inside its box, and sizes outlets by articles', () => {
  const net = smallNetwork();
  const a = networkLayout(net);
  const b = networkLayout(structuredClone(net));
  assert.deepEqual(a, b, 'same network, same picture');
  assert.equal(a.nodes.length, net.outlets.length);
  assert.equal(a.hidden, 0);
  for (const n of a.nodes) {
    assert.ok(n.x - n.r >= 0 && n.x + n.r <= a.width && n.y - n.r >= 0 && n.y + n.r <= a.height, `${n.outlet} inside the box`);
  }
  const r = new Map(a.nodes.map((n) => [n.outlet, n.r]));
  assert.ok(r.get('Wire')! > r.get('Site A')! && r.get('Site A')! > r.get(`Loose ${SCRIPT}`)!, 'radius grows with articles');
  assert.equal(a.nodes.find((n) => n.outlet === 'Site C')!.group, 0);
  assert.equal(a.nodes.find((n) => n.outlet === 'Wire')!.group, null);
  // Every edge between two drawn outlets is drawn; A → C and C → A side by side, not on top of each other.
  assert.equal(a.edges.length, net.edges.length);
  const ac = a.edges.find((e) => e.from === 'Site A' && e.to === 'Site C')!;
  const ca = a.edges.find((e) => e.from === 'Site C' && e.to === 'Site A')!;
  // The distance from C → A's midpoint to the line A → C: two 4-px shifts apart (0 if drawn on top of each other).
  const [mx, my] = [(ca.x1 + ca.x2) / 2, (ca.y1 + ca.y2) / 2];
  const gap = Math.abs((ac.x2 - ac.x1) * (ac.y1 - my) - (ac.x1 - mx) * (ac.y2 - ac.y1)) / Math.hypot(ac.x2 - ac.x1, ac.y2 - ac.y1);
  assert.ok(gap > 6 && gap < 10, `A → C and C → A are ${gap.toFixed(1)} px apart`);
  // Heavier edges are wider.
  assert.ok(a.edges.find((e) => e.to === 'Site A' && e.from === 'Wire')!.width > a.edges.find((e) => e.from === 'Site C' && e.to === 'Site A')!.width);
  // Outlets that copy the wire sit nearer to it than the outlet linked to nothing.
  const at = new Map(a.nodes.map((n) => [n.outlet, n]));
  const dist = (x: string, y: string): number => Math.hypot(at.get(x)!.x - at.get(y)!.x, at.get(x)!.y - at.get(y)!.y);
  assert.ok(dist('Wire', 'Site A') < dist('Wire', `Loose ${SCRIPT}`), 'a copier is drawn nearer its source than a loose outlet');
});

test('a big network draws the most connected outlets and the heaviest edges, and says how many it left out', () => {
  const outlets = Array.from({ length: 150 }, (_, i) => outlet(`Outlet ${String(i).padStart(3, '0')}`, 150 - i));
  // Outlet 149 (the smallest) copies outlet 0: linked outlets are drawn before bigger loose ones.
  const edges: OutletEdge[] = [edge('Outlet 000', 'Outlet 149', 5)];
  for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) if (i !== j) edges.push(edge(`Outlet ${String(i).padStart(3, '0')}`, `Outlet ${String(j).padStart(3, '0')}`, 1 + ((i * j) % 7)));
  edges.sort((x, y) => y.articles - x.articles);
  const layout = networkLayout({ outlets, edges, groups: [] });
  assert.equal(layout.nodes.length, MAX_DRAWN);
  assert.equal(layout.hidden, 150 - MAX_DRAWN);
  assert.ok(layout.nodes.some((n) => n.outlet === 'Outlet 149'), 'a linked outlet is drawn however small');
  assert.equal(layout.edges.length, MAX_DRAWN_EDGES);
  assert.equal(layout.hiddenEdges, edges.length - MAX_DRAWN_EDGES);
  const drawnWeights = layout.edges.map((e) => edges[e.edge]!.articles);
  assert.ok(Math.min(...drawnWeights) >= Math.max(...edges.filter((_, i) => !layout.edges.some((e) => e.edge === i)).map((e) => e.articles)), 'the heaviest edges are the ones drawn');
});

test('an outlet view has its record, the edges into and out of it, and its groups', () => {
  const net = smallNetwork();
  const view = outletView(net, 'Site A')!;
  assert.equal(view.outlet.articles, 20);
  assert.deepEqual(view.incoming.map((e) => e.from), ['Wire', 'Site C']);
  assert.deepEqual(view.outgoing.map((e) => e.to), ['Site C']);
  assert.equal(view.groups.length, 1);
  assert.equal(outletView(net, 'Nobody'), null);
});

test('the HTML page escapes hostile outlet names, makes no request, and every link lands on a section', () => {
  const net = smallNetwork();
  const html = renderNetworkHtml({ ...net, withoutReport: 2 }, 'corroborate test', '2026-11-01');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(html, /<script|<img|onerror=|<\/title><script/i, 'no markup from the data');
  assert.ok(html.includes('Site &lt;img src&#61;x onerror&#61;&quot;alert(1)&quot;&gt;'), 'the hostile name is there as text');
  assert.ok(!/(?:src|href)="(?:https?:)?\/\//i.test(html), 'no external reference');
  const idList = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const ids = new Set(idList);
  assert.equal(ids.size, idList.length, 'every id once');
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(targets.length > 10);
  for (const t of targets) assert.ok(ids.has(t), `#${t} has a section`);
  // The picture links each arrow to its edge's pairs, which carry the evidence; the trace is listed with offsets.
  assert.equal((html.match(/<a href="#edge-\d+"><title>/g) ?? []).length, net.edges.length);
  assert.ok(html.includes('text-reuse: 90% of Site C-1 aligns with Site A-1'));
  assert.ok(html.includes('<td class="num">0–30</td>'));
  assert.match(html, /2 stories without a current report are not counted/);
  assert.match(html, /with an article since 2026-11-01/);
  // Same input, same bytes.
  assert.equal(renderNetworkHtml({ ...net, withoutReport: 2 }, 'corroborate test', '2026-11-01'), html);
});
