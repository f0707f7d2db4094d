/**
 * Direct-quote scoring on PolNeAR (data README, "quotes"), pure functions.
 *
 * Per article:
 * - gold = the attributions with `direct: true` (content enclosed in quotation marks); a gold content is
 *   its `fragments` when present, else [start, end];
 * - predicted = the quotes of `extract` with `direct: true` (full quotations; partial quotes — quoted words
 *   inside the writer's own clause — have `direct: false, partial: true` and are not scored); a predicted
 *   content is its `fragments` when present, else [start, end].
 * Content match, as the README defines it:
 * - overlap: a predicted span matches when it shares at least one character with some gold span, a gold
 *   span when some predicted span shares one with it (pieces compared piece by piece);
 * - exact: same start and end after trimming whitespace (outer start/end, pieces ignored). PolNeAR's gold
 *   contents include the quotation marks while our quote spans are the words inside them (Quote contract),
 *   so quotation marks at either end are trimmed too, on both sides.
 * - one-to-one at 50% (issue 11, "quote spans as a reader counts them"): each predicted quote matches at most
 *   one gold quote and each gold quote at most one predicted, and a pair counts only when the characters they
 *   share are at least half of each one's length (lengths and overlaps over their pieces, quotation marks and
 *   white space at the pieces' edges trimmed on both sides). Pairs are taken greedily, best share first (the
 *   smaller of the two shares; ties: earlier gold, then earlier predicted). One quotation split into two
 *   predicted quotes, or two quotations merged into one, scores at most one match.
 * Precision = matched predicted / predicted, recall = matched gold / gold, F1 = 2PR/(P+R), all pooled over
 * the articles (micro).
 * Speaker accuracy: among gold direct quotes that have a source AND are overlap-matched, the share whose
 * best predicted quote (largest character overlap; ties: first) has a speaker whose span overlaps the gold
 * source span by at least one character — the README's overlap match for the source role ("a predicted
 * attribution matches when its content matches and, if scored, its source too"). The speaker's resolved
 * name is NOT used: a quote attributed to "he" in the text must point at that "he" (or the name it
 * stands for in the same clause), not at another mention of the same person. A null speaker is wrong.
 */
export type Piece = readonly [number, number];

export interface PredictedQuote {
  pieces: readonly Piece[];
  speaker: { start: number; end: number; name: string } | null;
}

export interface GoldQuote {
  pieces: readonly Piece[];
  source: { start: number; end: number; text: string } | null;
}

export interface QuoteCounts {
  predicted: number;
  gold: number;
  /** Predicted spans that overlap some gold span. */
  matchedPredicted: number;
  /** Gold spans overlapped by some predicted span. */
  matchedGold: number;
  exactPredicted: number;
  exactGold: number;
  /** One-to-one pairs sharing ≥ 50% of each one's characters. */
  oneToOne: number;
  /** Matched gold quotes with a source, and those whose speaker is right. */
  speakerScored: number;
  speakerCorrect: number;
}

export const EMPTY_COUNTS: QuoteCounts = {
  predicted: 0,
  gold: 0,
  matchedPredicted: 0,
  matchedGold: 0,
  exactPredicted: 0,
  exactGold: 0,
  oneToOne: 0,
  speakerScored: 0,
  speakerCorrect: 0,
};

/** Characters shared by two piece lists. */
export function overlapChars(a: readonly Piece[], b: readonly Piece[]): number {
  let n = 0;
  for (const [s, e] of a) for (const [x, y] of b) n += Math.max(0, Math.min(e, y) - Math.max(s, x));
  return n;
}

const TRIM = /[\s“”"«»‹›‘’']/;

function trimmed(text: string, pieces: readonly Piece[]): Piece | null {
  if (pieces.length === 0) return null;
  let s = Math.min(...pieces.map((p) => p[0]));
  let e = Math.max(...pieces.map((p) => p[1]));
  while (s < e && TRIM.test(text[s] ?? '')) s++;
  while (e > s && TRIM.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/** The pieces with quotation marks and white space trimmed from each piece's edges (empty pieces dropped). */
function trimmedPieces(text: string, pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const t = trimmed(text, [p]);
    if (t && t[1] > t[0]) out.push(t);
  }
  return out;
}

const lengthOf = (pieces: readonly Piece[]): number => pieces.reduce((n, [s, e]) => n + (e - s), 0);

/** Pairs of one predicted and one gold quote sharing ≥ 50% of each one's characters, taken best first (see module comment). */
export function oneToOnePairs(text: string, predicted: readonly PredictedQuote[], gold: readonly GoldQuote[]): [number, number][] {
  const p = predicted.map((q) => trimmedPieces(text, q.pieces));
  const g = gold.map((q) => trimmedPieces(text, q.pieces));
  const candidates: { gi: number; pi: number; share: number }[] = [];
  g.forEach((gp, gi) => {
    const gl = lengthOf(gp);
    p.forEach((pp, pi) => {
      const pl = lengthOf(pp);
      if (gl === 0 || pl === 0) return;
      const o = overlapChars(pp, gp);
      const share = Math.min(o / gl, o / pl);
      if (share >= 0.5) candidates.push({ gi, pi, share });
    });
  });
  candidates.sort((a, b) => b.share - a.share || a.gi - b.gi || a.pi - b.pi);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    out.push([c.pi, c.gi]);
  }
  return out;
}

/** Whether a predicted speaker matches the gold source: spans share at least one character (see module comment). */
export function speakerMatches(speaker: PredictedQuote['speaker'], source: NonNullable<GoldQuote['source']>): boolean {
  if (!speaker) return false;
  return speaker.start < source.end && speaker.end > source.start;
}

/** Counts for one article (`text` is only used to trim whitespace for exact matches). */
export function scoreArticle(text: string, predicted: readonly PredictedQuote[], gold: readonly GoldQuote[]): QuoteCounts {
  const c: QuoteCounts = { ...EMPTY_COUNTS, predicted: predicted.length, gold: gold.length };
  const key = (p: Piece | null): string => (p ? `${p[0]}:${p[1]}` : '');
  const goldExact = new Set(gold.map((g) => key(trimmed(text, g.pieces))));
  const predExact = new Set(predicted.map((p) => key(trimmed(text, p.pieces))));
  for (const p of predicted) {
    if (gold.some((g) => overlapChars(p.pieces, g.pieces) > 0)) c.matchedPredicted++;
    if (goldExact.has(key(trimmed(text, p.pieces)))) c.exactPredicted++;
  }
  c.oneToOne = oneToOnePairs(text, predicted, gold).length;
  for (const g of gold) {
    if (predExact.has(key(trimmed(text, g.pieces)))) c.exactGold++;
    let best: PredictedQuote | null = null;
    let bestOverlap = 0;
    for (const p of predicted) {
      const o = overlapChars(p.pieces, g.pieces);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = p;
      }
    }
    if (!best) continue;
    c.matchedGold++;
    if (!g.source) continue;
    c.speakerScored++;
    if (speakerMatches(best.speaker, g.source)) c.speakerCorrect++;
  }
  return c;
}

export function addCounts(a: QuoteCounts, b: QuoteCounts): QuoteCounts {
  return {
    predicted: a.predicted + b.predicted,
    gold: a.gold + b.gold,
    matchedPredicted: a.matchedPredicted + b.matchedPredicted,
    matchedGold: a.matchedGold + b.matchedGold,
    exactPredicted: a.exactPredicted + b.exactPredicted,
    exactGold: a.exactGold + b.exactGold,
    oneToOne: a.oneToOne + b.oneToOne,
    speakerScored: a.speakerScored + b.speakerScored,
    speakerCorrect: a.speakerCorrect + b.speakerCorrect,
  };
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function quoteMetrics(c: QuoteCounts): Record<string, number> {
  const p = ratio(c.matchedPredicted, c.predicted);
  const r = ratio(c.matchedGold, c.gold);
  const ep = ratio(c.exactPredicted, c.predicted);
  const er = ratio(c.exactGold, c.gold);
  return {
    'overlap P': p,
    'overlap R': r,
    'overlap F1': f1(p, r),
    'exact F1': f1(ep, er),
    'one-to-one@50% F1': f1(ratio(c.oneToOne, c.predicted), ratio(c.oneToOne, c.gold)),
    'speaker accuracy': ratio(c.speakerCorrect, c.speakerScored),
  };
}
