/**
 * Worker-thread entry of ./prepare-thread.ts: reads the inputs named in `workerData.paths` with the project's
 * readers and sends prepared batches (./prepare.ts) to the parent, in input order, at most `ahead` batches
 * ahead of the parent's acknowledgements (so memory stays bounded whatever the corpus size).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readInputs } from '../ingest/index.js';
import { prepareInline } from './prepare.js';
import type { ToParent, ToWorker, WorkerInput } from './prepare-thread.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker: not started as a worker thread');
const input = workerData as WorkerInput;

let acknowledged = 0;
let wake: (() => void) | null = null;
port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    acknowledged++;
    wake?.();
    wake = null;
  }
});

const send = (message: ToParent): void => port.postMessage(message);

try {
  let sent = 0;
  for await (const batch of prepareInline(readInputs(input.paths), input.size)) {
    while (sent - acknowledged >= input.ahead) await new Promise<void>((resolve) => (wake = resolve));
    send({ type: 'batch', items: batch });
    sent++;
  }
  send({ type: 'done' });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
port.close();
