/**
 * A story in two languages in a real browser: the Russian original and its two English rewrites
 * (test/fixtures/crosslingual/story.ts). The Russian column is marked lang="ru" and shows the Cyrillic text as
 * written; the quote ledger has the "Attested in translation" column naming the original for the translated quote,
 * and flags the invented quote.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Report } from '../src/types.js';
import { browserSkipReason, launchBrowser, screenshot, startTestServer, watchedPage, type PageWatch, type TestServer } from './helpers/browser.js';
import { ORIGINAL, PLANTED, REWRITE_A, REWRITE_B } from './fixtures/crosslingual/story.js';

const skip = browserSkipReason();
const STORY = 's-xl-test';

describe('browser: a story in two languages', { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let watch: PageWatch;
  let report: Report;

  before(async () => {
    server = await startTestServer();
    server.store.transaction(() => {
      for (const a of [ORIGINAL, REWRITE_A, REWRITE_B]) server.store.putArticle(a);
      server.store.createStory(STORY, [ORIGINAL.id, REWRITE_A.id, REWRITE_B.id]);
    });
    report = await server.get<Report>(`api/v1/stories/${STORY}`);
    browser = await launchBrowser();
    ({ page, watch } = await watchedPage(browser, server.origin));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the Russian column is lang="ru" with its Cyrillic text; the translated quote names the original', async () => {
    await page.goto(`${server.url}#/story/${STORY}`);
    await page.locator('[data-testid=quote-row]').first().waitFor();
    const column = page.locator(`[data-testid=article-column][data-article="${ORIGINAL.id}"]`);
    assert.equal(await column.getAttribute('lang'), 'ru');
    assert.ok(((await column.textContent()) ?? '').includes(PLANTED.originalQuote.slice(0, 40)));
    const headers = await page.locator('[data-testid=quote-ledger] thead th').allTextContents();
    const at = headers.findIndex((t) => t.includes('Attested in translation'));
    assert.ok(at >= 0, headers.join(' | '));
    const claim = report.stories[0]!.claims.find((c) => c.kind === 'quote' && c.text.includes(PLANTED.translatedQuoteA.slice(0, 30)))!;
    const row = page.locator(`[data-testid=quote-row][data-claim="${claim.id}"]`);
    const cell = (await row.locator('td').nth(at).textContent()) ?? '';
    assert.ok(cell.includes(ORIGINAL.source!), cell);
    const invented = report.stories[0]!.claims.find((c) => c.kind === 'quote' && c.text.includes(PLANTED.fabricatedQuoteA.slice(0, 30)))!;
    assert.match((await page.locator(`[data-testid=quote-row][data-claim="${invented.id}"]`).textContent()) ?? '', /no other outlet quotes or supports it/);
    await screenshot(page, 'crosslingual-story');
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.foreignRequests, []);
  });
});
