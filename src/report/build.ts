import type { AnalysedArticle, InputProblem, Report, ReportArticle, StoryReport } from '../types.js';
import { canonicalOrder } from '../article-order.js';

/**
 * Assembles the Report: every analysed article (in the canonical order of src/article-order.ts: published, then id, so the
 * report does not depend on the order of the inputs) with its text and sentences, the stories as compared, and the
 * skipped inputs. Pure; the records are copied, not shared.
 */
export function buildReport(
  analysed: AnalysedArticle[],
  stories: StoryReport[],
  problems: InputProblem[],
  generator: string,
): Report {
  return {
    schemaVersion: 3,
    generator,
    articles: [...analysed].sort((a, b) => canonicalOrder(a.article, b.article)).map(reportArticle),
    stories: [...stories],
    problems: [...problems],
  };
}

function reportArticle({ article, sentences }: AnalysedArticle): ReportArticle {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    language: article.language,
    byline: article.byline,
    text: article.text,
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: s.text, index: s.index, paragraph: s.paragraph })),
  };
}
