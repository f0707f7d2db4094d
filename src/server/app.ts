/**
 * The HTTP application (Hono): security headers and checks, the JSON API under /api/v1, /healthz, and the built
 * UI. Thin: each route validates its input, calls the store or the corpus functions, and answers JSON. Tests
 * call `app.request(…)` with no socket; `startServer` (start.ts) puts it on a port.
 */
import { Hono } from 'hono';
import type { Store } from '../store/index.js';
import { registerArticles } from './api/articles.js';
import { registerOutlets } from './api/outlets.js';
import { registerStories } from './api/stories.js';
import { NetworkMemo } from '../corpus/outlets.js';
import { networkOffThread } from '../corpus/network-thread.js';
import { refreshSearchIndex, storeNameOf, type ServerContext } from './context.js';
import { errorResponse, errorToResponse, HttpError, JSON_TYPE, jsonResponse } from './errors.js';
import { IngestQueue } from './ingest-queue.js';
import { openApiJson } from './openapi.js';
import { BODY_LIMIT_BYTES, declaredBodyLimit, originChecks, securityHeaders } from './security.js';
import { registerStatic } from './static.js';

export interface CreateAppOptions {
  store: Store;
  /**
   * Where the store is, to open it again read-only (the outlet network is computed in a worker thread on a
   * connection of its own). Default `store.location` — which, for a PostgreSQL store, shows its password as ***.
   */
  storeLocation?: string;
  /** The built UI folder (see resolveUiDir), or null: the API works, `/` says how to build the UI. */
  uiDir: string | null;
  /** The report's `generator` ("corroborate 0.1.0"). */
  generator: string;
  /** Use the sentence encoder for reports computed here. */
  encoder: boolean;
  /** Sentence-vector cache folder. */
  cacheDir: string;
  /** Host names the server answers to (null or absent: any; startServer passes the loopback names for a loopback host). */
  allowedHosts?: readonly string[] | null;
  /** Request body limit in bytes (default 10 MiB). */
  bodyLimit?: number;
  /** Where internal errors are written (default: standard error). */
  log?: (line: string) => void;
}

/** The API routes (method, Hono path): the OpenAPI document describes exactly these. */
export const API_ROUTES: ReadonlyArray<{ method: 'GET' | 'POST'; path: string }> = [
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/api/v1/openapi.json' },
  { method: 'GET', path: '/api/v1/stories' },
  { method: 'GET', path: '/api/v1/stories/:id' },
  { method: 'GET', path: '/api/v1/articles/:id' },
  { method: 'POST', path: '/api/v1/articles' },
  { method: 'GET', path: '/api/v1/outlets' },
  { method: 'GET', path: '/api/v1/outlets/:name' },
  { method: 'GET', path: '/api/v1/network' },
  { method: 'GET', path: '/api/v1/network/edge' },
];

/** An app plus what its owner needs to shut it down cleanly. */
export type CorroborateApp = Hono & { readonly ingestIdle: () => Promise<void> };

export function createApp(options: CreateAppOptions): CorroborateApp {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const store = options.store;
  const compare = { encoder: options.encoder, cacheDir: options.cacheDir };
  const refreshSearch = (): void => refreshSearchIndex(store);
  const ctx: ServerContext = {
    store,
    storeName: storeNameOf(store),
    compare,
    generator: options.generator,
    ingest: new IngestQueue(store, compare, options.generator, refreshSearch, log),
    network: new NetworkMemo(store, (window) => networkOffThread({ path: options.storeLocation ?? store.location, ...window })),
    refreshSearch,
  };
  // Articles ingested before the server started (by `corroborate ingest`) become searchable.
  refreshSearch();
  const version = /(\d+\.\d+\.\d+\S*)/.exec(options.generator)?.[1] ?? '0.0.0';

  const app = new Hono();
  app.onError((error, c) => errorToResponse(error, log, { method: c.req.method, path: c.req.path }));
  app.notFound((c) => errorResponse(404, `no such resource: ${c.req.method} ${c.req.path.slice(0, 200)}`));
  app.use('*', securityHeaders());
  app.use('*', originChecks(options.allowedHosts ?? null));
  app.use('*', declaredBodyLimit(options.bodyLimit ?? BODY_LIMIT_BYTES));

  app.get('/healthz', (c) => {
    if (new URL(c.req.url).search !== '') throw new HttpError(400, '/healthz takes no query parameters');
    return jsonResponse({ ok: true });
  });
  app.get('/api/v1/openapi.json', () => new Response(openApiJson(version), { headers: { 'Content-Type': JSON_TYPE } }));
  registerStories(app, ctx);
  registerArticles(app, ctx, options.bodyLimit ?? BODY_LIMIT_BYTES);
  registerOutlets(app, ctx);

  // A known path with another method: 405 with the methods it has.
  const methods = new Map<string, string[]>();
  for (const r of API_ROUTES) methods.set(r.path, [...(methods.get(r.path) ?? []), r.method]);
  for (const [path, allowed] of methods) {
    const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
    app.all(path, (c) => {
      throw new HttpError(405, `${c.req.method} is not allowed on ${path.replace(':id', '{id}')} (allowed: ${allow.join(', ')})`, { Allow: allow.join(', ') });
    });
  }
  app.all('/api/*', (c) => errorResponse(404, `no such endpoint: ${c.req.method} ${c.req.path.slice(0, 200)}`));

  registerStatic(app, options.uiDir);
  return Object.assign(app, { ingestIdle: () => ctx.ingest.idle() });
}
