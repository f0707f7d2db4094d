/**
 * The add page in a real browser: paste an article, upload .txt / .html / .jsonl files, see the outcome
 * with links to the stories, and find the new articles in the list.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, exampleArticles, launchBrowser, screenshot, startTestServer, watchedPage, type PageWatch, type TestServer } from './helpers/browser.js';

const skip = browserSkipReason();

// Fictional follow-up reports on the examples' Kessington flood, written for this test.
const TXT = `---
source: Harlow Evening Post
published: 2026-11-18T08:00:00Z
url: https://harlow-post.example/kessington-cleanup
---
Kessington begins clean-up as the Arden River recedes

The Arden River fell below 5 metres in Kessington on Wednesday, and residents of the Millbrook district began returning to their homes.

Fire chief Tomas Reyes said his crews had pulled 37 people from flooded homes by boat during the flood.

Mayor Elena Marsh said the three emergency shelters would stay open until Friday.
`;

const HTML = `<!doctype html><html><head><title>Quillbury ferry resumes service</title>
<meta property="og:site_name" content="Quillbury Tide"><meta property="article:published_time" content="2026-11-20T10:00:00Z"></head>
<body><article><h1>Quillbury ferry resumes service</h1>
<p>The Quillbury ferry resumed its crossings to Tern Island on Friday after a three-day stoppage caused by a broken propeller shaft.</p>
<p>Harbour master Ines Calloway said the vessel had been repaired at the Quillbury dockyard overnight.</p>
<p>About 640 passengers a day use the crossing in November, according to the operator.</p>
</article></body></html>`;

const JSONL = [
  JSON.stringify({ id: 'orchard-1', title: 'Pelham orchard festival draws record crowd', source: 'Pelham Gazette', published: '2026-10-04', text: 'The Pelham orchard festival drew a record 8,200 visitors on Saturday, organisers said.\n\nThe festival committee chair, Ruth Okafor, said the cider tent ran out of stock by noon.' }),
  '{"this line": "has no text"}',
].join('\n');

describe('browser: adding articles', { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let watch: PageWatch;

  before(async () => {
    server = await startTestServer();
    await server.postArticles(await exampleArticles());
    browser = await launchBrowser();
    ({ page, watch } = await watchedPage(browser, server.origin));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a pasted article is added and shown with a link to its story, then found in the list', async () => {
    await page.goto(`${server.url}#/add`);
    const form = page.locator('[data-testid=add-form]');
    await form.getByLabel('Title').fill('Brackenfold bridge reopens after repairs');
    await form.getByLabel('Outlet').fill('Brackenfold Star');
    await form.getByLabel('Published').fill('2026-11-21');
    await form.getByLabel('Text').fill(
      'The Brackenfold footbridge reopened on Friday after six weeks of repairs to its oak deck.\n\nCouncillor Amos Pryce said the work had cost 48,000 pounds.',
    );
    await form.getByRole('button', { name: 'Add to the corpus' }).click();
    const result = page.locator('[data-testid=add-result] [data-testid=add-outcome]');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', /1 article added/);
    assert.equal(await result.locator('li[data-status=new]').count(), 1);
    // The form is cleared for the next one.
    assert.equal(await form.getByLabel('Title').inputValue(), '');
    await screenshot(page, 'add-pasted');

    await result.locator('[data-testid=outcome-story-link]').click();
    const column = page.locator('[data-testid=article-column]');
    await column.first().waitFor();
    assert.equal(await column.count(), 1);
    assert.match((await column.textContent()) ?? '', /Brackenfold Star/);
    assert.match((await column.textContent()) ?? '', /48,000 pounds/);

    await page.goto(`${server.url}#/?q=Brackenfold`);
    const row = page.locator('[data-testid=story-row]');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('[data-testid=story-link]').textContent(), 'Brackenfold bridge reopens after repairs');
  });

  test('uploaded .txt, .html and .jsonl files are added; problems are listed', async () => {
    await page.goto(`${server.url}#/add`);
    await page.locator('[data-testid=add-form] input[type=file]').setInputFiles([
      { name: 'harlow-cleanup.txt', mimeType: 'text/plain', buffer: Buffer.from(TXT) },
      { name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(HTML) },
      { name: 'orchard.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(JSONL) },
    ]);
    await page.getByRole('button', { name: 'Add to the corpus' }).click();
    const outcomes = page.locator('[data-testid=add-outcome]');
    await page.locator('[data-testid=add-result] h2').waitFor();
    assert.equal(await outcomes.count(), 3);
    const [txt, html, jsonl] = await outcomes.allTextContents();
    assert.match(txt!, /^harlow-cleanup\.txt1 article added/);
    assert.match(html!, /^ferry\.html1 article added/);
    assert.match(jsonl!, /^orchard\.jsonl1 article added · 0 duplicates · 0 id conflicts · 1 skipped/);
    assert.match(jsonl!, /line 2: /);
    await screenshot(page, 'add-uploaded', true);

    // The follow-up joins the examples' flood story (same place, people and numbers).
    await outcomes.nth(0).locator('[data-testid=outcome-story-link]').click();
    await page.locator('[data-testid=article-column]').first().waitFor();
    const outlets = await page.locator('[data-testid=article-column] .outlet').allTextContents();
    assert.ok(outlets.includes('Harlow Evening Post'), outlets.join(', '));

    await page.goto(`${server.url}#/?q=ferry`);
    await page.locator('section.results[aria-busy=false][data-query="q=ferry"]').waitFor();
    assert.equal(await page.locator('[data-testid=story-link]').first().textContent(), 'Quillbury ferry resumes service');
    await page.goto(`${server.url}#/?q=orchard`);
    await page.locator('section.results[aria-busy=false][data-query="q=orchard"]').waitFor();
    assert.equal(await page.locator('[data-testid=story-link]').first().textContent(), 'Pelham orchard festival draws record crowd');
  });

  test('submitting nothing says what to do; adding the same text again reports a duplicate', async () => {
    await page.goto(`${server.url}#/add`);
    await page.getByRole('button', { name: 'Add to the corpus' }).click();
    assert.match((await page.locator('[data-testid=add-result] [data-testid=error]').textContent()) ?? '', /Paste an article text or choose a file/);
    await page.locator('[data-testid=add-form] input[type=file]').setInputFiles([{ name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(TXT) }]);
    await page.getByRole('button', { name: 'Add to the corpus' }).click();
    const outcome = page.locator('[data-testid=add-outcome]');
    await outcome.waitFor();
    assert.match((await outcome.textContent()) ?? '', /0 articles added · 1 duplicate/);
    assert.equal(await outcome.locator('li[data-status=duplicate]').count(), 1);
  });

  test('no request left 127.0.0.1; no CSP violations or page errors', async () => {
    assert.deepEqual(watch.foreignRequests, []);
    assert.deepEqual(await watch.cspViolations(), []);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.dialogs, []);
  });
});
