/**
 * `npm run bench`: wall time and peak memory of compare (analyse → embed → cluster → compare → JSON)
 * on the seeds (when ../shared is beside the repo) and on a 20-article story generated from examples/.
 * Cold = empty vector cache in a fresh process (includes loading the models); warm = the same input again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analyse/index.js';
import { compareAnalysed, readAndAnalyse } from '../src/pipeline.js';
import { buildReport } from '../src/report/build.js';
import { renderJson } from '../src/report/json.js';
import type { AnalysedArticle, Article } from '../src/types.js';
import { generateRewrites } from './story-generator.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));

async function timeCompare(label: string, articles: () => Promise<Article[]>): Promise<void> {
  for (const run of ['cold', 'warm'] as const) {
    const t0 = performance.now();
    const analysed: AnalysedArticle[] = (await articles()).map(analyse);
    const t1 = performance.now();
    const stories = await compareAnalysed(analysed, { encoder: true, cacheDir });
    const json = renderJson(buildReport(analysed, stories, [], 'bench'));
    const t2 = performance.now();
    const sentences = analysed.reduce((n, a) => n + a.sentences.length, 0);
    console.log(
      `${label.padEnd(22)} ${run}: ${(t2 - t0).toFixed(0).padStart(6)} ms total ` +
        `(analyse ${(t1 - t0).toFixed(0)} ms, embed+cluster+compare+render ${(t2 - t1).toFixed(0)} ms); ` +
        `${analysed.length} articles, ${sentences} sentences, ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}, ${json.length} bytes JSON`,
    );
  }
}

async function readArticles(paths: string[]): Promise<Article[]> {
  const { analysed } = await readAndAnalyse(paths);
  return analysed.map((a) => a.article);
}

const seeds = join(root, '..', 'shared', 'examples', 'seeds', 'seeds.articles.jsonl');
if (existsSync(seeds)) await timeCompare('seeds (2 articles)', () => readArticles([seeds]));
else console.log('seeds: ../shared/examples/seeds not found, skipped');

const bases = await readArticles([join(root, 'examples')]);
await timeCompare('20-article story', async () => generateRewrites(bases, 20));

const usage = process.resourceUsage();
console.log(`peak RSS: ${(usage.maxRSS / 1024).toFixed(0)} MiB`);
rmSync(cacheDir, { recursive: true, force: true });
