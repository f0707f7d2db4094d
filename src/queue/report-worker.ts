/**
 * A report worker process (`corroborate worker`): takes story report jobs from the queue (./report-queue.ts) and
 * computes each in a report thread (src/corpus/report-thread.ts: the event loop stays free, so BullMQ keeps renewing
 * the job's lock while a big story is compared), then saves report, digest and new analyses in one transaction.
 *
 * Nothing is lost or done twice: a worker killed mid-job leaves the job locked until its lock expires; another
 * worker's stalled-job check then hands it out again. A job whose story already has a report at its change tick (a
 * re-delivered job whose save went through, or a story queued twice) is skipped; `saveReport` never lets a report
 * of an older tick replace a newer one.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { reportJob, saveReportResult } from '../corpus/reports.js';
import { ReportPool } from '../corpus/report-thread.js';
import type { CompareOptions } from '../pipeline.js';
import { StoreError, type Store } from '../store/index.js';
import { jobId, openJobs, queueConnection, reportQueueName, type ReportJobData } from './report-queue.js';

export interface ReportWorkerOptions {
  /** Jobs worked on at once (each in its own report thread). */
  concurrency: number;
  /** Stop when the queue has no open job left (else run until SIGINT/SIGTERM). */
  untilEmpty: boolean;
  /** Milliseconds a job stays locked to its worker without a renewal (a dead worker's job is handed out after this). */
  lockMs: number;
  generator: string;
  /** Called after each job with what was done (`why`: the error of a job that failed for good). */
  onJob?: (story: string, outcome: JobOutcome, why?: string) => void;
}

export type JobOutcome = 'computed' | 'current' | 'superseded' | 'gone' | 'failed';

/** Ledgers at ingest are lexical, like `corroborate ingest` computes them (src/cli/corpus.ts). */
const LEXICAL: CompareOptions = { encoder: false, cacheDir: null };

/** Runs until stopped (or, with `untilEmpty`, until the queue is empty); resolves with the jobs this worker did. */
export async function runReportWorker(store: Store, url: string, options: ReportWorkerOptions): Promise<Record<JobOutcome, number>> {
  const done: Record<JobOutcome, number> = { computed: 0, current: 0, superseded: 0, gone: 0, failed: 0 };
  const name = reportQueueName(store);
  const pool = new ReportPool(options.concurrency);
  let queue: Queue<ReportJobData> | null = null;
  // The store cannot be used any more (connection lost, no longer writable): this worker stops (exit 4) and the job
  // it was on fails this attempt, to be tried again later by a worker that can (nothing is taken off the queue).
  let fatal: StoreError | null = null;
  const take = async (job: Job<ReportJobData>): Promise<JobOutcome> => {
    if (fatal) throw fatal;
    let outcome: JobOutcome;
    try {
      outcome = await reportFor(store, pool, queue!, job.data, options.generator);
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'unwritable' || error.code === 'missing')) fatal ??= error;
      throw error;
    }
    done[outcome]++;
    options.onJob?.(job.data.story, outcome);
    return outcome;
  };
  // SIGINT / SIGTERM: finish the jobs at hand, then stop (BullMQ's close waits for them).
  let stopped = false;
  const stop = (): void => {
    stopped = true;
  };
  globalThis.process.on('SIGINT', stop);
  globalThis.process.on('SIGTERM', stop);
  // A URL that reaches no Redis fails here, in about a second, with the connection's error; once at work, the
  // connections wait out a Redis restart.
  const probe = new Queue<ReportJobData>(name, { connection: queueConnection(url) });
  probe.on('error', () => undefined);
  queue = new Queue<ReportJobData>(name, { connection: queueConnection(url, true) });
  queue.on('error', () => undefined);
  const open = queue;
  let failure: unknown = null;
  let worker: Worker<ReportJobData, JobOutcome> | null = null;
  try {
    try {
      await probe.waitUntilReady();
    } finally {
      await probe.close().catch(() => undefined);
    }
    worker = new Worker<ReportJobData, JobOutcome>(name, take, {
      connection: queueConnection(url, true),
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: Math.max(1000, Math.floor(options.lockMs / 2)),
      maxStalledCount: 3,
    });
    worker.on('error', () => {
      // Reconnects by itself (patient connection); a job that fails is retried by the queue.
    });
    worker.on('failed', (job, error) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return; // tried again later
      done.failed++;
      options.onJob?.(job.data.story, 'failed', error.message.split('\n')[0]);
    });
    await worker.waitUntilReady();
    await new Promise<void>((resolve) => {
      let polling = false;
      const tick = setInterval(() => {
        if (stopped || failure || fatal) {
          clearInterval(tick);
          resolve();
          return;
        }
        if (!options.untilEmpty || polling) return;
        polling = true;
        openJobs(open).then(
          (open) => {
            polling = false;
            if (open === 0) {
              clearInterval(tick);
              resolve();
            }
          },
          (error: unknown) => {
            polling = false;
            failure ??= error;
          },
        );
      }, 500);
    });
  } finally {
    globalThis.process.off('SIGINT', stop);
    globalThis.process.off('SIGTERM', stop);
    await worker?.close();
    await open.close().catch(() => undefined);
    await pool.close();
  }
  if (fatal) throw fatal;
  if (failure) throw failure;
  return done;
}

/**
 * One job: the story's report at its current tick, unless it has one already (`current`), or the story changed or
 * was merged since the job was queued and the job of its current state is on the queue too (`superseded`: that job
 * computes it), or it is gone. While a placement run that changes the story is still going (its jobs are queued at
 * its end), two older jobs of the story can both compute it: work done twice, never a wrong or older report.
 */
async function reportFor(store: Store, pool: ReportPool, queue: Queue<ReportJobData>, data: ReportJobData, generator: string): Promise<JobOutcome> {
  const story = store.getStory(data.story);
  if (!story || story.size < 2) return 'gone';
  if (!story.reportStale) return 'current';
  if ((story.id !== data.story || story.updatedSeq !== data.seq) && (await queue.getJob(jobId(story.id, story.updatedSeq)))) return 'superseded';
  const job = reportJob(store, story.id, LEXICAL, generator);
  const result = await pool.run(job);
  saveReportResult(store, story.id, story.updatedSeq, result, result.analyses);
  return 'computed';
}
