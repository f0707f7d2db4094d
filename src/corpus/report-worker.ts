/**
 * Worker-thread entry of ./report-thread.ts: one story's report job per message (./report-job.ts); answers with
 * the report as JSON text and the analyses it computed.
 */
import { parentPort } from 'node:worker_threads';
import { summarizeReport } from '../store/report-summary.js';
import { computeReport } from './report-job.js';
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
    ({ report, analyses }) => port.postMessage({ type: 'report', id, json: JSON.stringify(report), summary: summarizeReport(report), analyses } satisfies FromReportWorker),
    (error: unknown) => port.postMessage({ type: 'error', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromReportWorker),
  );
});
