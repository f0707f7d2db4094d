/**
 * How much a second process adds on this machine, for the two halves of a report worker's work on a real-derived
 * corpus (bench/real-corpus.ts `realCorpus`, articles grouped by their story as report jobs see them):
 *  - `analysis`: analyse() of the articles, story after story (compromise parses each distinct sentence once; the
 *    copies of a story come through the sentence caches);
 *  - `compare`: compareStory() and the report JSON of the same stories, analysed beforehand (not timed).
 * Each kind runs in one process alone, then in two processes side by side (their timed parts started together, after
 * both finished their setup). A process alone is not on one core: V8's compiler and garbage-collector threads run on
 * the other (measured: the analysis of 3,000 articles took 10.9 s wall and 15.7 CPU-s alone). So where `taskset` is
 * there, each process is pinned to a CPU of its own (the one alone to CPU 0, its helper threads with it), and the
 * ratio compares like with like; the unpinned time alone is printed beside it. Two cores that each ran as fast as one
 * alone would give 2.0×; cores that share an execution unit, caches or memory bandwidth give less.
 * `machineScaling(kind, articles)` returns the ratio; `npm run bench:ingest:real` prints both kinds; run as a script
 * (`node --import tsx bench/cpu-scaling.ts [articles]`) it prints them too.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysedArticle, Article } from '../src/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export type ScalingKind = 'analysis' | 'compare';

export interface Scaling {
  kind: ScalingKind;
  articles: number;
  /** Seconds of the timed part in one process alone (pinned to one CPU when `pinned`). */
  alone: number;
  /** Seconds of the same alone and not pinned (its helper threads free to use the other CPU). */
  aloneUnpinned: number;
  /** Seconds of the slower of two processes side by side (each on its own CPU when `pinned`). */
  sideBySide: number;
  /** 2 × alone / sideBySide: the throughput of two side by side over one alone. */
  ratio: number;
  /** Whether the processes were pinned with taskset. */
  pinned: boolean;
}

const TASKSET = '/usr/bin/taskset';

/** Throughput of two processes side by side over one alone, each doing `kind` for the first `articles` articles. */
export async function machineScaling(kind: ScalingKind = 'analysis', articles = 3000): Promise<Scaling> {
  const pinned = existsSync(TASKSET);
  const [aloneUnpinned] = await together(kind, articles, 1, false);
  const [alone] = pinned ? await together(kind, articles, 1, true) : [aloneUnpinned];
  const both = await together(kind, articles, 2, pinned);
  const sideBySide = Math.max(...both);
  return { kind, articles, alone: alone!, aloneUnpinned: aloneUnpinned!, sideBySide, ratio: (2 * alone!) / sideBySide, pinned };
}

/**
 * Seconds each of `count` children takes for its timed part, the timed parts started together: each child does its
 * setup (modules, corpus, analyses for `compare`), says `ready` on stdout and waits; when all are ready each is told
 * `go` on stdin. A child that fails or prints no time ends the others and rejects.
 */
function together(kind: ScalingKind, articles: number, count: number, pin: boolean): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', kind, String(articles)];
    // Pinned: child i on CPU i (taskset -c i node …), its helper threads with it.
    const procs = Array.from({ length: count }, (_, i) => {
      const [command, ...rest] = pin ? [TASKSET, '-c', String(i), process.execPath, ...args] : [process.execPath, ...args];
      return spawn(command!, rest, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    });
    const outs = procs.map(() => '');
    const seconds: (number | null)[] = procs.map(() => null);
    let ready = 0;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      for (const p of procs) p.kill();
      reject(error);
    };
    procs.forEach((proc, i) => {
      proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        const before = outs[i]!;
        outs[i] = before + chunk;
        if (!before.includes('ready\n') && outs[i]!.includes('ready\n') && ++ready === count) for (const p of procs) p.stdin.end('go\n');
      });
      proc.on('error', fail);
      proc.on('close', (code) => {
        const value = Number(outs[i]!.split('ready\n')[1]?.trim());
        if (code !== 0 || !Number.isFinite(value)) return fail(new Error(`cpu-scaling: a ${kind} child exited ${code} without a time`));
        seconds[i] = value;
        if (seconds.every((x) => x !== null)) resolve(seconds as number[]);
      });
    });
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

async function runChild(kind: ScalingKind, n: number): Promise<number> {
  const { analyse } = await import('../src/analyse/index.js');
  const { compareStory } = await import('../src/compare/index.js');
  const { buildReport } = await import('../src/report/build.js');
  const { NO_VECTORS } = await import('../src/similarity/vector.js');
  const stories = await storyGroups(n);
  const analysed: AnalysedArticle[][] = kind === 'compare' ? stories.map((s) => s.map((a) => analyse(a))) : [];
  // Ready; the timed part starts when the parent says go (every child is ready by then).
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
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
    const seconds = await runChild(process.argv[3] as ScalingKind, Number(process.argv[4]));
    process.stdout.write(`${seconds.toFixed(3)}\n`);
    process.exit(0);
  } else {
    const articles = Number(process.argv[2] ?? 3000);
    for (const kind of ['analysis', 'compare'] as const) console.log(describeScaling(await machineScaling(kind, articles)));
  }
}

/** One line on a measurement. */
export function describeScaling(s: Scaling): string {
  return (
    `${s.kind} of ${s.articles.toLocaleString('en')} real-derived articles, story by story: ` +
    (s.pinned
      ? `${s.alone.toFixed(1)} s in one process alone on one CPU (${s.aloneUnpinned.toFixed(1)} s with its helper threads free to use the other), ` +
        `${s.sideBySide.toFixed(1)} s for the slower of two side by side, one CPU each: `
      : `${s.alone.toFixed(1)} s in one process alone, ${s.sideBySide.toFixed(1)} s for the slower of two side by side (not pinned: no taskset): `) +
    `${s.ratio.toFixed(2)}× the throughput of one (one sample of each)`
  );
}
