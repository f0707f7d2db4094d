/**
 * Reading and preparing ahead, on the second core: a worker thread reads the input files (parsing, language
 * identification, HTML extraction) and computes each article's content hash and story signature, while the
 * ingesting thread writes the store and places the articles it already has. Batches arrive in input order,
 * so the result is the same as preparing inline (`prepareInline`), only sooner.
 */
import { Worker } from 'node:worker_threads';
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

/**
 * Starts the worker: its compiled `.js` beside this file; when running from the TypeScript source (tests, `tsx`),
 * the `.ts` source through tsx's loader, which a worker thread does not inherit from its parent.
 */
function startWorker(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prepare-worker.js', import.meta.url), { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./prepare-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData: input });
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
