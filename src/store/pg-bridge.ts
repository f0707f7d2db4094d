/**
 * PostgreSQL, synchronously: the `Store` contract is synchronous (better-sqlite3), `pg` is not. A worker thread owns
 * one `pg` client (./pg-bridge-worker.ts); `query` posts the statement to it and blocks this thread on
 * `Atomics.wait` until the reply is there, then takes it with `receiveMessageOnPort`. One statement at a time, in
 * order, on one connection (so `BEGIN` … `COMMIT` sent one by one form a transaction). Measured on loopback with
 * PostgreSQL 15: ~200 µs a statement, of which the bridge ~30–70 µs (docs/SCALE-OUT.md).
 *
 * Every request carries an id the reply echoes (a reply that comes after its caller gave up is dropped, never taken
 * for the next statement's). The worker ticks a heartbeat in the shared memory while it lives; a caller that sees no
 * tick for HEARTBEAT_TIMEOUT_MS, or no reply within the statement timeout, marks the connection broken and throws.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from '../worker-start.js';

export interface PgResult<T> {
  rows: T[];
  rowCount: number;
}

/** A statement PostgreSQL refused, or a connection that failed: its message, and its SQLSTATE code ('23505', …) if any. */
export class PgError extends Error {
  override readonly name = 'PgError';
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export type ToPgWorker = { type: 'query'; id: number; sql: string; params: readonly unknown[] } | { type: 'close'; id: number };
export type FromPgWorker = { id: number } & ({ type: 'ok'; rows: unknown[]; rowCount: number } | { type: 'error'; message: string; code: string | null });

/** How long one statement may take before the bridge gives up on it (the worker sets the same statement_timeout). */
export const STATEMENT_TIMEOUT_MS = 10 * 60_000;
/** Connecting may take this long. */
export const CONNECT_TIMEOUT_MS = 15_000;
/** Shared memory slots: the reply signal, and the worker's heartbeat counter. */
export const SIGNAL = 0;
export const HEARTBEAT = 1;
/** The worker ticks the heartbeat this often … */
export const HEARTBEAT_MS = 250;
/** … and a worker that has not ticked for this long is gone. */
const HEARTBEAT_TIMEOUT_MS = 10_000;

/** One PostgreSQL connection used synchronously. `close()` when done. */
export class PgConnection {
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private nextId = 0;
  private broken: string | null = null;
  private closed = false;

  /** Connects to `url` (a postgres:// URL); throws PgError when it cannot. */
  constructor(url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = startModuleWorker(import.meta.url, 'pg-bridge-worker', {
      workerData: { port: port2, shared: this.shared, url, statementTimeout: STATEMENT_TIMEOUT_MS, connectTimeout: CONNECT_TIMEOUT_MS },
      transferList: [port2],
    });
    this.worker.unref();
    try {
      this.reply(0, CONNECT_TIMEOUT_MS + 5_000); // the worker's first message (id 0): connected, or why not
    } catch (error) {
      this.shutDown();
      throw error;
    }
  }

  query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): PgResult<T> {
    if (this.broken) throw new PgError(this.broken, null);
    if (this.closed) throw new Error('PgConnection: used after close');
    const id = ++this.nextId;
    Atomics.store(this.shared, SIGNAL, 0);
    this.port.postMessage({ type: 'query', id, sql, params } satisfies ToPgWorker);
    const r = this.reply(id, STATEMENT_TIMEOUT_MS + 30_000);
    return { rows: r.rows as T[], rowCount: r.rowCount };
  }

  close(): void {
    if (this.closed) return;
    if (!this.broken) {
      const id = ++this.nextId;
      Atomics.store(this.shared, SIGNAL, 0);
      this.port.postMessage({ type: 'close', id } satisfies ToPgWorker);
      try {
        this.reply(id, 10_000);
      } catch {
        // closing anyway
      }
    }
    this.shutDown();
  }

  private shutDown(): void {
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }

  /**
   * Blocks until the reply to request `id`; throws its error. Replies to earlier requests (their callers gave up)
   * are dropped. The signal is cleared before waiting and the port read again after clearing: the worker posts the
   * reply before it raises the signal, so a reply is either on the port or about to wake the wait.
   */
  private reply(id: number, timeoutMs: number): { rows: unknown[]; rowCount: number } {
    const deadline = performance.now() + timeoutMs;
    let beat = Atomics.load(this.shared, HEARTBEAT);
    let beatAt = performance.now();
    for (;;) {
      const got = this.take(id) ?? (Atomics.store(this.shared, SIGNAL, 0), this.take(id));
      if (got) {
        if (got.type === 'error') throw new PgError(got.message, got.code);
        return got;
      }
      const now = performance.now();
      const current = Atomics.load(this.shared, HEARTBEAT);
      if (current !== beat) {
        beat = current;
        beatAt = now;
      } else if (beat !== 0 && now - beatAt > HEARTBEAT_TIMEOUT_MS) {
        // (Only once it has ticked: a thread still loading its modules on a busy machine is not dead.)
        return this.fail('PostgreSQL: the connection thread stopped');
      }
      if (now > deadline) return this.fail('PostgreSQL: no answer within the statement timeout');
      Atomics.wait(this.shared, SIGNAL, 0, 1000);
    }
  }

  /** The reply to `id` if it is on the port (earlier replies are dropped), else null. */
  private take(id: number): FromPgWorker | null {
    for (let got = receiveMessageOnPort(this.port); got; got = receiveMessageOnPort(this.port)) {
      const m = got.message as FromPgWorker;
      if (m.id === id) return m;
    }
    return null;
  }

  private fail(message: string): never {
    this.broken = message;
    this.shutDown();
    throw new PgError(message, null);
  }
}
