/**
 * Copy groups: articles of a story whose text is near-identical to an earlier article's (the same wire text
 * republished, perhaps with a sentence dropped or two swapped). Sentences are compared by their normalised text.
 *
 * Rule (story order, greedy): an article is a copy of the first earlier representative that holds at least
 * COPY_IN_SOURCE of its sentences while it holds at least COPY_OF_SOURCE of the representative's (so a short
 * excerpt of a long article is not its copy); an article that is nobody's copy is a representative. Candidate
 * representatives come from an index of sentence keys, so the cost grows with the number of sentences, not
 * with the number of article pairs. Articles of fewer than COPY_MIN_SENTENCES sentences are never grouped.
 */
import type { CopyGroup } from '../types.js';
import { normaliseKey } from '../text/normalise.js';
import type { ArticleInfo } from './context.js';

/** Share of the copy's sentences that the representative must hold verbatim. */
export const COPY_IN_SOURCE = 0.9;
/** Share of the representative's sentences that the copy must hold (a 15% shorter rewrite is still a copy). */
export const COPY_OF_SOURCE = 0.75;
export const COPY_MIN_SENTENCES = 3;

/** The distinct normalised sentence keys of an article. */
export function sentenceKeys(a: ArticleInfo): Set<string> {
  const out = new Set<string>();
  for (const s of a.sentences) {
    const k = normaliseKey(s.sentence.text);
    if (k !== '') out.add(k);
  }
  return out;
}

export function copyGroups(articles: readonly ArticleInfo[], keys: readonly Set<string>[] = articles.map(sentenceKeys)): CopyGroup[] {
  const reps: number[] = [];
  const members = new Map<number, { copies: number[]; min: number }>();
  /** sentence key → representatives holding it. */
  const index = new Map<string, number[]>();
  for (let i = 0; i < articles.length; i++) {
    const mine = keys[i]!;
    let joined = -1;
    if (mine.size >= COPY_MIN_SENTENCES) {
      const shared = new Map<number, number>();
      for (const k of mine) for (const r of index.get(k) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1);
      const candidates = [...shared.entries()].sort((x, y) => x[0] - y[0]);
      for (const [r, n] of candidates) {
        if (n / mine.size >= COPY_IN_SOURCE && n / keys[r]!.size >= COPY_OF_SOURCE) {
          joined = r;
          const g = members.get(r)!;
          g.copies.push(i);
          g.min = Math.min(g.min, n / mine.size);
          break;
        }
      }
    }
    if (joined >= 0) continue;
    reps.push(i);
    members.set(i, { copies: [], min: 1 });
    if (mine.size >= COPY_MIN_SENTENCES) {
      for (const k of mine) {
        const l = index.get(k);
        if (l) l.push(i);
        else index.set(k, [i]);
      }
    }
  }
  const out: CopyGroup[] = [];
  for (const r of reps) {
    const g = members.get(r)!;
    if (g.copies.length === 0) continue;
    out.push({ article: articles[r]!.id, copies: g.copies.map((c) => articles[c]!.id), minShared: Math.round(g.min * 1000) / 1000 });
  }
  return out;
}
