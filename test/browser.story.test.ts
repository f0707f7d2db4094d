/**
 * The story list and the story page in a real browser (Debian's Chromium), against the real server over a
 * store holding the repository's examples/: the list with its counts, search, the story page's conflicts,
 * ledgers (sorting), a claim followed to its exact text, aligned sentences lit on hover, the graph.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Report } from '../src/types.js';
import { browserSkipReason, exampleArticles, launchBrowser, screenshot, startTestServer, watchedPage, type PageWatch, type TestServer } from './helpers/browser.js';

interface StoryRowJson {
  id: string;
  size: number;
  outlets: number;
  conflicts: number | null;
  singleSourceQuotes: number | null;
  headline: string | null;
}

const skip = browserSkipReason();

describe('browser: story list and story page', { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let watch: PageWatch;
  let storyId: string;
  let headline: string | null;
  let report: Report;

  before(async () => {
    server = await startTestServer();
    const posted = await server.postArticles(await exampleArticles());
    assert.equal(posted.added, 3);
    const list = await server.get<{ total: number; stories: StoryRowJson[] }>('api/v1/stories');
    assert.equal(list.total, 1, 'the three examples form one story');
    storyId = list.stories[0]!.id;
    headline = list.stories[0]!.headline;
    report = await server.get<Report>(`api/v1/stories/${encodeURIComponent(storyId)}`);
    browser = await launchBrowser();
    ({ page, watch } = await watchedPage(browser, server.origin));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const story = (): Report['stories'][number] => report.stories[0]!;

  test('the list shows the example story with its outlets and conflict count', async () => {
    await page.goto(server.url);
    const row = page.locator('[data-testid=story-row]');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.equal(await row.getAttribute('data-story'), storyId);
    // The list's headline: the title of the story's first member in the canonical order (as the API lists it).
    assert.ok(headline && report.articles.some((a) => a.title === headline));
    assert.equal(await row.locator('[data-testid=story-link]').textContent(), headline);
    assert.equal(await row.locator('[data-testid=outlet-count]').textContent(), '3');
    assert.match((await row.textContent()) ?? '', /Metro Ledger, Northshore Daily, Valley Courier/);
    assert.equal(await row.locator('[data-testid=conflict-count]').textContent(), String(story().conflicts.length));
    assert.ok(story().conflicts.length > 0);
    const singleQuotes = story().claims.filter((c) => c.kind === 'quote' && c.status === 'single-source').length;
    assert.equal(await row.locator('[data-testid=single-source-count]').textContent(), String(singleQuotes));
    await screenshot(page, 'list');
  });

  test('search narrows the list and says when nothing matches', async () => {
    await page.goto(server.url);
    await page.locator('[data-testid=search-input]').fill('Kessington');
    await page.locator('[data-testid=search-input]').press('Enter');
    await page.waitForURL(/#\/\?q=Kessington$/);
    // Wait for this query's answer, not a row of the list shown before it.
    await page.locator('section.results[aria-busy=false][data-query="q=Kessington"]').waitFor();
    assert.equal(await page.locator('[data-testid=story-row]').count(), 1);
    await page.locator('[data-testid=search-input]').fill('zebrafinch');
    await page.locator('[data-testid=search-input]').press('Enter');
    await page.locator('section.results[aria-busy=false][data-query="q=zebrafinch"]').waitFor();
    await page.getByText('No story matches these filters.').waitFor();
    assert.equal(await page.locator('[data-testid=story-row]').count(), 0);
  });

  test('opening the story shows conflicts on top, the articles side by side, both ledgers and the graph', async () => {
    await page.goto(server.url);
    await page.locator('[data-testid=story-link]').first().click();
    await page.waitForURL(new RegExp(`#/story/${storyId}$`));
    await page.locator('[data-testid=claim-row]').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), headline, 'the story page is headed as the list names the story');
    const conflicts = page.locator('[data-testid=conflict]');
    assert.equal(await conflicts.count(), story().conflicts.length);
    assert.equal(await conflicts.first().locator('.conflict-summary').textContent(), `✗ ${story().conflicts[0]!.type} ${story().conflicts[0]!.summary}`);
    // Conflicts come before the articles and the ledgers.
    const order = await page.locator('main section.panel').evaluateAll((sections) => sections.map((s) => s.id));
    assert.deepEqual(order, ['sec-conflicts', 'sec-articles', 'sec-claims', 'sec-quotes', 'sec-derivation']);
    const columns = page.locator('[data-testid=article-column]');
    assert.equal(await columns.count(), 3);
    for (const a of report.articles) {
      const col = page.locator(`[data-testid=article-column][data-article="${a.id}"]`);
      assert.equal(await col.locator('[data-testid=sentence]').count(), a.sentences.length, a.id);
      // The column body holds exactly the article's text (sentences and the gaps between them).
      assert.equal(await col.locator('.article-body').evaluate((el) => el.textContent), a.text);
    }
    const claims = story().claims;
    assert.equal(await page.locator('[data-testid=claim-row]').count(), claims.filter((c) => c.kind !== 'quote').length);
    assert.equal(await page.locator('[data-testid=quote-row]').count(), claims.filter((c) => c.kind === 'quote').length);
    const statuses = await page.locator('[data-testid=claim-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    assert.equal(statuses[0], 'conflicting', 'conflicting claims first');
    // Status is written out, not only coloured.
    assert.match((await page.locator('[data-testid=claim-row][data-status=conflicting] .badge').first().textContent()) ?? '', /conflicting/);
    const graph = page.locator('[data-testid=derivation-graph]');
    assert.equal(await graph.locator('.node').count(), 3);
    const directed = story().derivation.filter((d) => d.direction !== 'undetermined' && d.direction !== 'independent').length;
    assert.equal(await graph.locator('.edge').count(), directed);
    assert.equal(await graph.evaluate((el) => el.namespaceURI), 'http://www.w3.org/2000/svg');
    // An article URL is a link only for http(s), and then without opener or referrer.
    const link = page.locator('[data-testid=article-column] a.url').first();
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match((await link.getAttribute('href')) ?? '', /^https:\/\//);
    await screenshot(page, 'story', true);
  });

  test('a ledger column sorts on click, both ways', async () => {
    const ledger = page.locator('[data-testid=claim-ledger]');
    const header = ledger.locator('button.sort[data-column=Outlets]');
    const values = async (): Promise<number[]> => ledger.locator('tbody tr td.num').evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
    await header.click();
    assert.equal(await ledger.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
    const up = await values();
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    await header.click();
    assert.equal(await ledger.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
    const down = await values();
    assert.deepEqual(down, [...up].sort((a, b) => b - a));
    assert.ok(down[0]! > down[down.length - 1]!, 'the example claims have different outlet counts');
    // Sorting the quote ledger by speaker.
    const quotes = page.locator('[data-testid=quote-ledger]');
    await quotes.locator('button.sort[data-column=Speaker]').click();
    const speakers = await quotes.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[2]?.textContent ?? ''));
    assert.deepEqual(speakers, [...speakers].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  });

  test('clicking a claim marks exactly its text in its article column', async () => {
    const byId = new Map(report.articles.map((a) => [a.id, a]));
    const claimIds = await page.locator('[data-testid=claim-row], [data-testid=quote-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim') ?? ''));
    // Two claims of every kind.
    const picked = [...new Set(story().claims.map((c) => c.kind))].flatMap((kind) => story().claims.filter((c) => c.kind === kind && claimIds.includes(c.id)).slice(0, 2));
    assert.ok(picked.length >= 8, `${picked.length} claims picked`);
    for (const claim of picked) {
      const m = claim.mentions[0]!;
      const expected = byId.get(m.article)!.text.slice(m.start, m.end);
      assert.equal(expected, m.text);
      await page.locator(`[data-claim="${claim.id}"] [data-testid=claim-link]`).click();
      const marks = page.locator('[data-testid=mark-active]');
      const texts = await marks.allTextContents();
      assert.equal(texts.join(''), expected, claim.id);
      assert.equal(await page.locator(`[data-testid=article-column][data-article="${m.article}"] [data-testid=mark-active]`).count(), texts.length);
      // The mark is scrolled into view, inside its column's scroll box.
      const height = page.viewportSize()!.height;
      const visible = await marks.first().evaluate((mark, h) => {
        const r = mark.getBoundingClientRect();
        const box = mark.closest('.article-body').getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top >= 0 && r.bottom <= h;
      }, height);
      assert.ok(visible, `${claim.id} mark visible`);
    }
    // A mention chip of a claim carried by several outlets jumps to that outlet's span.
    const multi = story().claims.find((c) => c.kind !== 'quote' && new Set(c.mentions.map((x) => x.article)).size === 3)!;
    const third = multi.mentions.find((x) => x.article !== multi.mentions[0]!.article)!;
    await page.locator(`[data-claim="${multi.id}"] [data-testid=mention-link][data-article="${third.article}"]`).first().click();
    assert.equal((await page.locator(`[data-article="${third.article}"] [data-testid=mark-active]`).allTextContents()).join(''), third.text);
    // A conflict side jumps too.
    const side = story().conflicts[0]!.sides[1]!;
    await page.locator('[data-testid=conflict]').first().locator(`[data-testid=conflict-side][data-article="${side.article}"]`).click();
    assert.equal((await page.locator('[data-testid=mark-active]').allTextContents()).join(''), side.text);
    await screenshot(page, 'story-mark');
  });

  test('hovering a sentence lights its aligned partners in the other columns', async () => {
    const link = story().alignments.flatMap((al) => al.links).find((l) => l.label === 'paraphrase')!;
    assert.ok(link);
    const partners = story()
      .alignments.flatMap((al) => al.links)
      .flatMap((l) => {
        if (l.a.article === link.a.article && l.a.sentence === link.a.sentence) return [`${l.b.article}#${l.b.sentence}`];
        if (l.b.article === link.a.article && l.b.sentence === link.a.sentence) return [`${l.a.article}#${l.a.sentence}`];
        return [];
      });
    const sentence = (article: string, n: number): string => `[data-testid=article-column][data-article="${article}"] [data-testid=sentence][data-sentence="${n}"]`;
    await page.locator(sentence(link.a.article, link.a.sentence)).hover();
    const lit = await page.locator('.sentence.is-partner').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-article')}#${e.getAttribute('data-sentence')}`));
    assert.deepEqual(lit.sort(), [...new Set(partners)].sort());
    assert.ok(lit.includes(`${link.b.article}#${link.b.sentence}`));
    assert.match((await page.locator(sentence(link.a.article, link.a.sentence)).getAttribute('class')) ?? '', /is-hovered/);
    await screenshot(page, 'story-hover');
    // Moving away clears the highlight.
    await page.locator('h1').hover();
    assert.equal(await page.locator('.sentence.is-partner').count(), 0);
  });

  test('an unknown story shows the server’s error message', async () => {
    await page.goto(`${server.url}#/story/no-such-story`);
    const err = page.locator('[data-testid=error]');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /no story 'no-such-story'/);
  });

  test('the page stayed on 127.0.0.1, with no CSP violations, dialogs or errors', async () => {
    assert.deepEqual(watch.foreignRequests, []);
    assert.ok(watch.requests.length > 0);
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.pageErrors, []);
    // The only console errors allowed are the 404 of the unknown story.
    assert.deepEqual(watch.consoleErrors.filter((e) => !/404/.test(e)), []);
  });
});
