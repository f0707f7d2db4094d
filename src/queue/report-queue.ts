/**
 * Story reports as jobs on a BullMQ queue (Redis), so that report workers in other processes and on other machines
 * share them (docs/SCALE-OUT.md). A job names a story and the change tick it was queued at; its id is
 * `<story>@<tick>`, so queueing the same story at the same tick twice gives one job. Placement stays in one lane
 * (`corroborate ingest --queue`), which queues a job for every story it changed; `corroborate worker` processes
 * (./report-worker.ts) take them.
 *
 * Each store has a queue of its own: its name carries an id kept in the store's meta (made when the store's first
 * job is queued or its first worker starts), so two stores sharing one Redis never take each other's jobs.
 */
import { randomUUID } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import type { Store } from '../store/index.js';

/** Meta key of the store's queue id. */
const QUEUE_ID = 'queue-id';

export interface ReportJobData {
  story: string;
  /** The story's change tick when the job was queued (the worker computes at the story's tick when it runs). */
  seq: number;
}

/** The id of a story's job at change tick `seq`. */
export function jobId(story: string, seq: number): string {
  return `${story}@${seq}`;
}

/** The name of `store`'s report queue (its queue id is made and kept on first use, once, under the write lock). */
export function reportQueueName(store: Store): string {
  const known = store.getMeta(QUEUE_ID);
  if (known) return `corroborate-reports-${known}`;
  const id = store.transaction(() => {
    const again = store.getMeta(QUEUE_ID);
    if (again) return again;
    const made = randomUUID();
    store.setMeta(QUEUE_ID, made);
    return made;
  });
  return `corroborate-reports-${id}`;
}

/**
 * BullMQ's connection options for a redis:// URL. By default a connection that fails three times in a row gives up
 * (a wrong URL fails the command in ~1 s); `patient` (a worker already at work) reconnects for as long as it takes,
 * every 0.5–5 s, so a Redis restart does not stop the workers.
 */
export function queueConnection(url: string, patient = false): ConnectionOptions {
  return { url, maxRetriesPerRequest: null, retryStrategy: (times: number) => (patient ? Math.min(500 * times, 5000) : times > 3 ? null : 200 * times) };
}

/**
 * Job options: a finished job is removed (a later change queues a new one); a failing one is tried three times,
 * then removed too (the worker reports it), so queueing the story again gives it a new job.
 */
const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: true, attempts: 3, backoff: { type: 'exponential', delay: 2000 } } as const;

/**
 * Queues a report job for every story whose report is missing or older than the story (stories of two or more
 * articles, biggest first, as `refreshReports` computes them). Returns how many stories were queued.
 */
export async function queueStaleReports(store: Store, url: string): Promise<number> {
  const stale = store
    .staleStories()
    .map((id) => store.getStoryRecord(id)!)
    .filter((s) => s.size >= 2)
    .sort((a, b) => b.size - a.size || a.createdSeq - b.createdSeq);
  const queue = new Queue<ReportJobData>(reportQueueName(store), { connection: queueConnection(url) });
  queue.on('error', () => {
    // A connection failure rejects the call below; the event is not a second report of it.
  });
  try {
    for (let i = 0; i < stale.length; i += 500) {
      await queue.addBulk(stale.slice(i, i + 500).map((s) => ({ name: 'report', data: { story: s.id, seq: s.updatedSeq }, opts: { ...JOB_OPTIONS, jobId: jobId(s.id, s.updatedSeq) } })));
    }
  } finally {
    await queue.close().catch(() => undefined);
  }
  return stale.length;
}

/** Jobs not finished yet: waiting, delayed, or being worked on. */
export async function openJobs(queue: Queue<ReportJobData>): Promise<number> {
  const c = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/**
 * Why Redis cannot be used, as one line, when `error` is a connection or login failure (refused, unknown host,
 * reset, timeout, wrong password); null for anything else.
 */
export function queueFailure(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0]! : '';
  if (typeof e?.code === 'string' && /^(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EAI_AGAIN|ENETUNREACH)$/.test(e.code)) return message || e.code;
  if (/^(NOAUTH|WRONGPASS)\b|Connection is closed|^connect E[A-Z]+|^getaddrinfo /.test(message)) return message;
  return null;
}
