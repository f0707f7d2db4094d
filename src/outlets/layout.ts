/**
 * Where to draw the outlet network (the picture is 520 px square up to a dozen outlets, larger beyond): a pure, deterministic layout shared by the web UI's network page and the static
 * HTML page (`corroborate network --format html`).
 *
 * - Drawn outlets: at most MAX_DRAWN — those with a derivation edge or in a co-publishing group first, then the
 *   others, each by articles (ties by name); the tables list every outlet.
 * - Start: every group on a ring (the biggest first, clockwise from the top), its members on a small circle
 *   around its place; outlets in no group on an outer ring. Then ForceAtlas2 (graphology-layout-forceatlas2, its
 *   inferred settings, a fixed number of iterations, no randomness) over the derivation edges (weight
 *   log(1 + articles)), so outlets that copy each other move together. Coordinates are then fitted into the
 *   picture and rounded (same input, same picture).
 * - Node radius grows with the square root of its articles; an edge's width with log(1 + articles). An edge
 *   between two drawn outlets runs from border to border; A → B and B → A are drawn side by side.
 */
import { DirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { OutletEdgeSummary, OutletNetwork } from './types.js';

/** What the picture reads of a network: outlets, groups, and edges with or without their pairs. */
export type DrawnNetwork = Pick<OutletNetwork, 'outlets' | 'groups'> & { edges: readonly OutletEdgeSummary[] };

export const MAX_DRAWN = 60;
/** Edges drawn at most (the heaviest; `network.edges` is sorted by articles). */
export const MAX_DRAWN_EDGES = 200;
const ITERATIONS = 300;
const MIN_R = 7;
const MAX_R = 30;

export interface LayoutNode {
  outlet: string;
  articles: number;
  /** Index of its group in `network.groups`, or null. */
  group: number | null;
  x: number;
  y: number;
  r: number;
}

export interface LayoutEdge {
  /** Index of the edge in `network.edges`. */
  edge: number;
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Outlets not drawn (beyond MAX_DRAWN). */
  hidden: number;
  /** Edges between drawn outlets not drawn (beyond MAX_DRAWN_EDGES). */
  hiddenEdges: number;
}

interface ForceAtlas2 {
  (graph: DirectedGraph, params: { iterations: number; settings: Record<string, unknown>; getEdgeWeight: string }): Record<string, { x: number; y: number }>;
  inferSettings(graph: DirectedGraph): Record<string, unknown>;
}
/** The package is CommonJS (`module.exports = forceAtlas2`); Node and the bundler give it as the default import. */
const forceAtlas2 = forceAtlas2Module as unknown as ForceAtlas2;

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The picture of a network: which outlets, where, how big; `size` is the square side before margins. */
export function networkLayout(network: DrawnNetwork, options: { size?: number; maxDrawn?: number } = {}): NetworkLayout {
  const maxDrawn = options.maxDrawn ?? MAX_DRAWN;
  const groupOf = new Map<string, number>();
  network.groups.forEach((g, i) => g.outlets.forEach((o) => groupOf.set(o, i)));
  const linked = new Set<string>(network.edges.flatMap((e) => [e.from, e.to]));
  const ranked = [...network.outlets].sort(
    (a, b) =>
      Number(linked.has(b.outlet) || groupOf.has(b.outlet)) - Number(linked.has(a.outlet) || groupOf.has(a.outlet)) ||
      b.articles - a.articles ||
      (a.outlet < b.outlet ? -1 : a.outlet > b.outlet ? 1 : 0),
  );
  const drawn = ranked.slice(0, maxDrawn);
  const drawnSet = new Set(drawn.map((o) => o.outlet));
  // More outlets, a bigger picture: 520 px up to a dozen, then growing with the square root of their number.
  const size = options.size ?? Math.round(520 * Math.max(1, Math.sqrt(drawn.length / 12)));
  const maxArticles = Math.max(1, ...drawn.map((o) => o.articles));

  // Start positions: groups on a ring, members around their group's place; the rest on an outer ring.
  const graph = new DirectedGraph();
  const groups = network.groups.map((g) => g.outlets.filter((o) => drawnSet.has(o)));
  const loose = drawn.filter((o) => !groupOf.has(o.outlet)).map((o) => o.outlet);
  const ring = (i: number, n: number, radius: number, cx = 0, cy = 0): { x: number; y: number } => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  };
  groups.forEach((members, gi) => {
    const centre = groups.length === 1 ? { x: 0, y: 0 } : ring(gi, groups.length, 100);
    members.forEach((o, k) => graph.addNode(o, ring(k, members.length, 10 + 4 * members.length, centre.x, centre.y)));
  });
  loose.forEach((o, k) => graph.addNode(o, ring(k + 0.5, loose.length, 160)));
  network.edges.forEach((e) => {
    if (!drawnSet.has(e.from) || !drawnSet.has(e.to) || e.from === e.to) return;
    graph.mergeEdge(e.from, e.to, { weight: Math.log1p(e.articles) });
  });
  const placed: Record<string, { x: number; y: number }> =
    graph.size > 0 ? forceAtlas2(graph, { iterations: ITERATIONS, settings: forceAtlas2.inferSettings(graph), getEdgeWeight: 'weight' }) : Object.fromEntries(graph.mapNodes((n, a) => [n, { x: a.x as number, y: a.y as number }]));

  // Fit into the picture.
  const xs = Object.values(placed).map((p) => p.x);
  const ys = Object.values(placed).map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const margin = MAX_R + 60;
  const scale = drawn.length <= 1 ? 0 : size / span;
  const width = Math.round((drawn.length <= 1 ? 0 : (maxX - minX) * scale) + 2 * margin);
  const height = Math.round((drawn.length <= 1 ? 0 : (maxY - minY) * scale) + 2 * margin);
  const nodes: LayoutNode[] = drawn.map((o) => {
    const p = placed[o.outlet]!;
    return {
      outlet: o.outlet,
      articles: o.articles,
      group: groupOf.get(o.outlet) ?? null,
      x: round1(margin + (p.x - minX) * scale),
      y: round1(margin + (p.y - minY) * scale),
      r: round1(MIN_R + (MAX_R - MIN_R) * Math.sqrt(o.articles / maxArticles)),
    };
  });
  const at = new Map(nodes.map((n) => [n.outlet, n]));
  const maxEdge = Math.max(1, network.edges.reduce((m, e) => Math.max(m, e.articles), 0));
  const edges: LayoutEdge[] = [];
  const keys = new Set(network.edges.map((e) => JSON.stringify([e.from, e.to])));
  let hiddenEdges = 0;
  network.edges.forEach((e, i) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b || a === b) return;
    if (edges.length >= MAX_DRAWN_EDGES) {
      hiddenEdges++;
      return;
    }
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const [ux, uy] = [dx / len, dy / len];
    // A → B and B → A side by side: each shifted to its own right.
    const both = keys.has(JSON.stringify([e.to, e.from]));
    const shift = both ? 4 : 0;
    const [sx, sy] = [-uy * shift, ux * shift];
    edges.push({
      edge: i,
      from: e.from,
      to: e.to,
      x1: round1(a.x + ux * (a.r + 2) + sx),
      y1: round1(a.y + uy * (a.r + 2) + sy),
      x2: round1(b.x - ux * (b.r + 6) + sx),
      y2: round1(b.y - uy * (b.r + 6) + sy),
      width: round1(1 + 4 * (Math.log1p(e.articles) / Math.log1p(maxEdge))),
    });
  });
  return { width, height, nodes, edges, hidden: network.outlets.length - drawn.length, hiddenEdges };
}
