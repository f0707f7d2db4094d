/**
 * JSON errors: `{"error": {"status": 404, "message": "…"}}` with that HTTP status. A user's mistake (bad
 * parameter, unknown id, body too large) gets a one-line message and never a stack trace; anything else is a
 * bug: the client sees "internal error", the details go to standard error.
 */
import { StoreError } from '../store/index.js';

export interface ErrorBody {
  error: { status: number; message: string };
}

/** An error with an HTTP status whose message is safe to show the client. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers (e.g. `Allow` for 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE, ...headers } });
}

export function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { error: { status, message } };
  return jsonResponse(body, status, headers);
}

/** Store errors a client can cause or wait out, by code; every other StoreError is a server fault. */
const STORE_STATUS: Partial<Record<StoreError['code'], number>> = {
  'no-such-article': 404,
  'no-such-story': 404,
  busy: 503,
};

/** The response for anything thrown by a handler. `log` receives the details of internal errors. */
export function errorToResponse(error: unknown, log: (line: string) => void, request: { method: string; path: string }): Response {
  if (error instanceof HttpError) return errorResponse(error.status, error.message, error.headers);
  if (error instanceof StoreError) {
    const status = STORE_STATUS[error.code];
    if (status !== undefined) return errorResponse(status, error.message);
  }
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  log(`corroborate: internal error on ${request.method} ${request.path}: ${detail}`);
  return errorResponse(500, 'internal error');
}
