/**
 * Hostile article data in a real browser: titles, texts, outlets and URLs carrying <script>, <img onerror>,
 * javascript: links and attribute break-outs. The page must show them as literal text, run none of them
 * (no window.__pwned, no dialog), cause no CSP violation, and make no request beyond 127.0.0.1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Article, Report } from '../src/types.js';
import { browserSkipReason, launchBrowser, screenshot, startTestServer, watchedPage, type PageWatch, type TestServer } from './helpers/browser.js';

const skip = browserSkipReason();

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const JS_URL = 'javascript:window.__pwned=1';
const SVG = '"><svg onload=window.__pwned=1>';
const IFRAME = "'><iframe src=\"javascript:alert(1)\"></iframe>";

// Two fictional reports of one event, so they form a story with alignments, claims and a conflict.
const HOSTILE: Partial<Article>[] = [
  {
    id: `lantern-a${SVG}`,
    title: `Port Lindell lantern parade ${SCRIPT} draws crowds`,
    source: `Lindell Courier ${IMG}`,
    url: JS_URL,
    published: '2026-09-12T08:00:00Z',
    text: [
      `The Port Lindell lantern parade drew 4,200 people to the harbour front on Friday night ${SCRIPT}, organisers said.`,
      `Parade director Mara Velloso said 310 lanterns were carried along the quay ${IMG}.`,
      `“The harbour has never looked brighter ${SVG},” Velloso said.`,
      `Tickets were sold at ${JS_URL} and at the ferry terminal ${IFRAME}.`,
    ].join('\n\n'),
  },
  {
    id: 'lantern-b',
    title: `Lantern parade lights up Port Lindell ${SVG}`,
    source: `Harbour Beacon ${SVG}`,
    url: `https://beacon.example/lanterns${SVG}`,
    published: '2026-09-12T10:30:00Z',
    text: [
      `The Port Lindell lantern parade drew 2,900 people to the harbour front on Friday night ${IMG}, organisers said.`,
      `Parade director Mara Velloso said 310 lanterns were carried along the quay ${SCRIPT}.`,
      `“The harbour has never looked brighter ${SVG},” Velloso said.`,
      `Ferry services ran late to carry visitors home <a href="javascript:window.__pwned=1">link</a>.`,
    ].join('\n\n'),
  },
];

describe('browser: hostile article data is shown as text and never runs', { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let watch: PageWatch;
  let storyId: string;
  let report: Report;

  const pwned = async (): Promise<unknown> => page.evaluate('window.__pwned');

  /** Elements the payloads would create if parsed as HTML, inside <main>. */
  const injected = async (): Promise<string[]> =>
    page
      .locator('main script, main img, main iframe, main svg:not([data-testid=derivation-graph]), main [onerror], main [onload], a[href^="javascript:" i], script:not([src])')
      .evaluateAll((els) => els.map((e) => String(e.outerHTML)));

  before(async () => {
    server = await startTestServer();
    const posted = await server.postArticles(HOSTILE);
    assert.equal(posted.added, 2);
    assert.equal(new Set(posted.articles.map((a) => a.story)).size, 1, 'the two hostile articles form one story');
    storyId = posted.articles[0]!.story!;
    report = await server.get<Report>(`api/v1/stories/${encodeURIComponent(storyId)}`);
    browser = await launchBrowser();
    ({ page, watch } = await watchedPage(browser, server.origin));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the list shows hostile titles and outlets as text', async () => {
    await page.goto(server.url);
    await page.locator('[data-testid=story-row]').first().waitFor();
    const link = page.locator('[data-testid=story-link]');
    assert.equal(await link.textContent(), HOSTILE[0]!.title);
    assert.match((await page.locator('[data-testid=story-row]').textContent()) ?? '', new RegExp(escapeRe(`Lindell Courier ${IMG}`)));
    // Outlet names in the filter are option text.
    const options = await page.locator('[data-testid=outlet-select] option').allTextContents();
    assert.ok(options.some((o) => o.startsWith(`Harbour Beacon ${SVG}`)), options.join(' | '));
    assert.deepEqual(await injected(), []);
    assert.equal(await pwned(), undefined);
    await screenshot(page, 'xss-list');
  });

  test('the story page shows titles, text, outlets and URLs literally and runs nothing', async () => {
    await page.locator('[data-testid=story-link]').click();
    await page.locator('[data-testid=article-column]').first().waitFor();
    const story = report.stories[0]!;
    assert.ok(story.claims.length > 0);
    for (const a of report.articles) {
      const col = page.locator(`[data-testid=article-column][data-article="${a.id.replace(/"/g, '\\"')}"]`);
      assert.equal(await col.locator('h3').textContent(), a.title);
      assert.equal(await col.locator('.article-body').evaluate((el) => el.textContent), a.text);
      assert.match((await col.locator('header').textContent()) ?? '', new RegExp(escapeRe(a.url ?? '')));
    }
    // The javascript: URL is text, not a link; the http(s) URL with a break-out is a link whose href is that exact string.
    const jsUrl = page.locator('.url', { hasText: JS_URL });
    assert.equal(await jsUrl.evaluate((el) => el.tagName), 'SPAN');
    const https = page.locator('a.url');
    assert.equal(await https.count(), 1);
    assert.equal(await https.getAttribute('href'), HOSTILE[1]!.url);
    assert.equal(await https.getAttribute('rel'), 'noopener noreferrer');
    // Claims with payloads in their text can be followed to their exact span.
    const withPayload = story.claims.filter((c) => /<script>|<img|<svg/.test(c.text)).slice(0, 4);
    assert.ok(withPayload.length > 0);
    for (const c of withPayload) {
      await page.locator(`[data-claim="${c.id}"] [data-testid=claim-link]`).click();
      assert.equal((await page.locator('[data-testid=mark-active]').allTextContents()).join(''), c.mentions[0]!.text);
    }
    for (const s of await page.locator('[data-testid=sentence]').all()) await s.hover();
    await page.locator('[data-testid=derivation-graph]').waitFor();
    assert.deepEqual(await injected(), []);
    assert.equal(await pwned(), undefined);
    await screenshot(page, 'xss-story', true);
  });

  test('a hostile story id in the address comes back as text in the error message', async () => {
    await page.goto(`${server.url}#/story/${encodeURIComponent(IMG)}`);
    const err = page.locator('[data-testid=error]');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', new RegExp(escapeRe(IMG)));
    await page.goto(`${server.url}#/?q=${encodeURIComponent(SCRIPT)}&outlet=${encodeURIComponent(SVG)}`);
    await page.locator('[data-testid=search-input]').waitFor();
    await page.locator('.results :is(.empty, table, [data-testid=error])').first().waitFor();
    assert.equal(await page.locator('[data-testid=search-input]').inputValue(), SCRIPT);
    assert.deepEqual(await injected(), []);
  });

  test('pasting hostile text through the form shows it as text too', async () => {
    await page.goto(`${server.url}#/add`);
    const form = page.locator('[data-testid=add-form]');
    await form.getByLabel('Title').fill(`Quay notice ${SCRIPT}`);
    await form.getByLabel('Outlet').fill(IMG);
    await form.getByLabel('URL').fill(JS_URL);
    await form.getByLabel('Text').fill(`The Port Lindell harbour office posted a notice ${SVG} about mooring fees on Monday.`);
    await form.getByRole('button', { name: 'Add to the corpus' }).click();
    const outcome = page.locator('[data-testid=add-outcome]');
    await outcome.waitFor();
    assert.match((await outcome.textContent()) ?? '', new RegExp(escapeRe(`Pasted: Quay notice ${SCRIPT}`)));
    await outcome.locator('[data-testid=outcome-story-link]').click();
    await page.locator('[data-testid=article-column]').first().waitFor();
    const pasted = page.locator('[data-testid=article-column]', { hasText: 'Quay notice' });
    assert.equal(await pasted.locator('h3').textContent(), `Quay notice ${SCRIPT}`);
    assert.match((await pasted.locator('.article-body').textContent()) ?? '', new RegExp(escapeRe(`notice ${SVG} about`)));
    assert.equal(await pasted.locator('.url').evaluate((el) => el.tagName), 'SPAN');
    assert.deepEqual(await injected(), []);
  });

  test('nothing ran: no __pwned, no dialog, no CSP violation, no request beyond 127.0.0.1', async () => {
    assert.equal(await pwned(), undefined);
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.foreignRequests, []);
    assert.ok(watch.requests.every((u) => new URL(u).hostname === '127.0.0.1'));
    assert.deepEqual(watch.pageErrors, []);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
