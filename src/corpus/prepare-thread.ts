/**
 * Reading and preparing ahead, on the second core: a worker thread reads the input files (parsing, language
 * identification, HTML extraction) and computes each article's content hash and story signature, while the
 * ingesting thread writes the store and places the articles it already has. Batches arrive in input order,
 * so the result is the same as preparing inline (`prepareInline`), only sooner.
 *
 * The two threads share the preparing: when the ingesting thread has run out of batches and waits (it raises a
 * flag in shared memory), the worker sends its next batch as read (`raw`) and the ingesting thread prepares it
 * itself, instead of idling while the worker computes signatures; a batch the worker is in the middle of is split
 * (what it prepared, then the rest as read), so the ingesting thread never waits for a whole batch. Preparing is
 * pure, so who prepares a batch changes only when it is ready, never the result.
 */
import type { Worker } from 'node:worker_threads';
import type { Article, InputProblem } from '../types.js';
import { startModuleWorker } from '../worker-start.js';
import { prepareItem, type PreparedItem } from './prepare.js';

/** What the worker is started with. */
export interface WorkerInput {
  paths: string[];
  /** Items per batch. */
  size: number;
  /** Batches the worker may be ahead of the parent. */
  ahead: number;
  /** Items the worker prepares between two looks at the parent's flag. */
  chunk: number;
  /** One Int32: 1 while the parent waits with no batch queued (raised by the parent as it waits, lowered when it takes a batch or when the worker sends one raw). */
  hungry: SharedArrayBuffer;
}

export type ToWorker = { type: 'ack' };
export type ToParent =
  | { type: 'batch'; items: PreparedItem[] }
  | { type: 'raw'; items: (Article | InputProblem)[] }
  /** A batch the worker had begun when the parent started waiting: `items` prepared, then `raw` as read. */
  | { type: 'split'; items: PreparedItem[]; raw: (Article | InputProblem)[] }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** How many batches each thread prepared, and how many both (the generator's return value). */
export interface PrepareShares {
  worker: number;
  parent: number;
  split: number;
}

/** Items between two looks at the parent's flag: ~25 ms of preparing, so the parent never waits for a whole batch. */
export const PREPARE_CHUNK = 50;

/** Starts the worker (./worker-start.ts). */
function startWorker(input: WorkerInput): Worker {
  return startModuleWorker(import.meta.url, 'prepare-worker', { workerData: input });
}

/**
 * Prepared batches of the articles in `paths` (files and folders; not `-`), read in a worker thread; returns how
 * many batches each thread prepared. Breaking out of the loop early stops the worker.
 */
export async function* prepareInWorker(paths: string[], size: number, ahead = 4, chunk = PREPARE_CHUNK): AsyncGenerator<PreparedItem[], PrepareShares> {
  const shares: PrepareShares = { worker: 0, parent: 0, split: 0 };
  const hungry = new SharedArrayBuffer(4);
  const flag = new Int32Array(hungry);
  const worker = startWorker({ paths, size, ahead, chunk, hungry });
  const queue: ToParent[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ToParent) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (message === undefined) {
        if (failure) throw failure;
        if (exited) throw new Error('prepare worker exited before it finished');
        Atomics.store(flag, 0, 1);
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      // Something to take: the worker need not send its next batch raw (a flag raised while this one was on its way).
      Atomics.store(flag, 0, 0);
      if (message.type === 'done') return shares;
      if (message.type === 'error') throw new Error(`prepare worker: ${message.message}`);
      worker.postMessage({ type: 'ack' } satisfies ToWorker);
      if (message.type === 'raw') shares.parent++;
      else if (message.type === 'split') shares.split++;
      else shares.worker++;
      yield message.type === 'raw' ? message.items.map(prepareItem) : message.type === 'split' ? [...message.items, ...message.raw.map(prepareItem)] : message.items;
    }
  } finally {
    await worker.terminate();
  }
}
