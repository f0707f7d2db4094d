/**
 * Story reports on the other cores: a small pool of worker threads, each running one story's report job at a
 * time (./report-job.ts: decode the stored analyses, analyse the articles without one, compare, JSON;
 * ./report-worker.ts), while the calling thread reads member articles and their stored analyses from the store
 * and saves what comes back. Only plain data crosses the thread boundary: the job (articles, encoded stored
 * analyses) in; the report encoded for the store (src/store/report-codec.ts) and the newly encoded analyses
 * out. The report is byte-identical to computing inline.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../worker-start.js';
import type { StoredAnalysis } from '../store/index.js';
import type { ReportJob, StoredForm } from './report-job.js';

/** What a worker returns for one job: the report (its JSON text, or that text encoded by `encodeReport`) and the analyses it computed. */
export interface ReportResult extends StoredForm {
  analyses: StoredAnalysis[];
}

export type ToReportWorker = { type: 'job'; id: number; job: ReportJob } | { type: 'stop' };
export type FromReportWorker = ({ type: 'report'; id: number } & ReportResult) | { type: 'error'; id: number; message: string };

/**
 * Young generation of a report worker's heap. Analysis and comparison allocate many short-lived objects; a young
 * generation this size scavenges them less often: `corroborate ingest` of the 20,000 real-derived articles of
 * `npm run bench:ingest:real`, three runs in pairs on a noisy 2-core machine: 3–6% less wall time and 3–6% less CPU
 * than V8's default, for ~150 MiB more peak RSS.
 */
const YOUNG_GENERATION_MB = 192;

function startWorker(): Worker {
  return startModuleWorker(import.meta.url, 'report-worker', { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

/** A pool of `size` report workers; `run` resolves with the report JSON and the new analyses. Call `close` when done. */
export class ReportPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly all: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (result: ReportResult) => void; reject: (e: Error) => void; worker: Worker }>();
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker();
      w.on('message', (m: FromReportWorker) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        this.release(w);
        if (m.type === 'report') p.resolve({ data: m.data, summary: m.summary, digest: m.digest, analyses: m.analyses });
        else p.reject(new Error(`report worker: ${m.message}`));
      });
      w.on('error', (error) => this.fail(w, error));
      w.on('exit', (code) => this.fail(w, new Error(`report worker exited (code ${code})`)));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  async run(job: ReportJob): Promise<ReportResult> {
    const w = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    const id = this.next++;
    return new Promise<ReportResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: w });
      w.postMessage({ type: 'job', id, job } satisfies ToReportWorker);
    });
  }

  async close(): Promise<void> {
    const all = this.all.splice(0);
    await Promise.all(all.map((w) => w.terminate()));
  }

  private release(w: Worker): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(w);
    else this.idle.push(w);
  }

  private fail(w: Worker, error: Error): void {
    if (!this.all.includes(w)) return; // closed
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }
}
