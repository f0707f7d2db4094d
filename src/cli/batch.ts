import { stat } from 'node:fs/promises';
import type { InputProblem } from '../types.js';
import { byteStream, formatOf, fsErrorMessage } from '../ingest/files.js';
import { readJsonValues } from '../ingest/jsonl.js';
import { problem } from '../ingest/problem.js';
import type { LineSink } from './output.js';

/**
 * A line-by-line batch task (`align`, `check`, `derive`): JSON lines in, one JSON object out per good
 * input line, keyed by the input `id`, in input order.
 */
export interface BatchTask<In extends { id: string }, Out> {
  /** One parsed JSON line → the task's input, or a one-line problem message (the line is skipped). */
  parse(value: unknown): In | string;
  /** A chunk of inputs, in order → one output each (chunks let the sentence encoder batch). */
  run(inputs: In[]): Promise<Out[]>;
  /** Lines per chunk: memory stays bounded by this, not by the input size. */
  chunkSize: number;
}

export interface BatchOutcome {
  analysed: number;
  skipped: number;
}

/** Streams `input` (a path, `.gz` allowed, or `-`) through `task` into `sink`. */
export async function runBatch<In extends { id: string }, Out>(
  task: BatchTask<In, Out>,
  input: string,
  sink: LineSink,
  onProblem: (p: InputProblem) => void,
): Promise<BatchOutcome> {
  const chunks = await openInput(input);
  if ('kind' in chunks) {
    onProblem(chunks);
    return { analysed: 0, skipped: 1 };
  }
  const progress = new Progress(input);
  let analysed = 0;
  let skipped = 0;
  let pending: In[] = [];
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const outputs = await task.run(pending);
    for (const out of outputs) await sink.write(`${JSON.stringify(out)}\n`);
    analysed += pending.length;
    pending = [];
    progress.update(analysed, skipped);
  };
  for await (const item of readJsonValues({ input, chunks })) {
    if ('kind' in item) {
      skipped++;
      onProblem(item);
      continue;
    }
    const parsed = task.parse(item.value);
    if (typeof parsed === 'string') {
      skipped++;
      onProblem(problem(input, parsed, item.line));
      continue;
    }
    pending.push(parsed);
    if (pending.length >= task.chunkSize) await flush();
  }
  await flush();
  progress.done();
  return { analysed, skipped };
}

async function openInput(input: string): Promise<AsyncIterable<Buffer | Uint8Array | string> | InputProblem> {
  if (input === '-') return process.stdin;
  try {
    const info = await stat(input);
    if (info.isDirectory()) return problem(input, 'is a directory; expected a JSON-lines file');
  } catch (error) {
    return problem(input, fsErrorMessage(error));
  }
  return byteStream(input, formatOf(input).gz);
}

/** A one-line progress counter on standard error, only when it is a terminal. */
class Progress {
  private last = 0;
  private readonly active = process.stderr.isTTY === true;
  constructor(private readonly input: string) {}
  update(done: number, skipped: number): void {
    const now = performance.now();
    if (!this.active || now - this.last < 250) return;
    this.last = now;
    process.stderr.write(`\r${this.input}: ${done} lines${skipped ? `, ${skipped} skipped` : ''}\u001b[K`);
  }
  done(): void {
    if (this.active && this.last > 0) process.stderr.write('\r\u001b[K');
  }
}

/** Shared parsing helpers for task inputs. */
export function requireId(rec: Record<string, unknown>): string | null {
  const id = rec['id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** `{id, <fields...>: non-empty strings}` or a one-line problem naming the first missing field. */
export function parseStringFields<K extends string>(value: unknown, fields: readonly K[]): ({ id: string } & Record<K, string>) | string {
  const rec = asRecord(value);
  if (!rec) return 'line is not a JSON object';
  const id = requireId(rec);
  if (id === null) return 'no "id" (string or number)';
  const out: Record<string, string> = { id };
  for (const f of fields) {
    const v = rec[f];
    if (typeof v !== 'string' || v.trim() === '') return `no non-empty string "${f}" field`;
    out[f] = v;
  }
  return out as { id: string } & Record<K, string>;
}
