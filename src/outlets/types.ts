/** The outlet and network records (./index.ts computes them from story reports). */
import type { Span } from '../types.js';

/** A leftover of a text generator in an article ("As an AI language model", "Here is the rewritten article:"). */
export interface RewriteTrace extends Span {
  article: string;
  /** Which pattern it matched (a short name: "ai-disclaimer", "rewrite-preamble", "rewrite-note"). */
  kind: string;
}

/** One outlet's behaviour over the stories read. */
export interface OutletRecord {
  outlet: string;
  articles: number;
  stories: number;
  /** Articles that derive from another outlet's article (compare's derivation), and their share. */
  rewrites: number;
  rewriteShare: number;
  /** The outlets it derives from, most articles first (ties by name), at most 5. */
  topSources: { outlet: string; articles: number }[];
  /** Median minutes between a source article and its rewrite here (both dates known), or null. */
  medianLagMinutes: number | null;
  /** Direct quotes it prints, and those no other article quotes or supports (possible fabrications). */
  quotes: number;
  unattestedQuotes: number;
  unattestedShare: number;
  /** Share of its articles that print at least one such quote. */
  inventingShare: number;
  /** Share of its stories in which one of its articles is a side of a conflict. */
  conflictShare: number;
  /** Share of its articles that are the first published in their story. */
  firstShare: number;
  /** Machine-rewrite leftovers in its articles (with offsets). */
  traces: RewriteTrace[];
}

/** A → B: B's articles derive from A's. */
export interface OutletEdge {
  from: string;
  to: string;
  articles: number;
  medianLagMinutes: number | null;
  /** The article pairs (source, rewrite) with the derivation's confidence and evidence kinds; at most EDGE_PAIRS. */
  pairs: { source: string; rewrite: string; story: string; confidence: number; evidence: string[] }[];
}

/** Outlets that republish rewrites of the same source articles within a short lag (a community of the co-publication graph). */
export interface OutletGroup {
  outlets: string[];
  /** Source articles rewritten by at least two of them within the window. */
  sharedSources: number;
}

export interface OutletNetwork {
  outlets: OutletRecord[];
  edges: OutletEdge[];
  groups: OutletGroup[];
  /** Stories read (with a report). */
  stories: number;
}
