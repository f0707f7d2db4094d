/**
 * Article-body extraction metric of the Zyte article-extraction benchmark (upstream evaluate.py, as
 * described in /work/shared/data/README.md), pure:
 *  - tokens: `\w+` runs (Python, Unicode) ≈ /[\p{L}\p{N}_]+/gu, case kept;
 *  - shingles: every window of 4 consecutive tokens, as a multiset; a text with fewer than 4 tokens gives
 *    one shorter shingle (all its tokens), an empty text none;
 *  - per page: TP = Σ min(true, pred), FP = Σ max(0, pred − true), FN = Σ max(0, true − pred) over the
 *    shingle counts; precision = TP/(TP+FP), recall = TP/(TP+FN), except both are 1 when FP = FN = 0 and
 *    a ratio with a zero denominator is 0;
 *  - precision = mean of page precisions over pages with TP+FP > 0; recall = mean of page recalls over
 *    pages with TP+FN > 0; F1 = 2PR/(P+R) of those means; accuracy = share of pages whose token lists are
 *    identical. (Upstream also reports a bootstrap std; not computed here.)
 */

export const SHINGLE_SIZE = 4;

export function extractionTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export function shingleCounts(tokens: readonly string[], n = SHINGLE_SIZE): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const size = Math.min(n, tokens.length);
  for (let i = 0; i + size <= tokens.length; i++) {
    // U+0001 cannot occur inside a \w token, so joined windows never collide.
    const key = tokens.slice(i, i + size).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Identical token lists. */
  exact: boolean;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const tt = extractionTokens(truth);
  const pt = extractionTokens(predicted);
  const t = shingleCounts(tt);
  const p = shingleCounts(pt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(c, pc);
    fn += Math.max(0, c - pc);
  }
  for (const [k, c] of p) fp += Math.max(0, c - (t.get(k) ?? 0));
  const perfect = fp === 0 && fn === 0;
  const precision = perfect ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = perfect ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i]);
  return { tp, fp, fn, precision, recall, exact };
}

export interface ExtractionScores {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function extractionScores(pages: readonly { truth: string; predicted: string }[]): ExtractionScores {
  const scored = pages.map((p) => scorePage(p.truth, p.predicted));
  const precision = mean(scored.filter((s) => s.tp + s.fp > 0).map((s) => s.precision));
  const recall = mean(scored.filter((s) => s.tp + s.fn > 0).map((s) => s.recall));
  return {
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    precision,
    recall,
    accuracy: scored.length === 0 ? 0 : scored.filter((s) => s.exact).length / scored.length,
    pages: scored.length,
  };
}
