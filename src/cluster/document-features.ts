import type { AnalysedArticle, SentenceVectors } from '../types.js';
import { tokenize } from '../similarity/tokens.js';

/** A sparse weighted term bag of one article, before IDF weighting. */
export type TermCounts = Map<string, number>;

/** How much more an entity, a number-with-its-noun or a date counts than a plain content word. */
const ENTITY_WEIGHT = 2;
const SLOT_WEIGHT = 1.5;
const TITLE_WEIGHT = 2;

/** Content words (the shared tokenizer's stems, stopwords and bare numbers dropped), entity keys (`e:`), counted numbers (`n:`) and day dates (`d:`). */
export function documentTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  const add = (term: string, weight: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  const addWords = (text: string, weight: number): void => {
    for (const token of tokenize(text)) {
      if (token.stop || token.numeric || token.norm.length < 3) continue;
      add(token.stem, weight);
    }
  };
  if (doc.article.title) addWords(doc.article.title, TITLE_WEIGHT);
  addWords(doc.article.text, 1);
  for (const entity of doc.entities) add(`e:${entity.key}`, ENTITY_WEIGHT * entity.mentions.length);
  for (const n of doc.numbers) if (n.countedKey) add(`n:${n.value}:${n.countedKey}`, SLOT_WEIGHT);
  for (const d of doc.dates) if (d.grain === 'day' && !d.inferred) add(`d:${d.iso}`, SLOT_WEIGHT);
  return counts;
}

/** Mean of the article's sentence vectors (unit length), or null without the encoder. */
export function documentVector(doc: AnalysedArticle, vectors: SentenceVectors): Float32Array | null {
  let sum: Float32Array | null = null;
  for (const sentence of doc.sentences) {
    const v = vectors.get(sentence.text);
    if (!v) continue;
    sum ??= new Float32Array(v.length);
    for (let i = 0; i < v.length; i++) sum[i]! += v[i]!;
  }
  if (!sum) return null;
  let norm = 0;
  for (const x of sum) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return null;
  for (let i = 0; i < sum.length; i++) sum[i]! /= norm;
  return sum;
}

/** How much of the text counts as the lead (headline, dateline and first sentences). */
export const LEAD_CHARS = 600;

/** Content-word stems of the lead: the headline and first sentences carry the event's who/what/where. */
export function leadTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  const text = (doc.article.title ? `${doc.article.title}\n` : '') + doc.article.text.slice(0, LEAD_CHARS);
  for (const token of tokenize(text)) {
    if (token.stop || token.numeric || token.norm.length < 3) continue;
    counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
  }
  return counts;
}

/** Entity keys and the words of those keys (so "lohan" meets "lindsay lohan"), counted by mentions. */
export function entityTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  const add = (term: string, weight: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  for (const entity of doc.entities) {
    add(entity.key, entity.mentions.length);
    for (const word of entity.key.split(' ')) if (word.length > 2) add(`w:${word}`, entity.mentions.length);
  }
  return counts;
}

/** Every number token of the text (scores, tolls, amounts, ages): same-type events differ in them. */
export function numberTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  for (const token of tokenize(doc.article.text)) if (token.numeric) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
  return counts;
}

/** Years of the dates written in the text (not filled in from the publication date). */
export function yearTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  for (const d of doc.dates) {
    if (d.inferred || !/^\d{4}/.test(d.iso)) continue;
    const year = d.iso.slice(0, 4);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** Words of the names of people, counted by mentions: the protagonist, whatever form of the name is used. */
export function personTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  for (const entity of doc.entities) {
    if (entity.type !== 'person') continue;
    for (const word of entity.key.split(' ')) if (word.length > 2) counts.set(word, (counts.get(word) ?? 0) + entity.mentions.length);
  }
  return counts;
}

/** Number tokens of the headline and first sentences (`LEAD_CHARS`): the event's own toll, score or amount. */
export function leadNumberTerms(doc: AnalysedArticle): TermCounts {
  const counts: TermCounts = new Map();
  const text = (doc.article.title ? `${doc.article.title}\n` : '') + doc.article.text.slice(0, LEAD_CHARS);
  for (const token of tokenize(text)) if (token.numeric) counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
  return counts;
}
