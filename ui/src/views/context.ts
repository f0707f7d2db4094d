/** What the parts of the story page share: the report, the story, article labels, and the jump to a span. */
import type { Mention, Report, ReportArticle, StoryReport } from '../../../src/types.js';
import { articleLabels, indexArticles, labelOf, type ArticleIndex } from '../../../src/report/view.js';
import { storyLayout, type StoryLayout } from '../../../src/report/layout.js';

export interface StoryContext {
  report: Report;
  story: StoryReport;
  index: ArticleIndex;
  labels: Map<string, string>;
  /** Which articles a big story shows side by side, and its copy groups (src/report/layout.ts). */
  layout: StoryLayout;
  /** Scrolls the article's column to the span and marks it. */
  jump: (mention: Mention) => void;
}

export function makeContext(report: Report, story: StoryReport, jump: (m: Mention) => void): StoryContext {
  const index = indexArticles(report);
  return { report, story, index, labels: articleLabels(story, index), layout: storyLayout(story, index), jump };
}

export function label(ctx: StoryContext, articleId: string): string {
  return labelOf(ctx.labels, articleId);
}

export function articleOf(ctx: StoryContext, articleId: string): ReportArticle | undefined {
  return ctx.index.get(articleId);
}
