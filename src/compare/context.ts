/** Per-story precomputation shared by every compare step: tokens, weighted sets, slots, unit vectors. */
import type { AnalysedArticle, Sentence, SentenceVectors } from '../types.js';
import { TermWeights, type WeightedSet } from '../similarity/weights.js';
import { tokenize, type Token } from '../similarity/tokens.js';
import { sentenceSlots, type SentenceSlots } from '../similarity/slots.js';
import { normalised } from '../similarity/vector.js';

export interface SentenceInfo {
  /** Position of the article in the story. */
  article: number;
  articleId: string;
  sentence: Sentence;
  tokens: Token[];
  /** Content-word stems as a weighted set. */
  content: WeightedSet;
  /** All normalised tokens (for near-verbatim tests). */
  surface: string[];
  /** Distinct word bigrams of `surface` (near-verbatim = the same words in the same order). */
  bigrams: ReadonlySet<string>;
  slots: SentenceSlots;
  /** Distinct number values ("n:1200") and date values ("d:2026-11-17") of the sentence. */
  slotValues: string[];
  /** Unit-length sentence vector, or null without vectors. */
  vec: Float32Array | null;
}

export interface ArticleInfo {
  order: number;
  id: string;
  analysed: AnalysedArticle;
  sentences: SentenceInfo[];
}

export interface StoryContext {
  articles: ArticleInfo[];
  weights: TermWeights;
  /** Unit vector of any text (sentence or quote) the encoder embedded, else null. */
  unit(text: string): Float32Array | null;
  /** Content stems of any text as a weighted set under the story's weights (memoised by text: do not mutate). */
  weigh(text: string): WeightedSet;
}

export function buildContext(articles: readonly AnalysedArticle[], vectors: SentenceVectors): StoryContext {
  const units = new Map<string, Float32Array | null>();
  const unit = (text: string): Float32Array | null => {
    let u = units.get(text);
    if (u === undefined) {
      const v = vectors.get(text);
      u = v ? normalised(v) : null;
      units.set(text, u);
    }
    return u;
  };
  const tokenised = articles.map((a) => a.sentences.map((s) => tokenize(s.text, s.start)));
  // Content words: not stopwords, and not inside a media attribution ("according to the Harbor Wire
  // Service" says who reported, not what happened; two sentences do not agree by citing one agency).
  const contentOf = (a: AnalysedArticle, toks: readonly Token[]): string[] =>
    toks.filter((t) => !t.stop && !a.attributions.some((m) => t.start >= m.start && t.end <= m.end)).map((t) => t.stem);
  const weights = new TermWeights();
  articles.forEach((a, i) => {
    for (const toks of tokenised[i]!) weights.add(contentOf(a, toks));
  });
  const infos: ArticleInfo[] = articles.map((a, order) => {
    const slots = sentenceSlots(a);
    return {
      order,
      id: a.article.id,
      analysed: a,
      sentences: a.sentences.map((s, k) => {
        const tokens = tokenised[order]![k]!;
        const sl = slots[k] ?? { articleText: a.article.text, numbers: [], dates: [], entities: [], negations: [], attributions: [] };
        return {
          article: order,
          articleId: a.article.id,
          sentence: s,
          tokens,
          content: weights.set(contentOf(a, tokens)),
          surface: tokens.map((t) => t.norm),
          bigrams: bigrams(tokens.map((t) => t.norm)),
          slots: sl,
          slotValues: [...new Set([...sl.numbers.map((x) => `n:${x.value}`), ...sl.dates.map((x) => `d:${x.iso}`)])],
          vec: unit(s.text),
        };
      }),
    };
  });
  const weighed = new Map<string, WeightedSet>();
  return {
    articles: infos,
    weights,
    unit,
    weigh: (text: string) => {
      let set = weighed.get(text);
      if (!set) weighed.set(text, (set = weights.set(tokenize(text).filter((t) => !t.stop).map((t) => t.stem))));
      return set;
    },
  };
}

function bigrams(tokens: readonly string[]): Set<string> {
  if (tokens.length < 2) return new Set(tokens);
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
