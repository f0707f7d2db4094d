/**
 * The article side of a support check, prepared once per article: its sentences (capped), their content
 * stems as IDF-weighted sets, and the article-wide stem, number and n-gram inventories.
 */
import { splitSentences } from '../analyse/sentences.js';
import { tokenize, type Token } from '../similarity/tokens.js';
import { TermWeights, type WeightedSet } from '../similarity/weights.js';
import type { Span } from '../types.js';

/** Sentences of an article considered for alignment (long articles: the rest only feeds the inventories). */
export const MAX_ARTICLE_SENTENCES = 120;

export interface ArticleSentence extends Span {
  tokens: Token[];
  stems: ReadonlySet<string>;
  set: WeightedSet;
  negated: boolean;
}

export interface PreparedArticle {
  text: string;
  sentences: ArticleSentence[];
  weights: TermWeights;
  /** Content stems anywhere in the article. */
  stems: ReadonlySet<string>;
  /** Every token norm and stem anywhere in the article (stopwords included). */
  words: ReadonlySet<string>;
  /** Token-norm bigrams and trigrams ("a b", "a b c") anywhere in the article. */
  ngrams: ReadonlySet<string>;
  /** Every token norm of the article in order, with the index of its sentence. */
  sequence: readonly { norm: string; sentence: number }[];
  /** Token norm → its positions in `sequence` (ascending). */
  positions: ReadonlyMap<string, readonly number[]>;
  /** Content stem or norm → the indices of the article sentences (all of them, not only the capped ones) holding it. */
  sentencesOf: ReadonlyMap<string, ReadonlySet<number>>;
}

const NEGATION_RE = /\b(?:not|no|never|none|nothing|neither|nor|cannot|without|nobody)\b|n['’]t\b/i;

/** True when the text carries a negation word. */
export function hasNegation(text: string): boolean {
  return NEGATION_RE.test(text);
}

/** Sentence spans of a text (the whole trimmed text when the splitter finds none). */
export function sentenceSpans(text: string): Span[] {
  const s = splitSentences(text).map((x) => ({ start: x.start, end: x.end, text: x.text }));
  if (s.length > 0) return s;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? [{ start, end, text: text.slice(start, end) }] : [];
}

/**
 * Numbers that a tokeniser split at their separator ("235, 000", "2. 4") rejoined, keeping the text's length
 * (the removed spaces move to the end of the number) so token offsets elsewhere stay valid. Only a number
 * starting with at most three digits is rejoined, and a comma only before a group of exactly three digits.
 */
export function joinSplitNumbers(text: string): string {
  return text.replace(/\d+(?:(?:, \d{3}(?!\d))|(?:\. \d+))+/g, (run) => {
    if (/^\d{4,}/.test(run)) return run;
    const joined = run.replace(/([.,]) /g, '$1');
    return joined + ' '.repeat(run.length - joined.length);
  });
}

/** n-grams (n = 2, 3) over the token norms, as space-joined keys. */
export function ngramKeys(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    out.push(`${tokens[i]!.norm} ${tokens[i + 1]!.norm}`);
    if (i + 2 < tokens.length) out.push(`${tokens[i]!.norm} ${tokens[i + 1]!.norm} ${tokens[i + 2]!.norm}`);
  }
  return out;
}

export function prepareArticle(text: string): PreparedArticle {
  const spans = sentenceSpans(text);
  const tokenised = spans.map((s) => ({ span: s, tokens: tokenize(joinSplitNumbers(s.text), s.start) }));
  const weights = new TermWeights(tokenised.map((t) => t.tokens.filter((x) => !x.stop).map((x) => x.stem)));
  const stems = new Set<string>();
  const words = new Set<string>();
  const ngrams = new Set<string>();
  const sequence: { norm: string; sentence: number }[] = [];
  const positions = new Map<string, number[]>();
  const sentencesOf = new Map<string, Set<number>>();
  tokenised.forEach((t, k) => {
    for (const x of t.tokens) {
      if (!x.stop) {
        for (const key of [x.stem, x.norm]) {
          const at = sentencesOf.get(key);
          if (at) at.add(k);
          else sentencesOf.set(key, new Set([k]));
        }
      }
      const at = positions.get(x.norm);
      if (at) at.push(sequence.length);
      else positions.set(x.norm, [sequence.length]);
      sequence.push({ norm: x.norm, sentence: k });
    }
  });
  for (const t of tokenised) {
    for (const x of t.tokens) {
      words.add(x.norm);
      words.add(x.stem);
      if (!x.stop) stems.add(x.stem);
    }
    for (const g of ngramKeys(t.tokens)) ngrams.add(g);
  }
  const sentences: ArticleSentence[] = tokenised.slice(0, MAX_ARTICLE_SENTENCES).map(({ span, tokens }) => {
    const content = tokens.filter((x) => !x.stop).map((x) => x.stem);
    return { ...span, tokens, stems: new Set(content), set: weights.set(content), negated: hasNegation(span.text) };
  });
  return { text, sentences, weights, stems, words, ngrams, sequence, positions, sentencesOf };
}
