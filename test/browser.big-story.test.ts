/**
 * A big story in a real browser: 20 rewrites of our examples and 20 verbatim copies of the first, as one stored
 * story. The page shows 12 articles side by side with a note, ledger cells list the first mentions with a "+N more"
 * button that shows the rest, and following a mention in an article not shown opens its column at the exact text.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Article, Report } from '../src/types.js';
import { SIDE_BY_SIDE_MAX } from '../src/report/layout.js';
import { generateRewrites } from '../bench/story-generator.js';
import { browserSkipReason, exampleArticles, launchBrowser, screenshot, startTestServer, watchedPage, type PageWatch, type TestServer } from './helpers/browser.js';

const skip = browserSkipReason();
const STORY = 's-big-test';

describe('browser: a big story', { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let watch: PageWatch;
  let report: Report;

  before(async () => {
    server = await startTestServer();
    const written = generateRewrites(await exampleArticles(), 20);
    const copies: Article[] = Array.from({ length: 20 }, (_, i) => ({
      ...written[0]!,
      id: `copy-${i + 1}`,
      source: `Copy Site ${i + 1}`,
      published: new Date(Date.UTC(2026, 10, 18, 0, i)).toISOString(),
    }));
    const all = [...written, ...copies];
    // The story is made in the store directly (placement is tested elsewhere): one story of 40 articles.
    server.store.transaction(() => {
      for (const a of all) server.store.putArticle(a);
      server.store.createStory(STORY, all.map((a) => a.id));
    });
    report = await server.get<Report>(`api/v1/stories/${STORY}`);
    assert.equal(report.stories[0]!.articles.length, 40);
    browser = await launchBrowser();
    ({ page, watch } = await watchedPage(browser, server.origin));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('12 articles side by side with a note; no copy among them', async () => {
    await page.goto(`${server.url}#/story/${STORY}`);
    await page.locator('[data-testid=claim-row]').first().waitFor();
    const columns = page.locator('[data-testid=article-column]');
    assert.equal(await columns.count(), SIDE_BY_SIDE_MAX);
    const shown = await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-article')));
    assert.ok(shown.every((id) => !id?.startsWith('copy-')), shown.join(', '));
    assert.match((await page.locator('[data-testid=columns-note]').textContent()) ?? '', new RegExp(`${SIDE_BY_SIDE_MAX} of 40 articles shown`));
    await screenshot(page, 'big-story');
  });

  test('"+N more" shows the rest of a cell; a mention in an article not shown opens its column at the exact text', async () => {
    const ledger = page.locator('[data-testid=claim-ledger]');
    const claimId = await ledger.locator('tbody tr', { has: page.locator('[data-testid=show-more]') }).first().getAttribute('data-claim');
    const cell = ledger.locator(`tbody tr[data-claim="${claimId}"]`);
    const more = cell.locator('[data-testid=show-more]');
    const before = await cell.locator('[data-testid=mention-link]').count();
    const label = (await more.textContent()) ?? '';
    const hidden = Number(/\+(\d+) more/.exec(label)?.[1]);
    assert.ok(hidden > 0, label);
    await more.click();
    assert.equal(await cell.locator('[data-testid=mention-link]').count(), before + hidden);
    assert.equal(await cell.locator('[data-testid=show-more]').count(), 0);

    const shown = new Set(await page.locator('[data-testid=article-column]').evaluateAll((els) => els.map((e) => e.getAttribute('data-article'))));
    const articles = await cell.locator('[data-testid=mention-link]').evaluateAll((els) => els.map((e) => e.getAttribute('data-article')));
    const k = articles.findIndex((id) => id !== null && !shown.has(id));
    assert.ok(k >= 0, 'a mention in an article that is not side by side');
    const target = articles[k]!;
    await cell.locator('[data-testid=mention-link]').nth(k).click();
    const opened = page.locator(`[data-testid=article-column][data-article="${target}"]`);
    await opened.waitFor();
    assert.equal(await opened.getAttribute('data-opened'), 'true');
    const claim = report.stories[0]!.claims.find((c) => c.id === claimId)!;
    const mention = claim.mentions.filter((m) => m.article === target)[0]!;
    const text = report.articles.find((a) => a.id === target)!.text;
    assert.equal(await opened.locator('[data-testid=mark-active]').evaluateAll((els) => els.map((e) => e.textContent).join('')), text.slice(mention.start, mention.end));
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.foreignRequests, []);
  });
});
