/**
 * `npm run bench [-- --sizes 10,100,1000,3000]`: wall time and peak memory of compare (analyse → embed → cluster →
 * compare → JSON).
 *
 * 1. On the seeds (when ../shared is beside the repo) and on a 20-article story generated from examples/.
 *    Cold = empty vector cache in a fresh process (includes loading the models); warm = the same input again.
 * 2. Real-derived big stories (bench/real-corpus.ts `realStory`: light rewrites of the 22 articles of one ECB+
 *    gold story with true MRPC paraphrases and word-level variants; skipped in one line when ../shared/data is
 *    absent) of `--sizes` articles (default 10,100,1000,3000), each measured in a fresh process (exact peak RSS)
 *    with what a user gets by default: encoder on, an empty cache dir (a temp dir). The encoder model is loaded
 *    once on a two-article warm-up before the clock starts (its time is printed apart). Per size: analyse
 *    (`analyse` per article), compare+render (`reportForAnalysed` on the whole set as one story, as `story ID`
 *    computes it in corpus mode, + `renderJson`, split into compare
 *    and JSON), the HTML render (`renderHtml`: time and bytes), peak RSS and RSS added (process maxRSS − RSS
 *    before analysis), the JS heap's peak (sampled at phase ends, before GC, and every 50 ms while the event loop
 *    is free) and what stays (after GC, report alive), the JSON's bytes, and its validation against
 *    docs/report.schema.json (ajv, draft 2020-12, strict). Then the growth exponent (least-squares slope of
 *    log time vs log size) and the targets: compare+render ≤ 10 s at 1,000 articles, ≤ 40 s at 3,000.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { analyse } from '../src/analyse/index.js';
import { compareAnalysed, readAndAnalyse, reportForAnalysed } from '../src/pipeline.js';
import { buildReport } from '../src/report/build.js';
import { renderJson } from '../src/report/json.js';
import { renderHtml } from '../src/report/html.js';
import { tuneV8ForReports } from '../src/cli/v8-tuning.js';
import type { AnalysedArticle, Article, Report } from '../src/types.js';
import { generateRewrites } from './story-generator.js';
import { realDataMissing, realStory } from './real-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_SIZES = [10, 100, 1000, 3000];
/** compare+render targets (ms) by story size. */
const TARGETS: ReadonlyMap<number, number> = new Map([
  [1000, 10_000],
  [3000, 40_000],
]);
const RESULT = 'BENCH-RESULT ';

/** What one child process measured for one story size. */
interface SizeResult {
  size: number;
  sentences: number;
  stories: number;
  biggest: number;
  pairs: number;
  mode: string;
  claims: number;
  conflicts: number;
  warmupMs: number;
  analyseMs: number;
  compareMs: number;
  jsonMs: number;
  htmlMs: number;
  jsonBytes: number;
  htmlBytes: number;
  rssBefore: number;
  rssPeak: number;
  heapBefore: number;
  heapPeak: number;
  heapRetained: number;
  valid: boolean;
  errors: string[];
  validateMs: number;
}

const args = process.argv.slice(2);

async function main(): Promise<void> {
  const sizes = parseSizes();
  await legacy();
  const missing = realDataMissing();
  if (missing) {
    console.log(`real-derived stories: ${missing}; skipped`);
    return;
  }
  console.log(`\nreal-derived stories (one ECB+ event, light rewrites + MRPC paraphrases), encoder on, cold cache, one fresh process per size:`);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const r = await runChild(size);
    if (!r) {
      console.log(`story ${size.toLocaleString('en').padStart(5)}: the child process failed (see above)`);
      process.exitCode = 1;
      continue;
    }
    results.push(r);
    printResult(r);
    if (!r.valid) process.exitCode = 1;
  }
  // The exponent over the stories compared the same way (the nearest-neighbour view): a 10-article story is
  // compared pair by pair with the encoder, which would bend the line.
  const nearest = results.filter((r) => r.mode === 'nearest');
  const fitted = nearest.length >= 2 ? nearest : results;
  if (fitted.length >= 2) {
    const xs = fitted.map((r) => r.size);
    const fmt = (ys: number[]): string => slope(xs, ys).toFixed(2);
    console.log(
      `growth exponent vs size (least-squares slope of log y vs log size, sizes ${xs.join(', ')}${fitted === nearest ? ', nearest-neighbour comparison' : ''}): ` +
        `compare+render ${fmt(fitted.map((r) => r.compareMs + r.jsonMs))} (compare ${fmt(fitted.map((r) => r.compareMs))}, JSON ${fmt(fitted.map((r) => r.jsonMs))}), ` +
        `analyse ${fmt(fitted.map((r) => r.analyseMs))}, HTML render ${fmt(fitted.map((r) => r.htmlMs))}; ` +
        `JSON bytes ${fmt(fitted.map((r) => r.jsonBytes))}, HTML bytes ${fmt(fitted.map((r) => r.htmlBytes))}`,
    );
  }
  for (const [size, limit] of TARGETS) {
    const r = results.find((x) => x.size === size);
    if (!r) {
      console.log(`target ${size.toLocaleString('en')} articles: compare+render ≤ ${limit / 1000} s — not run (add ${size} to --sizes)`);
      continue;
    }
    const ms = r.compareMs + r.jsonMs;
    console.log(
      `target ${size.toLocaleString('en')} articles: compare+render ≤ ${limit / 1000} s — ${seconds(ms)} ${ms <= limit ? 'MET' : 'MISSED'} ` +
        `(analysis beside it: ${seconds(r.analyseMs)}; HTML render ${seconds(r.htmlMs)}, ${mb(r.htmlBytes)})`,
    );
  }
}

function parseSizes(): number[] {
  const at = args.findIndex((a) => a === '--sizes' || a.startsWith('--sizes='));
  if (at < 0) return DEFAULT_SIZES;
  const value = args[at]!.startsWith('--sizes=') ? args[at]!.slice('--sizes='.length) : (args[at + 1] ?? '');
  const sizes = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    console.error(`bench: --sizes wants story sizes ≥ 2 separated by commas (got '${value}')`);
    process.exit(2);
  }
  return sizes;
}

/** What `npm run bench` printed before the real-derived stories. */
async function legacy(): Promise<void> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    const timeCompare = async (label: string, articles: () => Promise<Article[]>): Promise<void> => {
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
    };
    const readArticles = async (paths: string[]): Promise<Article[]> => {
      const { analysed } = await readAndAnalyse(paths);
      return analysed.map((a) => a.article);
    };
    const seeds = join(root, '..', 'shared', 'examples', 'seeds', 'seeds.articles.jsonl');
    if (existsSync(seeds)) await timeCompare('seeds (2 articles)', () => readArticles([seeds]));
    else console.log('seeds: ../shared/examples/seeds not found, skipped');

    const bases = await readArticles([join(root, 'examples')]);
    await timeCompare('20-article story', async () => generateRewrites(bases, 20));

    const usage = process.resourceUsage();
    console.log(`peak RSS: ${(usage.maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Runs one size in a fresh process (this file with `--child SIZE`); its result, or null when it failed. */
function runChild(size: number): Promise<SizeResult | null> {
  const execArgv = process.execArgv.includes('--expose-gc') ? process.execArgv : ['--expose-gc', ...process.execArgv];
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), '--child', String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => (out += chunk));
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) {
        process.stderr.write(out);
        resolve(null);
      } else resolve(JSON.parse(line.slice(RESULT.length)) as SizeResult);
    });
  });
}

function printResult(r: SizeResult): void {
  const cr = r.compareMs + r.jsonMs;
  const limit = TARGETS.get(r.size);
  const target = limit === undefined ? '' : ` [target ≤ ${limit / 1000} s: ${cr <= limit ? 'MET' : 'MISSED'}]`;
  console.log(
    `story ${r.size.toLocaleString('en').padStart(5)}: analyse ${seconds(r.analyseMs)}, compare+render ${seconds(cr)} ` +
      `(compare ${seconds(r.compareMs)}, JSON ${seconds(r.jsonMs)})${target}; HTML render ${seconds(r.htmlMs)}, ${mb(r.htmlBytes)}; ` +
      `JSON ${mb(r.jsonBytes)}, schema ${r.valid ? 'valid' : `INVALID:\n${r.errors.join('\n')}\n`} (ajv ${seconds(r.validateMs)})`,
  );
  console.log(
    `             memory: peak RSS ${mib(r.rssPeak)} (+${mib(r.rssPeak - r.rssBefore)} over ${mib(r.rssBefore)} before analysis), ` +
      `JS heap peak ${mib(r.heapPeak)} (+${mib(r.heapPeak - r.heapBefore)}), kept with the report ${mib(r.heapRetained)} (+${mib(r.heapRetained - r.heapBefore)}); ` +
      `${r.sentences.toLocaleString('en')} sentences, ${r.stories} stor${r.stories === 1 ? 'y' : 'ies'} (biggest ${r.biggest}), ` +
      `${r.pairs.toLocaleString('en')} pairs aligned (${r.mode}), ${r.claims.toLocaleString('en')} claims, ${r.conflicts.toLocaleString('en')} conflicts; model warm-up ${seconds(r.warmupMs)}`,
  );
}

/** One size, in this (fresh) process: prints `BENCH-RESULT {json}` on stdout. */
async function child(size: number): Promise<void> {
  // As `corroborate compare` runs (src/cli/file-commands.ts).
  tuneV8ForReports();
  const cacheDir = mkdtempSync(join(tmpdir(), 'corroborate-bench-story-'));
  const warmDir = mkdtempSync(join(tmpdir(), 'corroborate-bench-warm-'));
  try {
    const articles = realStory(size);
    // Load the encoder model (and the NLP models) on two tiny articles, with a cache of their own.
    const w0 = performance.now();
    const tiny = ['The council approved the budget on Monday.', 'On Monday the council passed the budget.'].map(
      (text, i): Article => ({ id: `warm-${i}`, title: null, text, source: `Warm ${i}`, url: null, published: null, language: 'en', byline: null, origin: 'warm-up' }),
    );
    await compareAnalysed(tiny.map(analyse), { encoder: true, cacheDir: warmDir });
    const warmupMs = performance.now() - w0;

    let heapPeak = 0;
    const sample = (): void => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    };
    const heap = (): number => {
      sample();
      global.gc?.();
      return process.memoryUsage().heapUsed;
    };
    const heapBefore = heap();
    const rssBefore = process.memoryUsage().rss;
    heapPeak = heapBefore;
    const timer = setInterval(sample, 50);

    const t0 = performance.now();
    const analysed = articles.map(analyse);
    const t1 = performance.now();
    sample();
    const t2 = performance.now();
    // One story of `size` articles, as `corroborate story ID` computes it in corpus mode (the store decided the
    // membership; batch `compare` would first cluster the retellings into several stories).
    const report: Report = await reportForAnalysed({ id: `story-${size}`, articles: analysed.map((a) => a.article.id) }, analysed, { encoder: true, cacheDir }, 'bench');
    const t3 = performance.now();
    sample();
    const t4 = performance.now();
    const json = renderJson(report);
    const t5 = performance.now();
    sample();
    const t6 = performance.now();
    const html = renderHtml(report);
    const t7 = performance.now();
    clearInterval(timer);
    const heapRetained = heap();
    const rssPeak = process.resourceUsage().maxRSS * 1024;

    const v0 = performance.now();
    const validate = validator();
    const valid = validate(JSON.parse(json) as unknown) === true;
    const validateMs = performance.now() - v0;

    const result: SizeResult = {
      size,
      sentences: analysed.reduce((n, a) => n + a.sentences.length, 0),
      stories: report.stories.length,
      biggest: Math.max(0, ...report.stories.map((s) => s.articles.length)),
      pairs: report.stories.reduce((n, s) => n + s.alignments.length, 0),
      mode: [...new Set(report.stories.map((s) => s.comparison.mode))].join('/'),
      claims: report.stories.reduce((n, s) => n + s.claims.length, 0),
      conflicts: report.stories.reduce((n, s) => n + s.conflicts.length, 0),
      warmupMs,
      analyseMs: t1 - t0,
      compareMs: t3 - t2,
      jsonMs: t5 - t4,
      htmlMs: t7 - t6,
      jsonBytes: Buffer.byteLength(json, 'utf8'),
      htmlBytes: Buffer.byteLength(html, 'utf8'),
      rssBefore,
      rssPeak,
      heapBefore,
      heapPeak,
      heapRetained,
      valid,
      errors: valid ? [] : describe(validate.errors),
      validateMs,
    };
    process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(warmDir, { recursive: true, force: true });
  }
}

// ajv is CommonJS: under NodeNext the default import is `module.exports` (the class at run time, typed as the
// namespace); accept either shape (as test/helpers/schema.ts does).
type Ajv2020Ctor = typeof Ajv2020Module.default;
const Ajv2020: Ajv2020Ctor = (Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? (Ajv2020Module as unknown as Ajv2020Ctor);

function validator(): ReturnType<InstanceType<Ajv2020Ctor>['compile']> {
  const schema = JSON.parse(readFileSync(join(root, 'docs', 'report.schema.json'), 'utf8')) as Record<string, unknown>;
  return new Ajv2020({ allErrors: true, strict: true }).compile(schema);
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  const all = errors ?? [];
  const lines = all.slice(0, 10).map((e) => `    ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  if (all.length > 10) lines.push(`    … ${all.length - 10} more`);
  return lines;
}

/** Least-squares slope of log y against log x. */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map((y) => Math.log(Math.max(y, 1e-9)));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  lx.forEach((x, i) => {
    num += (x - mx) * (ly[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? NaN : num / den;
}

const seconds = (ms: number): string => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mb = (bytes: number): string => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;

// Last, so that every module-level constant above is initialised.
const childAt = args.indexOf('--child');
if (childAt >= 0) await child(Number(args[childAt + 1]));
else await main();
