/**
 * The corpus commands: `ingest` (inputs → store, stories kept current), `stories` (list), `story` (one story's
 * report, from the store or computed and stored when the story changed). Thin: the work is in src/corpus and
 * src/store; this maps options to calls, prints, and turns store errors into exit code 4.
 */
import { clip, oneLine as sanitizedLine } from '../report/sanitize.js';
import type { OutletNetwork } from '../outlets/index.js';
import type { InputProblem, Report } from '../types.js';
import { openStore, shownLocation, storeExists, StoreError, type Store, type StoryRecord } from '../store/index.js';
import type { IngestSummary } from '../corpus/ingest.js';
import type { RefreshSummary } from '../corpus/reports.js';
import type { CliOptions } from './args.js';
import { EXIT } from './errors.js';
import { openLineSink, writeOutput } from './output.js';
import { renderReport } from './render.js';
import { pct } from '../report/view.js';
import { tuneV8ForReports } from './v8-tuning.js';

export async function runCorpusCommand(options: CliOptions, generator: string, onProblem: (problem: InputProblem) => void): Promise<number> {
  let store: Store;
  // `ingest` with no input updates an existing store's reports: it never creates one (a mistyped --db is an error).
  if (options.command === 'ingest' && options.inputs.length === 0 && !storeExists(options.db)) {
    process.stderr.write(`corroborate: no store at ${shownLocation(options.db)}: 'ingest' with no input brings an existing store's reports up to date; give articles to create one\n`);
    return EXIT.store;
  }
  try {
    // Commands that only read never create a store (a mistyped --db is an error, not an empty store). `story` may
    // write (a stale report refreshed), so it opens the store for writing, but only one that exists.
    const readonly = options.command === 'stories' || options.command === 'outlets' || options.command === 'network';
    store = openStore(options.db, { readonly: readonly || (options.command === 'story' && !storeExists(options.db)) });
  } catch (error) {
    if (error instanceof StoreError) return storeFailure(error);
    throw error;
  }
  try {
    if (options.command === 'ingest') return await runIngest(store, options, generator, onProblem);
    if (options.command === 'outlets' || options.command === 'network') return await runOutlets(store, options, generator);
    if (options.command === 'stories') return await runStories(store, options);
    return await runStory(store, options, generator);
  } catch (error) {
    if (error instanceof StoreError) return storeFailure(error);
    throw error;
  } finally {
    store.close();
  }
}

function storeFailure(error: StoreError): number {
  process.stderr.write(`corroborate: ${error.message}\n`);
  return EXIT.store;
}

async function runIngest(store: Store, options: CliOptions, generator: string, onProblem: (problem: InputProblem) => void): Promise<number> {
  const tty = process.stderr.isTTY === true && !options.quiet;
  const started = performance.now();
  // Loaded here: the readers (HTML, feeds, language identification) only the ingest needs.
  const { ingestCorpus } = await import('../corpus/ingest.js');
  const summary = await ingestCorpus(options.inputs, store, {
    stdin: process.stdin,
    onProblem,
    onWaitForPlacement: () => process.stderr.write(`corroborate: another ingest is placing articles in ${shownLocation(options.db)}; waiting for it to finish…\n`),
    onProgress: (s) => {
      if (tty) process.stderr.write(`\rcorroborate: ${s.read} read, ${s.added} new, ${s.duplicates} duplicate, ${s.skipped} skipped…`);
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const seconds = (performance.now() - started) / 1000;
  let ledgers: RefreshSummary | null = null;
  let queued: number | null = null;
  if (options.queue) {
    // The reports go to the workers (`corroborate worker`): one job per story this run changed.
    const { queueFailure, queueStaleReports } = await import('../queue/report-queue.js');
    try {
      queued = await queueStaleReports(store, options.queue);
    } catch (error) {
      const why = queueFailure(error);
      if (why === null) throw error;
      process.stderr.write(`corroborate: the articles are stored, but the queue at ${shownLocation(options.queue)} cannot be used (${why}): run 'ingest --db ${shownLocation(options.db)}' with no input to compute the reports here, or 'ingest --queue' with no input when the queue is up\n`);
      return EXIT.queue;
    }
  } else if (options.ledgers) {
    // Ledgers at ingest are lexical (the encoder embeds ~60 sentences/s, a stream brings thousands): `story ID`
    // computes a small story's report again with the encoder when it is asked for (corpus/reports.ts).
    const { refreshReports } = await import('../corpus/reports.js');
    // Placement is done and optimised: from here the process runs the report code (./v8-tuning.ts).
    tuneV8ForReports();
    ledgers = await refreshReports(store, { encoder: false, cacheDir: null }, generator, (done, total) => {
      if (tty) process.stderr.write(`\rcorroborate: ledgers ${done}/${total}…`);
    });
    if (tty) process.stderr.write('\r\x1b[K');
  }
  // Reports stored by an older version get the outlet digest the outlets/network view reads.
  const { backfillDigests } = await import('../corpus/outlets.js');
  const digests = backfillDigests(store, (done, total) => {
    if (tty) process.stderr.write(`\rcorroborate: outlet digests ${done}/${total}…`);
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const digestNote = digests > 0 ? `; ${digests} outlet ${digests === 1 ? 'digest' : 'digests'} brought up to date` : '';
  const queuedNote = queued === null ? '' : `; ${queued} report ${queued === 1 ? 'job' : 'jobs'} queued at ${shownLocation(options.queue!)}`;
  process.stderr.write(`${summaryLine(summary, seconds, shownLocation(options.db))}${ledgers ? ledgersLine(ledgers) : ''}${queuedNote}${digestNote}\n`);
  // No input: a run that only brings the reports up to date (standard input is read only when '-' is given).
  if (options.inputs.length === 0) {
    process.stderr.write(`corroborate: no input given: only the reports were brought up to date (give - to read standard input)\n`);
    return EXIT.ok;
  }
  if (summary.read === 0) return EXIT.nothingAnalysed;
  return EXIT.ok;
}

function summaryLine(s: IngestSummary, seconds: number, db: string): string {
  const rate = seconds > 0 ? Math.round(s.read / seconds) : s.read;
  return (
    `corroborate: ${s.read} read (${rate}/s), ${s.added} new, ${s.duplicates} duplicate, ${s.conflicts} conflicting id, ${s.skipped} skipped; ` +
    `${s.storiesCreated} ${s.storiesCreated === 1 ? 'story' : 'stories'} created, ${s.storiesChanged} changed, ${s.merges} merged, ${s.splits} split → ${db}`
  );
}

/** "; 2 ledgers updated (3 articles analysed, 5 stored analyses reused)"; the part in brackets only when a ledger was. */
function ledgersLine(r: RefreshSummary): string {
  const ledgers = `; ${r.reports} ${r.reports === 1 ? 'ledger' : 'ledgers'} updated`;
  if (r.reports === 0) return ledgers;
  return `${ledgers} (${r.analysed} ${r.analysed === 1 ? 'article' : 'articles'} analysed, ${r.reused} stored ${r.reused === 1 ? 'analysis' : 'analyses'} reused)`;
}

async function runStories(store: Store, options: CliOptions): Promise<number> {
  const stories = store.listStories({ order: options.sort, ...(options.since ? { since: options.since } : {}), ...(options.limit ? { limit: options.limit } : {}) });
  const line = (s: StoryRecord) => ({ story: s.id, articles: store.memberIds(s.id), size: s.size, firstPublished: s.firstPublished, lastPublished: s.lastPublished });
  if (options.format === 'jsonl') {
    const sink = openLineSink(options.out);
    for (const s of stories) await sink.write(`${JSON.stringify(line(s))}\n`);
    await sink.close();
  } else if (options.format === 'json') {
    await writeOutput(`${JSON.stringify(stories.map(line), null, 2)}\n`, options.out);
  } else {
    // The headline the story list and page show (src/text/headline.ts: the first member's title in the canonical
    // order, else the start of its text), from the store's listing of the same stories in the same order.
    const listed = store.searchStories({ order: options.sort, ...(options.since ? { since: options.since } : {}), limit: stories.length });
    const headlines = new Map(listed.stories.map((s) => [s.id, s.headline]));
    const rows = stories.map((s) => {
      const headline = headlines.get(s.id) ?? '';
      return `${s.id}  ${String(s.size).padStart(5)}  ${(s.lastPublished ?? '—').slice(0, 10).padEnd(10)}  ${oneLine(headline).slice(0, 70)}`;
    });
    await writeOutput(`${['story            articles  newest      first headline', ...rows].join('\n')}\n`, options.out);
  }
  return EXIT.ok;
}

async function runStory(store: Store, options: CliOptions, generator: string): Promise<number> {
  const id = options.inputs[0]!;
  const [{ storyReport }, { defaultCacheDir }] = await Promise.all([import('../corpus/reports.js'), import('../pipeline.js')]);
  const report: Report = await storyReport(store, id, { encoder: options.encoder, cacheDir: options.cacheDir ?? defaultCacheDir() }, generator);
  await writeOutput(renderReport(report, options), options.out);
  return EXIT.ok;
}

/** `outlets` (text table or JSON) and `network` (JSON or Graphviz dot) over the stored reports; either as an HTML page. */
async function runOutlets(store: Store, options: CliOptions, generator: string): Promise<number> {
  const [{ storeOutletNetwork }, { WINDOW_MINUTES }] = await Promise.all([import('../corpus/outlets.js'), import('../outlets/index.js')]);
  const net = storeOutletNetwork(store, options.since ? { since: options.since } : {});
  if (options.format === 'html') {
    const { renderNetworkHtml } = await import('../report/network-html.js');
    await writeOutput(renderNetworkHtml(net, generator, options.since ?? undefined), options.out);
    return EXIT.ok;
  }
  if (options.command === 'network') {
    const body = options.format === 'dot' ? networkDot(net) : `${JSON.stringify({ edges: net.edges, groups: net.groups, stories: net.stories, withoutReport: net.withoutReport }, null, 2)}\n`;
    await writeOutput(body, options.out);
    return EXIT.ok;
  }
  if (options.format === 'json') {
    await writeOutput(`${JSON.stringify({ outlets: net.outlets, groups: net.groups, stories: net.stories, withoutReport: net.withoutReport }, null, 2)}\n`, options.out);
    return EXIT.ok;
  }
  const share = (x: number): string => pct(x).padStart(5);
  const rows = net.outlets.map((o) =>
    [
      clip(oneLine(o.outlet), 28).padEnd(28),
      String(o.articles).padStart(8),
      share(o.rewriteShare),
      (o.medianLagMinutes === null ? '—' : `${Math.round(o.medianLagMinutes)} min`).padStart(9),
      (o.medianReuse === null ? '—' : pct(o.medianReuse)).padStart(6),
      share(o.inventingShare),
      share(o.firstShare),
      String(o.traces.length).padStart(6),
      clip(oneLine(o.topSources.map((s) => `${s.outlet} (${s.articles})`).join(', ')), 60),
    ].join('  '),
  );
  const groups = net.groups.map((g, i) => `group ${i + 1}: ${g.outlets.map(oneLine).join(', ')} — ${g.sharedSources} sources rewritten by two or more of them within ${WINDOW_MINUTES} min`);
  const note =
    net.withoutReport > 0
      ? [`(${net.withoutReport} ${net.withoutReport === 1 ? 'story has' : 'stories have'} no current report and ${net.withoutReport === 1 ? 'is' : 'are'} not counted: 'corroborate ingest' with no input computes them)`]
      : [];
  await writeOutput(
    `${['outlet                        articles  rewr.  med. lag  reused  invent  first  traces  top sources', ...rows, '', ...groups, ...note].join('\n')}\n`,
    options.out,
  );
  return EXIT.ok;
}

/** The derivation graph in Graphviz dot: outlets as nodes, an edge per outlet pair labelled with articles and lag. */
function networkDot(net: OutletNetwork): string {
  const q = (s: string): string => `"${oneLine(s).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  const lines = ['digraph outlets {', '  rankdir=LR;'];
  for (const o of net.outlets) lines.push(`  ${q(o.outlet)} [label=${q(`${o.outlet} · ${o.articles} ${o.articles === 1 ? 'article' : 'articles'}`)}];`);
  for (const e of net.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(`${e.articles}${e.medianLagMinutes === null ? '' : `, ${Math.round(e.medianLagMinutes)} min`}`)}, weight=${e.articles}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function oneLine(s: string): string {
  return sanitizedLine(s);
}
