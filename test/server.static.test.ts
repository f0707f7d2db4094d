import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../src/store/index.js';
import { createApp, type CorroborateApp } from '../src/server/app.js';
import { startServer, type RunningServer } from '../src/server/start.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/security.js';
import { packageRoot, resolveUiDir } from '../src/server/ui-dir.js';
import { repoRoot } from './helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-server-static-'));
const ui = join(dir, 'ui');
const SECRET = 'TOP-SECRET-MARKER-7f3a';
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head><body><div id="app"></div></body></html>';
let store: Store;
let app: CorroborateApp;
let server: RunningServer;

before(async () => {
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), INDEX);
  writeFileSync(join(ui, 'assets', 'app-1a2b.js'), 'console.log("app");');
  writeFileSync(join(ui, 'assets', 'style-9z.css'), 'body { color: black; }');
  writeFileSync(join(ui, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(ui, 'assets', 'data.bin'), 'raw');
  writeFileSync(join(ui, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(ui, '.env'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(ui, 'assets', 'link.txt'));
  store = openStore(join(dir, 'news.db'));
  app = createApp({ store, uiDir: ui, generator: 'corroborate test', encoder: false, cacheDir: join(dir, 'cache') });
  server = await startServer({ store, uiDir: ui, generator: 'corroborate test', encoder: false, cacheDir: join(dir, 'cache'), host: '127.0.0.1', port: 0 });
});
after(async () => {
  await server.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const html = { headers: { accept: 'text/html,application/xhtml+xml' } };

test('the UI page and its assets, with content types and caching', async () => {
  const cases: Array<[string, string, string]> = [
    ['/', 'text/html; charset=utf-8', INDEX],
    ['/index.html', 'text/html; charset=utf-8', INDEX],
    ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'console.log("app");'],
    ['/assets/style-9z.css', 'text/css; charset=utf-8', 'body { color: black; }'],
    ['/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['/assets/data.bin', 'application/octet-stream', 'raw'],
    ['/favicon.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ];
  for (const [path, type, body] of cases) {
    const r = await app.request(path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('content-type'), type, path);
    assert.equal(r.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await r.text(), body, path);
  }
  assert.equal((await app.request('/assets/app-1a2b.js')).headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal((await app.request('/')).headers.get('cache-control'), 'no-cache');
  const head = await app.request('/assets/app-1a2b.js', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('fallback: other pages that accept HTML get index.html; anything else is a JSON 404', async () => {
  for (const path of ['/story/abc', '/add', '/a/b/c', '/assets/missing.js']) {
    const r = await app.request(path, html);
    assert.equal(r.status, 200, path);
    assert.equal(await r.text(), INDEX, path);
  }
  for (const path of ['/story/abc', '/assets/missing.js', '/favicon.ico']) {
    const r = await app.request(path);
    assert.equal(r.status, 404, path);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  }
  const api = await app.request('/api/v1/nothing', html);
  assert.equal(api.status, 404, 'API paths never fall back to the page');
  assert.match(api.headers.get('content-type') ?? '', /^application\/json/);
});

/** Paths an attacker may try; the URL parser, the router and the name check each stop some of them. */
const ATTEMPTS = [
  '/assets/../secret.txt',
  '/assets/../../secret.txt',
  '/../secret.txt',
  '/assets/%2e%2e/secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/assets/%2E%2E%2Fsecret.txt',
  '/assets/..%2fsecret.txt',
  '/assets/..%2F..%2Fsecret.txt',
  '/assets/%2e%2e%5csecret.txt',
  '/assets/..%5c..%5csecret.txt',
  '/assets/..\\secret.txt',
  '/%2e%2e/secret.txt',
  '/..%2fsecret.txt',
  '/%2fetc%2fpasswd',
  '//etc/passwd',
  '/assets//etc/passwd',
  `/assets/${encodeURIComponent(join(dir, 'secret.txt'))}`,
  `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
  `/assets${join(dir, 'secret.txt')}`,
  '/assets/link.txt',
  '/.env',
  '/assets/.%2e/secret.txt',
  '/assets/%252e%252e%252fsecret.txt',
  '/assets/app-1a2b.js%00.txt',
  '/assets/...',
  '/assets/..',
  '/assets/.',
];

test('path traversal through app.request: nothing outside the UI folder, no dot-files, no symlinks out', async () => {
  for (const path of ATTEMPTS) {
    for (const init of [{}, html]) {
      const r = await app.request(`http://localhost${path}`, init);
      const body = await r.text();
      assert.ok(!body.includes(SECRET), `${path} leaked the file`);
      assert.ok(!body.includes('root:'), path);
      assert.ok(r.status === 404 || (r.status === 200 && body === INDEX), `${path}: ${r.status} ${body.slice(0, 80)}`);
    }
  }
});

/** One raw HTTP/1.1 request (the path sent exactly as written, no URL normalisation on the client side). */
function raw(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/html\r\nConnection: close\r\n\r\n`);
  });
}

test('path traversal over a real socket (raw request lines)', async () => {
  for (const path of [...ATTEMPTS, join(dir, 'secret.txt'), `http://127.0.0.1:${server.port}/../secret.txt`]) {
    const response = await raw(server.port, path);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
    assert.ok(!response.includes(SECRET), `${path} leaked the file`);
    assert.ok(status === 404 || status === 400 || (status === 200 && response.endsWith(INDEX)), `${path}: ${response.slice(0, 120)}`);
  }
});

test('the real server: CSP and the page on a socket; other Host names refused (DNS rebinding)', async () => {
  const r = await fetch(server.url);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(await r.text(), INDEX);
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const rebound = await new Promise<string>((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.write(`GET /api/v1/stories HTTP/1.1\r\nHost: attacker.example:${server.port}\r\nConnection: close\r\n\r\n`);
  });
  assert.match(rebound, /^HTTP\/1\.1 403/);
  const local = await fetch(`http://localhost:${server.port}/healthz`).catch(() => null);
  if (local) assert.equal(local.status, 200, 'localhost is one of the names');
});

test('resolveUiDir: dist/ui under the package root, or null when not built', () => {
  assert.equal(packageRoot(import.meta.url), repoRoot.replace(/\/$/, ''));
  const fake = join(dir, 'pkg');
  mkdirSync(join(fake, 'src', 'server'), { recursive: true });
  writeFileSync(join(fake, 'package.json'), '{}');
  const from = join(fake, 'src', 'server', 'ui-dir.js');
  assert.equal(resolveUiDir(from), null);
  mkdirSync(join(fake, 'dist', 'ui'), { recursive: true });
  assert.equal(resolveUiDir(from), null, 'a folder without index.html is not a build');
  writeFileSync(join(fake, 'dist', 'ui', 'index.html'), INDEX);
  assert.equal(resolveUiDir(from), join(fake, 'dist', 'ui'));
});
