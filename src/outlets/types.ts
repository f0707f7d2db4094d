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
  /**
   * Median share of a rewrite's sentences that align with its source (compare's text reuse), or null with no
   * rewrite: near 1 for a copy with a few words changed, lower for an outlet that tells the story in its own words.
   */
  medianReuse: number | null;
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
  /** Templated openings: the same first words (case, punctuation and digits aside) in articles of several of its stories. */
  templates: TemplatedOpening[];
}

/** An opening an outlet repeats across stories, with up to TEMPLATE_EXAMPLES articles that carry it (spans in their texts). */
export interface TemplatedOpening {
  /** The opening as first seen. */
  opening: string;
  articles: number;
  stories: number;
  /** Share of the outlet's articles that open so. */
  share: number;
  examples: { article: string; start: number; end: number; text: string }[];
}

/** One rewrite on an edge: the source article, the article derived from it, and why compare says so. */
export interface EdgePair {
  source: string;
  rewrite: string;
  sourceTitle: string | null;
  rewriteTitle: string | null;
  story: string;
  confidence: number;
  /** The derivation's evidence, as in the story report (kind, signed weight, the sentence saying what was found). */
  evidence: { kind: string; weight: number; detail: string }[];
}

/** A → B without its article pairs (the API's network lists these; `GET /api/v1/network/edge` gives the pairs). */
export interface OutletEdgeSummary {
  from: string;
  to: string;
  articles: number;
  medianLagMinutes: number | null;
}

/** A → B: B's articles derive from A's. */
export interface OutletEdge extends OutletEdgeSummary {
  /** The article pairs (source, rewrite) in the order the stories were read (the store reads the newest first), with the derivation's confidence and evidence; at most EDGE_PAIRS. */
  pairs: EdgePair[];
}

/** Outlets that republish rewrites of the same source articles within a short lag (a community of the co-publication graph). */
export interface OutletGroup {
  outlets: string[];
  /** Source articles rewritten by at least two of them within the window. */
  sharedSources: number;
}

/** The network with its edges summarised (no article pairs). */
export type NetworkSummary = Omit<OutletNetwork, 'edges'> & { edges: OutletEdgeSummary[] };

/** One outlet with the edges that touch it and the groups it is in (`outletView`). */
export interface OutletView {
  outlet: OutletRecord;
  /** Edges into it (the outlets it derives from), heaviest first. */
  incoming: OutletEdge[];
  /** Edges out of it (the outlets deriving from it), heaviest first. */
  outgoing: OutletEdge[];
  groups: OutletGroup[];
}

export interface OutletNetwork {
  outlets: OutletRecord[];
  edges: OutletEdge[];
  groups: OutletGroup[];
  /** Stories read (with a report). */
  stories: number;
}
