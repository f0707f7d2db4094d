/**
 * Worker-thread entry of ./network-thread.ts: opens the store read-only at the path it is given, computes the outlet
 * network of a window (./outlets.ts), posts it back and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.js';
import { storeOutletNetwork } from './outlets.js';
import type { FromNetworkWorker, NetworkJob } from './network-thread.js';

const port = parentPort;
if (!port) throw new Error('network-worker: not started as a worker thread');
const job = workerData as NetworkJob;
let message: FromNetworkWorker;
try {
  const store = openStore(job.path, { readonly: true });
  try {
    message = { ok: true, network: storeOutletNetwork(store, job.since ? { since: job.since } : {}) };
  } finally {
    store.close();
  }
} catch (error) {
  message = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
port.postMessage(message);
