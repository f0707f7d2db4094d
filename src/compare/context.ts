/** Per-story precomputation shared by every compare step: tokens, weighted sets, slots, unit vectors. */
import type { AnalysedArticle, Sentence, SentenceVectors } from '../types.js';
import { dice, TermWeights, weightedDice, type WeightedSet } from '../similarity/weights.js';
import { tokenize, type Token } from '../similarity/tokens.js';
import { sentenceSlots, type SentenceSlots, type SlotSide } from '../similarity/slots.js';
import { normalised } from '../similarity/vector.js';
import { crossUnits, CrossWeights, type CrossSentence } from '../similarity/crosslingual.js';
import { analysisLanguage, type AnalysisLanguage } from '../lang/language.js';

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
  /**
   * Story-wide id of the sentence text: sentences with one id have the same text, hence the same `surface` and
   * `bigrams` (the same objects) and the same tokens relative to their start.
   */
  textId: number;
  /** Story-wide id of `content`: sentences with one id share the same WeightedSet object. */
  contentId: number;
  /** The tokens of the sentence text with offsets relative to the text (shared by the sentences with that text). */
  textTokens: readonly Token[];
}

export interface ArticleInfo {
  order: number;
  id: string;
  /** The language its words are in (`analysisLanguage`). */
  language: AnalysisLanguage;
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
  /** True when the story's articles are in more than one language. */
  multilingual: boolean;
  /**
   * A text of an article in `language` as cross-lingual units (src/similarity/crosslingual.ts), weighted over all
   * sentences of the story (memoised: do not mutate). Only for multilingual stories.
   */
  crossSet(text: string, language: AnalysisLanguage): CrossSentence;
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
  // The articles of a story are mostly rewrites of one another: a sentence text recurs in many of them. What is
  // a function of the text alone (tokens relative to the sentence start, surface, bigrams, and the content set
  // where no media attribution cuts into the sentence) is computed once per distinct text.
  const texts = new Map<string, TextParts>();
  const partsOf = (text: string): TextParts => {
    let p = texts.get(text);
    if (!p) {
      const tokens = tokenize(text);
      const surface = tokens.map((t) => t.norm);
      p = { id: texts.size, tokens, surface, bigrams: bigrams(surface), stems: tokens.filter((t) => !t.stop).map((t) => t.stem), distinctStems: null, content: null };
      texts.set(text, p);
    }
    return p;
  };
  const parts = articles.map((a) => a.sentences.map((s) => partsOf(s.text)));
  // Content words: not stopwords, and not inside a media attribution ("according to the Harbor Wire
  // Service" says who reported, not what happened; two sentences do not agree by citing one agency).
  // (Token offsets here are relative to the sentence: `at` is its start in the article.)
  const inAttribution = (a: AnalysedArticle, t: Token, at: number): boolean =>
    a.attributions.some((m) => t.start + at >= m.start && t.end + at <= m.end);
  const contentOf = (a: AnalysedArticle, toks: readonly Token[], at: number): string[] =>
    toks.filter((t) => !t.stop && !inAttribution(a, t, at)).map((t) => t.stem);
  /** Whether a media attribution of the article covers a content token of the sentence (else its content is `stems`). */
  const attributed = (a: AnalysedArticle, toks: readonly Token[], at: number): boolean =>
    a.attributions.length > 0 && toks.some((t) => !t.stop && inAttribution(a, t, at));
  const weights = new TermWeights();
  articles.forEach((a, i) => {
    a.sentences.forEach((s, k) => {
      const p = parts[i]![k]!;
      if (attributed(a, p.tokens, s.start)) weights.add(contentOf(a, p.tokens, s.start));
      else weights.addDistinct((p.distinctStems ??= [...new Set(p.stems)]));
    });
  });
  // Sets made once per distinct content (a repeated text makes no new term ids: its terms have them already,
  // so the ids, and with them every set, are the ones a set per sentence would give).
  let contentIds = texts.size;
  const infos: ArticleInfo[] = articles.map((a, order) => {
    const slots = sentenceSlots(a);
    return {
      order,
      id: a.article.id,
      language: analysisLanguage(a.article),
      analysed: a,
      sentences: a.sentences.map((s, k) => {
        const p = parts[order]![k]!;
        const sl = slots[k] ?? { articleText: a.article.text, numbers: [], dates: [], entities: [], negations: [], attributions: [] };
        let content: WeightedSet;
        let contentId: number;
        if (attributed(a, p.tokens, s.start)) {
          content = weights.set(contentOf(a, p.tokens, s.start));
          contentId = contentIds++;
        } else {
          content = p.content ??= weights.set(p.stems);
          contentId = p.id;
        }
        const slotValues =
          sl.numbers.length === 0 && sl.dates.length === 0 ? [] : [...new Set([...sl.numbers.map((x) => `n:${x.value}`), ...sl.dates.map((x) => `d:${x.iso}`)])];
        return new StorySentence(order, a.article.id, s, p, content, sl, slotValues, unit(s.text), contentId);
      }),
    };
  });
  const weighed = new Map<string, WeightedSet>();
  const multilingual = new Set(infos.map((a) => a.language)).size > 1;
  // Cross-lingual term weights over every sentence of the story, made on first use.
  let crossWeights: CrossWeights | null = null;
  const crossSets = new Map<string, CrossSentence>();
  const crossSet = (text: string, language: AnalysisLanguage): CrossSentence => {
    if (!crossWeights) {
      crossWeights = new CrossWeights();
      for (const a of infos) for (const s of a.sentences) crossWeights.add(crossUnits(s.sentence.text, a.language));
    }
    const key = `${language}\u0000${text}`;
    let set = crossSets.get(key);
    if (!set) crossSets.set(key, (set = crossWeights.sentence(crossUnits(text, language))));
    return set;
  };
  return {
    articles: infos,
    weights,
    multilingual,
    crossSet,
    unit,
    weigh: (text: string) => {
      let set = weighed.get(text);
      if (!set) weighed.set(text, (set = weights.set(tokenize(text).filter((t) => !t.stop).map((t) => t.stem))));
      return set;
    },
  };
}

/**
 * dice(x.bigrams, y.bigrams). One text has one bigram set, and a set's Dice with itself is 2n / 2n = 1 exactly
 * (0 for the empty set): copies of a wire sentence, most links of a story, skip the set intersection.
 */
/** A conflict side: the stretch [start, end) of the sentence's article, its text as the value. */
export function sideAt(s: SentenceInfo, start: number, end: number): SlotSide {
  const text = s.slots.articleText.slice(start, end);
  return { start, end, text, value: text };
}

export function surfaceDice(x: SentenceInfo, y: SentenceInfo): number {
  if (x.textId === y.textId) return x.bigrams.size === 0 ? 0 : 1;
  return dice(x.bigrams, y.bigrams);
}

/**
 * weightedDice(x.content, y.content). For one set the shared weight is summed in the order `total` was, so it
 * equals `total` bit for bit and the Dice is exactly 1 (0 for the empty set).
 */
export function contentDice(x: SentenceInfo, y: SentenceInfo): number {
  if (x.contentId === y.contentId) return x.content.total === 0 ? 0 : 1;
  return weightedDice(x.content, y.content);
}

/** What a sentence text gives on its own, shared by the sentences of the story with that text. */
interface TextParts {
  id: number;
  /** Tokens with offsets relative to the text. */
  tokens: Token[];
  surface: string[];
  bigrams: Set<string>;
  /** Content-word stems when no attribution cuts into the sentence. */
  stems: string[];
  /** `stems` without repeats (first occurrences), made on first use. */
  distinctStems: string[] | null;
  content: WeightedSet | null;
}

/**
 * A sentence of the story. Its tokens with article offsets are made on first use: most sentences (copies of one
 * wire, aligned verbatim) are never read token by token after the context is built.
 */
class StorySentence implements SentenceInfo {
  private articleTokens: Token[] | null = null;
  readonly surface: string[];
  readonly bigrams: ReadonlySet<string>;
  readonly textId: number;
  readonly textTokens: readonly Token[];

  constructor(
    readonly article: number,
    readonly articleId: string,
    readonly sentence: Sentence,
    private readonly parts: TextParts,
    readonly content: WeightedSet,
    readonly slots: SentenceSlots,
    readonly slotValues: string[],
    readonly vec: Float32Array | null,
    readonly contentId: number,
  ) {
    this.surface = parts.surface;
    this.bigrams = parts.bigrams;
    this.textId = parts.id;
    this.textTokens = parts.tokens;
  }

  get tokens(): Token[] {
    return (this.articleTokens ??= shifted(this.parts.tokens, this.sentence.start));
  }
}

/** `tokens` with offsets moved by `by` (what `tokenize(text, by)` gives, as tokenize(text) is the same at 0). */
function shifted(tokens: readonly Token[], by: number): Token[] {
  return tokens.map((t) => ({ start: t.start + by, end: t.end + by, norm: t.norm, stem: t.stem, stop: t.stop, numeric: t.numeric }));
}

function bigrams(tokens: readonly string[]): Set<string> {
  if (tokens.length < 2) return new Set(tokens);
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
