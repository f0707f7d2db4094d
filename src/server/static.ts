/**
 * The built UI, served from `uiDir` read-only. Only these can be answered from the disk:
 * - `/` → index.html;
 * - `/assets/<name>` and `/<name>` (a top-level file such as favicon.svg), where `<name>` matches
 *   SAFE_NAME (letters, digits, `.`, `_`, `-`; not starting with a dot): no `/`, `\`, `%` or `..` can reach
 *   the file system, and the resolved real path must still lie inside `uiDir` (no symlink out of it);
 * - any other GET that accepts HTML (a reload on a UI address) → index.html.
 * Everything else is a JSON 404. Files are read once and kept (the build output does not change while serving).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { errorResponse } from './errors.js';
import { lookupTable } from '../text/lookup-table.js';

export const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Largest file served (the UI's bundles are far smaller). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const CONTENT_TYPES = lookupTable<string>({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
});

export const UI_NOT_BUILT =
  "Corroborate's web UI is not built: run `npm run build` in the package folder, then restart `corroborate serve`.\n" +
  'The HTTP API works without it: see /api/v1/openapi.json.\n';

interface CachedFile {
  body: Uint8Array;
  type: string;
}

/** Serves the UI; call after every API route is registered (its fallback catches the remaining GETs). */
export function registerStatic(app: Hono, uiDir: string | null): void {
  const root = uiDir === null ? null : realpathSync(uiDir);
  const cache = new Map<string, CachedFile>();

  const file = (relative: string[]): CachedFile | null => {
    if (root === null) return null;
    const key = relative.join('/');
    const cached = cache.get(key);
    if (cached) return cached;
    // Only files found are kept: requests for names that do not exist cannot grow the cache.
    const found = readInside(root, relative);
    if (found) cache.set(key, found);
    return found;
  };

  const page = (c: Context): Response => {
    const index = file(['index.html']);
    if (!index) return new Response(UI_NOT_BUILT, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return send(c, index, 'no-cache');
  };

  app.get('/', page);
  app.get('/index.html', page);
  app.get('*', (c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/') || path === '/api') return notFound(c);
    const asset = /^\/assets\/([^/]+)$/.exec(path);
    const top = /^\/([^/]+)$/.exec(path);
    const name = asset?.[1] ?? top?.[1];
    if (name !== undefined && SAFE_NAME.test(name) && name !== 'index.html') {
      const found = file(asset ? ['assets', name] : [name]);
      // Build output names under assets/ carry a content hash: cache them for good.
      if (found) return send(c, found, asset ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    if (acceptsHtml(c)) return page(c);
    return notFound(c);
  });
}

function send(c: Context, f: CachedFile, cacheControl: string): Response {
  const body = c.req.method === 'HEAD' ? null : f.body;
  return new Response(body, { status: 200, headers: { 'Content-Type': f.type, 'Content-Length': String(f.body.byteLength), 'Cache-Control': cacheControl } });
}

function notFound(c: Context): Response {
  return errorResponse(404, `no such resource: ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`);
}

function acceptsHtml(c: Context): boolean {
  return (c.req.header('accept') ?? '').toLowerCase().includes('text/html');
}

/** The file at `root/relative…` if it is a regular file whose real path lies inside `root`. */
function readInside(root: string, relative: string[]): CachedFile | null {
  if (!relative.every((part) => SAFE_NAME.test(part))) return null;
  try {
    const real = realpathSync(join(root, ...relative));
    if (!real.startsWith(root + sep)) return null;
    const stats = statSync(real);
    if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return null;
    return { body: readFileSync(real), type: CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
