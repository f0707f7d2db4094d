/**
 * The outlet network computed off the calling thread: a worker thread opens its own read-only connection to the
 * store file (./network-worker.ts) and sends the network back, so a server keeps answering while it is computed
 * (100,000 articles: ~3 s). Only plain data crosses the thread boundary.
 */
import type { StoreNetwork } from './outlets.js';
import { startModuleWorker } from '../worker-start.js';

export interface NetworkJob {
  /** The store file. */
  path: string;
  since?: string;
}

export type FromNetworkWorker = { ok: true; network: StoreNetwork } | { ok: false; message: string };

/** The network of the store at `path` (the window `since`), computed in a worker thread. */
export function networkOffThread(job: NetworkJob): Promise<StoreNetwork> {
  return new Promise((resolve, reject) => {
    const worker = startModuleWorker(import.meta.url, 'network-worker', { workerData: job });
    let settled = false;
    worker.once('message', (m: FromNetworkWorker) => {
      settled = true;
      if (m.ok) resolve(m.network);
      else reject(new Error(`network worker: ${m.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`network worker exited (code ${code}) without an answer`));
    });
  });
}
