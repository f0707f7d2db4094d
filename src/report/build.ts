import type { AnalysedArticle, InputProblem, Report, ReportArticle, StoryReport } from '../types.js';

/**
 * Assembles the Report: every analysed article (input order) with its text and sentences, the stories as
 * compared, and the skipped inputs. Pure; the records are copied, not shared.
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
    articles: analysed.map(reportArticle),
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
