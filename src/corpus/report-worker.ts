/** Worker-thread entry of ./report-thread.ts: computes one story's report per message, as JSON text. */
import { parentPort } from 'node:worker_threads';
import { reportForStory } from '../pipeline.js';
import type { FromReportWorker, ToReportWorker } from './report-thread.js';

const port = parentPort;
if (!port) throw new Error('report-worker: not started as a worker thread');

port.on('message', (message: ToReportWorker) => {
  if (message.type === 'stop') {
    port.close();
    return;
  }
  const { id, job } = message;
  reportForStory(job.story, job.articles, job.options, job.generator).then(
    (report) => port.postMessage({ type: 'report', id, json: JSON.stringify(report) } satisfies FromReportWorker),
    (error: unknown) => port.postMessage({ type: 'error', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromReportWorker),
  );
});
