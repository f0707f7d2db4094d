/**
 * Worker-thread entry of ./prepare-thread.ts: reads the inputs named in `workerData.paths` with the project's
 * readers and sends prepared batches (./prepare.ts) to the parent, in input order, at most `ahead` batches
 * ahead of the parent's acknowledgements (so memory stays bounded whatever the corpus size). A batch read
 * while the parent waits with nothing queued goes as read (`raw`): the parent prepares it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readInputs } from '../ingest/index.js';
import type { Article, InputProblem } from '../types.js';
import { inBatches, prepareItem, type PreparedItem } from './prepare.js';
import type { ToParent, ToWorker, WorkerInput } from './prepare-thread.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker: not started as a worker thread');
const input = workerData as WorkerInput;
const hungry = new Int32Array(input.hungry);

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

let sent = 0;

/**
 * Sends one batch of read items: as read when the parent waits for one, else prepared here; if the parent starts
 * waiting while this thread prepares, the items prepared so far go with the rest as read (`split`), and the parent
 * prepares the rest.
 */
async function sendBatch(items: (Article | InputProblem)[]): Promise<void> {
  if (Atomics.exchange(hungry, 0, 0) === 1) send({ type: 'raw', items });
  else {
    const prepared: PreparedItem[] = [];
    let handed = false;
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && i % input.chunk === 0 && Atomics.exchange(hungry, 0, 0) === 1) {
        send({ type: 'split', items: prepared, raw: items.slice(i) });
        handed = true;
        break;
      }
      prepared.push(prepareItem(items[i]!));
    }
    if (!handed) {
      while (sent - acknowledged >= input.ahead) await new Promise<void>((resolve) => (wake = resolve));
      send({ type: 'batch', items: prepared });
    }
  }
  sent++;
}

try {
  for await (const batch of inBatches(readInputs(input.paths), input.size)) await sendBatch(batch);
  send({ type: 'done' });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
port.close();
