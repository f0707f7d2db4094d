/**
 * Real-browser test support: Debian's Chromium driven by playwright-core against the real server
 * (`startServer`, port 0) over a fresh temporary store. One browser per test file.
 *
 * The tests skip (with the reason) when /usr/bin/chromium is missing or the UI is not built
 * (dist/ui/index.html; `npm run build` writes it, and `npm ci` runs it through `prepare`).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readInputs } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startServer } from '../../src/server/start.js';
import type { PostOutcome } from '../../src/server/wire.js';
import { repoRoot } from './paths.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const UI_DIR = join(repoRoot, 'dist', 'ui');
export const ARTIFACTS_DIR = join(repoRoot, 'artifacts', 'browser');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser tests cannot run here, or false when they can. */
export function browserSkipReason(): string | false {
  if (!existsSync(CHROMIUM_PATH)) return `browser tests skipped: ${CHROMIUM_PATH} not found (install Debian's chromium: apt-get install chromium)`;
  if (!existsSync(join(UI_DIR, 'index.html'))) return `browser tests skipped: the UI is not built (${join(UI_DIR, 'index.html')} missing; run npm run build)`;
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export interface TestServer {
  url: string;
  origin: string;
  store: Store;
  /** GET a JSON document from the API (e.g. `api/v1/stories`). */
  get<T>(path: string): Promise<T>;
  /** POST articles as JSON to /api/v1/articles. */
  postArticles(articles: Partial<Article>[]): Promise<PostOutcome>;
  close(): Promise<void>;
}


/** Starts the real server on 127.0.0.1, any free port, over an empty temporary store. */
export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-browser-'));
  const store = openStore(join(dir, 'news.db'));
  const server = await startServer({
    store,
    uiDir: UI_DIR,
    generator: 'corroborate browser test',
    encoder: false,
    cacheDir: join(dir, 'cache'),
    host: '127.0.0.1',
    port: 0,
  });
  const origin = new URL(server.url).origin;
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(new URL(path, server.url));
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const postArticles = async (articles: Partial<Article>[]): Promise<PostOutcome> => {
    const body = articles.map((a) => ({
      text: a.text,
      ...(a.id ? { id: a.id } : {}),
      ...(a.title ? { title: a.title } : {}),
      ...(a.source ? { source: a.source } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.published ? { published: a.published } : {}),
    }));
    const res = await fetch(new URL('api/v1/articles', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ articles: body }),
    });
    if (res.status !== 201) throw new Error(`POST articles: ${res.status} ${await res.text()}`);
    return (await res.json()) as PostOutcome;
  };
  return {
    url: server.url,
    origin,
    store,
    get,
    postArticles,
    close: async () => {
      await server.close();
      try {
        store.close();
      } catch {
        // already closed by the server
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The repository's examples/ folder read with the project's readers (the same articles `compare examples/` sees). */
export async function exampleArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readInputs([join(repoRoot, 'examples')])) {
    if ('kind' in item) throw new Error(`examples: ${item.message}`);
    out.push(item);
  }
  return out;
}

export interface PageWatch {
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** Requests to anywhere but the test server (they are aborted). */
  foreignRequests: string[];
  requests: string[];
  /** securitypolicyviolation events seen by the page (counted by an init script). */
  cspViolations(): Promise<string[]>;
}

/**
 * A new page (own context: fresh storage) that records dialogs (dismissed), page errors, console errors,
 * CSP violation events, and every request; requests leaving the server's origin are aborted and recorded.
 */
export async function watchedPage(browser: Browser, origin: string): Promise<{ page: Page; context: BrowserContext; watch: PageWatch }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watch: PageWatch = {
    dialogs: [],
    pageErrors: [],
    consoleErrors: [],
    foreignRequests: [],
    requests: [],
    cspViolations: async () => {
      const v: unknown = await page.evaluate('window.__cspViolations ?? []');
      return Array.isArray(v) ? v.map(String) : [`unreadable: ${String(v)}`];
    },
  };
  // Runs in the page before its own scripts (through the DevTools protocol, so the page's CSP does not apply).
  await context.addInitScript({
    content: `window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => { window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });`,
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    watch.requests.push(url);
    const u = new URL(url);
    if (u.origin === origin && u.hostname === '127.0.0.1') return route.continue();
    watch.foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  return { page, context, watch };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage });
}
