import type { AnalysedArticle } from '../../src/types.js';

/** An AnalysedArticle with only sentences (split at ". "), for tests of stages that need little else. */
export function minimalAnalysed(id: string, text: string, extra: Partial<AnalysedArticle['article']> = {}): AnalysedArticle {
  const sentences: AnalysedArticle['sentences'] = [];
  const re = /[^.!?]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const start = m.index + lead;
    sentences.push({ start, end: start + body.length, text: body, index: sentences.length, paragraph: 0 });
  }
  return {
    article: { id, title: null, text, source: null, url: null, published: null, language: 'en', byline: null, origin: id, ...extra },
    sentences,
    entities: [],
    quotes: [],
    numbers: [],
    dates: [],
    attributions: [],
    negations: [],
  };
}
