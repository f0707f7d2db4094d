/**
 * How much a second process adds on this machine, for the two halves of a report worker's work on a real-derived
 * corpus (bench/real-corpus.ts `realCorpus`, articles grouped by their story as report jobs see them):
 *  - `analysis`: analyse() of the articles, story after story (compromise parses each distinct sentence once; the
 *    copies of a story come through the sentence caches);
 *  - `compare`: compareStory() and the report JSON of the same stories, analysed beforehand (not timed).
 * Each kind runs in one process alone, then in two processes side by side (each starts its timed part at the same
 * moment, after its own setup). Two cores that each ran as fast as one alone would give 2.0×; cores that share an
 * execution unit, caches or memory bandwidth (or a host that shares them) give less.
 * `machineScaling(kind, articles)` returns the ratio; `npm run bench:ingest:real` prints both kinds; run as a script
 * (`node --import tsx bench/cpu-scaling.ts [articles]`) it prints them too.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AnalysedArticle, Article } from '../src/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export type ScalingKind = 'analysis' | 'compare';

export interface Scaling {
  kind: ScalingKind;
  articles: number;
  /** Seconds of the timed part in one process alone. */
  alone: number;
  /** Seconds of the slower of two processes side by side. */
  sideBySide: number;
  /** 2 × alone / sideBySide: the throughput of two side by side over one alone. */
  ratio: number;
}

/** Throughput of two processes side by side over one alone, each doing `kind` for the first `articles` articles. */
export async function machineScaling(kind: ScalingKind = 'analysis', articles = 3000): Promise<Scaling> {
  const alone = await child(kind, articles, 0);
  // Both children start their timed part at the same wall-clock moment, after their setup (corpus, analyses).
  const startAt = Date.now() + SETUP_ALLOWANCE_MS + (kind === 'compare' ? articles * 8 : 0);
  const both = await Promise.all([child(kind, articles, startAt), child(kind, articles, startAt)]);
  const sideBySide = Math.max(...both);
  return { kind, articles, alone, sideBySide, ratio: (2 * alone) / sideBySide };
}

/** Time for a child's setup before the timed part (module loading, building the corpus). */
const SETUP_ALLOWANCE_MS = 8000;

/** Seconds one child takes for its timed part. */
function child(kind: ScalingKind, articles: number, startAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, String(articles), String(startAt)];
    const proc = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    proc.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`cpu-scaling child exited ${code}`))));
  });
}

/** The first `n` articles of the real-derived corpus, grouped by story (its event), stories in order of first appearance. */
async function storyGroups(n: number): Promise<Article[][]> {
  const { realCorpus } = await import('./real-corpus.js');
  const groups = new Map<string, Article[]>();
  for (const a of realCorpus(n)) {
    const event = a.id.split('~')[0]!;
    const group = groups.get(event);
    if (group) group.push(a);
    else groups.set(event, [a]);
  }
  return [...groups.values()];
}

async function runChild(kind: ScalingKind, n: number, startAt: number): Promise<number> {
  const { analyse } = await import('../src/analyse/index.js');
  const stories = await storyGroups(n);
  let analysed: AnalysedArticle[][] = [];
  if (kind === 'compare') analysed = stories.map((s) => s.map((a) => analyse(a)));
  const { compareStory } = await import('../src/compare/index.js');
  const { buildReport } = await import('../src/report/build.js');
  const { NO_VECTORS } = await import('../src/similarity/vector.js');
  const late = Date.now() - startAt;
  if (startAt > 0 && late > 0) process.stderr.write(`cpu-scaling: a ${kind} child started ${late} ms late (its setup took longer than allowed)\n`);
  while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 5));
  const t0 = performance.now();
  if (kind === 'analysis') {
    for (const story of stories) for (const a of story) analyse(a);
  } else {
    analysed.forEach((story, i) => {
      const compared = compareStory({ id: `s${i}`, articles: story.map((a) => a.article.id) }, story, NO_VECTORS);
      JSON.stringify(buildReport(story, [compared], [], 'cpu-scaling'));
    });
  }
  return (performance.now() - t0) / 1000;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') {
    const seconds = await runChild(process.argv[3] as ScalingKind, Number(process.argv[4]), Number(process.argv[5]));
    process.stdout.write(`${seconds.toFixed(3)}\n`);
  } else {
    const articles = Number(process.argv[2] ?? 3000);
    for (const kind of ['analysis', 'compare'] as const) console.log(describeScaling(await machineScaling(kind, articles)));
  }
}

/** One line on a measurement. */
export function describeScaling(s: Scaling): string {
  return (
    `${s.kind} of ${s.articles.toLocaleString('en')} real-derived articles, story by story: ${s.alone.toFixed(1)} s in one process alone, ` +
    `${s.sideBySide.toFixed(1)} s in each of two side by side: ${s.ratio.toFixed(2)}× the throughput of one`
  );
}
