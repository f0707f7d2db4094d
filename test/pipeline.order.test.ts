import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from '../src/report/build.js';
import { compareAnalysed, readAndAnalyse, reportForAnalysed } from '../src/pipeline.js';
import type { AnalysedArticle } from '../src/types.js';

const OPTIONS = { encoder: false, cacheDir: null };

/** Every order of three items. */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

test('the report of the examples is the same whatever order the articles come in (compare and a stored story)', async () => {
  const { analysed } = await readAndAnalyse(['examples']);
  assert.equal(analysed.length, 3);
  const reports = await Promise.all(
    permutations(analysed).map(async (order: AnalysedArticle[]) => JSON.stringify(buildReport(order, await compareAnalysed(order, OPTIONS), [], 'x'))),
  );
  assert.equal(new Set(reports).size, 1, 'one report for the six orders');
  const report = JSON.parse(reports[0]!) as { articles: { id: string; published: string | null }[]; stories: { id: string; articles: string[] }[] };
  // The canonical order: published first, then id.
  const published = report.articles.map((a) => a.published ?? '\uffff');
  assert.deepEqual(published, [...published].sort());
  const story = report.stories[0]!;
  const stored = await Promise.all(
    permutations(analysed).map(async (order) => JSON.stringify(await reportForAnalysed({ id: story.id, articles: order.map((a) => a.article.id) }, order, OPTIONS, 'x'))),
  );
  assert.equal(new Set(stored).size, 1, 'a stored story reports the same whatever order the store holds its members in');
});
