/**
 * `corroborate worker --db <store> --queue redis://…`: a report worker process (src/queue/report-worker.ts). Any
 * number of them, on any machines that reach the store and the queue, share the report jobs `ingest --queue` puts
 * on the store's queue. Prints one line per job on a terminal (and every job that failed for good, always) and a
 * summary at the end.
 */
import { availableParallelism } from 'node:os';
import type { CliOptions } from './args.js';
import { EXIT } from './errors.js';
import { openStore, shownLocation, storeExists, StoreError, type Store } from '../store/index.js';
import { runReportWorker } from '../queue/report-worker.js';
import { queueFailure } from '../queue/report-queue.js';
import { plural } from '../report/view.js';
import { tuneV8ForReports } from './v8-tuning.js';

export async function runWorker(options: CliOptions, generator: string): Promise<number> {
  const queue = options.queue!;
  // A worker never creates a store: a mistyped --db would otherwise take the real store's jobs for an empty one.
  if (!storeExists(options.db)) {
    process.stderr.write(`corroborate: no store at ${shownLocation(options.db)}: a worker computes the reports of an existing store (create it with 'ingest')\n`);
    return EXIT.store;
  }
  let store: Store;
  try {
    store = openStore(options.db);
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`corroborate: ${error.message}\n`);
      return EXIT.store;
    }
    throw error;
  }
  const tty = process.stderr.isTTY === true;
  const threads = options.threads ?? availableParallelism();
  tuneV8ForReports();
  process.stderr.write(`corroborate: worker on ${shownLocation(options.db)}, taking report jobs from ${shownLocation(queue)} (${threads} at a time)\n`);
  try {
    const done = await runReportWorker(store, queue, {
      concurrency: threads,
      untilEmpty: options.untilEmpty,
      lockMs: options.lockSeconds * 1000,
      generator,
      onJob: (story, outcome, why) => {
        if (outcome === 'failed') process.stderr.write(`corroborate: the report of ${story} failed three times: ${why ?? 'no reason given'}\n`);
        else if (tty) process.stderr.write(`corroborate: ${story} ${outcome}\n`);
      },
    });
    process.stderr.write(
      `corroborate: worker done: ${plural(done.computed, 'report')} computed, ${done.current} already current, ${done.superseded} superseded by a newer job, ` +
        `${plural(done.gone, 'story', 'stories')} gone, ${done.failed} failed\n`,
    );
    // A report that cannot be computed is a bug (run the story with --debug: corroborate story ID --debug).
    return done.failed > 0 ? EXIT.internal : EXIT.ok;
  } catch (error) {
    if (error instanceof StoreError) {
      process.stderr.write(`corroborate: ${error.message}\n`);
      return EXIT.store;
    }
    const why = queueFailure(error);
    if (why !== null) {
      process.stderr.write(`corroborate: the queue at ${shownLocation(queue)} cannot be used (${why})\n`);
      return EXIT.queue;
    }
    throw error;
  } finally {
    store.close();
  }
}
