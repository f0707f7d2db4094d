/**
 * Worker-thread entry of ./report-thread.ts: one story's report job per message (./report-job.ts); answers with
 * the report encoded for the store (its JSON text compressed, src/store/report-codec.ts: the compression runs
 * here, not on the saving thread, and the bytes move to it without a copy) and the analyses it computed.
 */
import { parentPort } from 'node:worker_threads';
import { computeReport, storedForm } from './report-job.js';
import type { FromReportWorker, ToReportWorker } from './report-thread.js';

const port = parentPort;
if (!port) throw new Error('report-worker: not started as a worker thread');

port.on('message', (message: ToReportWorker) => {
  if (message.type === 'stop') {
    port.close();
    return;
  }
  const { id, job } = message;
  computeReport(job).then(
    ({ report, analyses }) => {
      const stored = storedForm(report);
      port.postMessage({ type: 'report', id, ...stored, analyses } satisfies FromReportWorker, [stored.data.buffer, stored.digest.data.buffer]);
    },
    (error: unknown) => port.postMessage({ type: 'error', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromReportWorker),
  );
});
