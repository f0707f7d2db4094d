/**
 * `npm run bench:story-update [-- SIZE]` (default 500): one article joins a big story; what refreshing that
 * story's report costs with stored analyses (src/corpus/analysis-codec.ts) against analysing every member again
 * (the code before them). Real-derived input: bench/real-corpus.ts `realStory(SIZE)` (one line and exit 0 when
 * ../shared/data is absent).
 *
 * (i) Bytes per article of a stored analysis: the analysis as plain JSON (without the article), with span texts
 *     elided (what the codec compresses), and as stored; then the compressors that were weighed for it (raw
 *     DEFLATE and brotli at fast levels), with their encode and decode times per article.
 * (ii) A store holding the first SIZE−1 articles as one story, its report computed by `refreshReports` (which
 *     stores their analyses); then, on fresh copies of that store, the last article is stored and joins the
 *     story, and the stale report is refreshed, three times each way, alternating: "before" runs the refresh
 *     as it was (every member analysed: pipeline.ts `reportForStory`, then `saveReport`), "after" runs
 *     `refreshReports` (stored analyses; only the new article analysed). Prints the median and fastest wall
 *     time of the refresh. (i) also prints what analysing vs decoding SIZE articles takes on its own.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { analyse } from '../src/analyse/index.js';
import { analysisJson, decodeAnalysis, encodeAnalysis } from '../src/corpus/analysis-codec.js';
import { refreshReports } from '../src/corpus/reports.js';
import { reportForStory, type CompareOptions } from '../src/pipeline.js';
import { articleOfRecord, openStore, type Store } from '../src/store/index.js';
import { realDataMissing, realStory } from './real-corpus.js';

const size = Number(process.argv[2] ?? 500);
const REPEATS = 3;
/** What `ingest` computes its ledgers with. */
const LEXICAL: CompareOptions = { encoder: false, cacheDir: null };
const GENERATOR = 'corroborate bench';

const missing = realDataMissing();
if (missing) {
  console.log(`bench:story-update: ${missing}; skipped`);
  process.exit(0);
}

const articles = realStory(size);
const last = articles[articles.length - 1]!;

// ── (i) bytes per article ──
const analysed = articles.map((a) => analyse(a));
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const textBytes = mean(articles.map((a) => Buffer.byteLength(a.text)));
const plain = analysed.map(({ article: _a, ...rest }) => Buffer.from(JSON.stringify(rest)));
const elided = analysed.map((a) => Buffer.from(analysisJson(a)));
const stored = analysed.map((a) => encodeAnalysis(a));
console.log(`(i) stored analysis, ${size} real-derived articles (text ${fmt(textBytes)} B/article on average):`);
console.log(`    JSON ${fmt(mean(plain.map((b) => b.length)))} B/article; span texts elided ${fmt(mean(elided.map((b) => b.length)))} B; stored (brotli 1) ${fmt(mean(stored.map((b) => b.length)))} B`);
const brotli = (quality: number) => (b: Buffer) =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } });
const compressors: [string, (b: Buffer) => Buffer, (b: Buffer) => Buffer][] = [
  ['DEFLATE 1', (b) => deflateRawSync(b, { level: 1 }), (b) => inflateRawSync(b)],
  ['DEFLATE 6', (b) => deflateRawSync(b, { level: 6 }), (b) => inflateRawSync(b)],
  ['brotli 1', brotli(1), (b) => brotliDecompressSync(b)],
  ['brotli 3', brotli(3), (b) => brotliDecompressSync(b)],
  ['brotli 5', brotli(5), (b) => brotliDecompressSync(b)],
];
for (const [name, compress, decompress] of compressors) {
  elided.slice(0, 50).forEach((b) => decompress(compress(b))); // warm-up
  const t0 = performance.now();
  const packed = elided.map(compress);
  const t1 = performance.now();
  for (const p of packed) decompress(p);
  const t2 = performance.now();
  console.log(
    `    ${name.padEnd(10)} ${fmt(mean(packed.map((b) => b.length))).padStart(6)} B/article, encode ${fmt(((t1 - t0) / size) * 1000)} µs, decode ${fmt(((t2 - t1) / size) * 1000)} µs per article`,
  );
}
let t = performance.now();
articles.forEach((a) => analyse(a));
const analyseMs = performance.now() - t;
t = performance.now();
articles.forEach((a, i) => decodeAnalysis(stored[i]!, a));
const decodeMs = performance.now() - t;
console.log(`    analysing the ${size} articles: ${fmt(analyseMs)} ms; decoding their stored analyses: ${fmt(decodeMs)} ms`);

// ── (ii) one article joins ──
// The story is made with the store's own calls (the clusterer places realStory's retellings of 22 base articles in
// several stories; what is measured here is the refresh of one big story, whatever placed its members).
const STORY = 's-story-update';
const dir = mkdtempSync(join(tmpdir(), 'corroborate-story-update-'));
try {
  const base = join(dir, 'base.db');
  const store = openStore(base);
  store.transaction(() => {
    for (const a of articles.slice(0, -1)) store.putArticle(a);
    store.createStory(STORY, articles.slice(0, -1).map((a) => a.id));
  });
  let t0 = performance.now();
  const first = await refreshReports(store, LEXICAL, GENERATOR, undefined, 1);
  console.log(
    `(ii) a story of ${store.getStory(STORY)!.size} articles: its first report (${first.analysed} articles analysed and stored) took ${fmt(performance.now() - t0)} ms`,
  );
  store.close();

  const times: Record<'before' | 'after', number[]> = { before: [], after: [] };
  for (let r = 0; r < REPEATS; r++) {
    for (const mode of ['before', 'after'] as const) {
      const db = join(dir, `run-${mode}-${r}.db`);
      copyFileSync(base, db);
      if (existsSync(`${base}-wal`)) copyFileSync(`${base}-wal`, `${db}-wal`);
      const run = openStore(db);
      try {
        run.transaction(() => {
          run.putArticle(last);
          run.assign(last.id, STORY);
        });
        t0 = performance.now();
        const done = mode === 'before' ? await refreshAnalysingAll(run) : await refreshReports(run, LEXICAL, GENERATOR, undefined, 1);
        times[mode].push(performance.now() - t0);
        if (r === 0) console.log(`    ${mode}: story of ${run.getStory(STORY)!.size} articles, ${done.reports} report computed with ${done.analysed} ${done.analysed === 1 ? 'article' : 'articles'} analysed`);
      } finally {
        run.close();
      }
    }
  }
  for (const mode of ['before', 'after'] as const) {
    const label = mode === 'before' ? 'before (every member analysed again)' : 'after (stored analyses)';
    console.log(`    ${label.padEnd(36)} refresh after one article joined: median ${fmt(median(times[mode]))} ms (fastest ${fmt(Math.min(...times[mode]))}) of ${REPEATS}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The ledger refresh as it was before stored analyses: every member of every stale story analysed again. */
async function refreshAnalysingAll(store: Store): Promise<{ reports: number; analysed: number }> {
  let reports = 0;
  let count = 0;
  for (const id of store.staleStories()) {
    const s = store.getStoryRecord(id)!;
    if (s.size < 2) continue;
    const members = store.articlesOf(id).map(articleOfRecord);
    const report = await reportForStory({ id, articles: members.map((a) => a.id) }, members, LEXICAL, GENERATOR);
    store.saveReport(id, JSON.stringify(report), s.updatedSeq);
    reports++;
    count += members.length;
  }
  return { reports, analysed: count };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
