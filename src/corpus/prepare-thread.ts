/**
 * Reading and preparing ahead, on the second core: a worker thread reads the input files (parsing, language
 * identification, HTML extraction) and computes each article's content hash and story signature, while the
 * ingesting thread writes the store and places the articles it already has. Batches arrive in input order,
 * so the result is the same as preparing inline (`prepareInline`), only sooner.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../worker-start.js';
import type { PreparedItem } from './prepare.js';

/** What the worker is started with. */
export interface WorkerInput {
  paths: string[];
  /** Items per batch. */
  size: number;
  /** Batches the worker may be ahead of the parent. */
  ahead: number;
}

export type ToWorker = { type: 'ack' };
export type ToParent = { type: 'batch'; items: PreparedItem[] } | { type: 'done' } | { type: 'error'; message: string };

/** Starts the worker (./worker-start.ts). */
function startWorker(input: WorkerInput): Worker {
  return startModuleWorker(import.meta.url, 'prepare-worker', { workerData: input });
}

/**
 * Prepared batches of the articles in `paths` (files and folders; not `-`), read in a worker thread.
 * Breaking out of the loop early stops the worker.
 */
export async function* prepareInWorker(paths: string[], size: number, ahead = 4): AsyncGenerator<PreparedItem[]> {
  const worker = startWorker({ paths, size, ahead });
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
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'done') return;
      if (message.type === 'error') throw new Error(`prepare worker: ${message.message}`);
      worker.postMessage({ type: 'ack' } satisfies ToWorker);
      yield message.items;
    }
  } finally {
    await worker.terminate();
  }
}
