/**
 * The outlet network page and the outlet page in a real browser, on the generated network corpus
 * (bench/outlet-network-corpus.ts) whose wire and two network sites carry hostile names: the drawing has a circle
 * per outlet and an arrow per edge; clicking an arrow (or Enter on it) lists the edge's article pairs with their
 * evidence; clicking a circle opens the outlet; hostile names are text everywhere; nothing runs, nothing leaves
 * 127.0.0.1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { networkCorpus } from '../bench/outlet-network-corpus.js';
import type { NetworkSummary, OutletEdge } from '../src/outlets/types.js';
import { browserSkipReason, launchBrowser, screenshot, startTestServer, watchedPage, type PageWatch, type TestServer } from './helpers/browser.js';

const skip = browserSkipReason();

const WIRE = 'Meridian <img src=x onerror="window.__pwned=1"> Wire';
const SITE = '<script>window.__pwned=1</script>Pulse';
const SITE2 = '"><svg onload=window.__pwned=1>/News';

describe('browser: the outlet network and outlet pages', { skip }, () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  let watch: PageWatch;
  let net: NetworkSummary;
  const edgeOf = (from: string, to: string): Promise<OutletEdge> => server.get<OutletEdge>(`api/v1/network/edge?${new URLSearchParams({ from, to }).toString()}`);

  const pwned = async (): Promise<unknown> => page.evaluate('window.__pwned');
  const injected = async (): Promise<string[]> =>
    page.locator('main script, main img, main iframe, main svg:not([data-testid=network-graph]), main [onerror], main [onload], a[href^="javascript:" i]').evaluateAll((els) => els.map((e) => String(e.outerHTML)));

  before(async () => {
    const corpus = networkCorpus({ events: 4 });
    const rename = new Map([
      [corpus.planted.wire, WIRE],
      [corpus.planted.network[0]!, SITE],
      [corpus.planted.network[1]!, SITE2],
    ]);
    server = await startTestServer();
    const posted = await server.postArticles(corpus.articles.map((a) => ({ ...a, source: rename.get(a.source ?? '') ?? a.source })));
    assert.equal(posted.added, corpus.articles.length);
    net = await server.get<NetworkSummary>('api/v1/network');
    assert.ok(net.edges.some((e) => e.from === WIRE && e.to === SITE), 'the hostile site derives from the hostile wire');
    browser = await launchBrowser();
    ({ page, watch } = await watchedPage(browser, server.origin));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the network page draws every outlet and edge, with hostile names as text', async () => {
    await page.goto(`${server.url}#/network`);
    await page.locator('[data-testid=network-graph]').waitFor();
    assert.equal(await page.locator('[data-testid=network-node]').count(), net.outlets.length);
    assert.equal(await page.locator('[data-testid=network-edge]').count(), net.edges.length);
    const names = await page.locator('[data-testid=network-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outlet')));
    assert.deepEqual([...names].sort(), net.outlets.map((o) => o.outlet).sort());
    const rows = await page.locator('[data-testid=outlet-table] tbody th').allTextContents();
    for (const name of [WIRE, SITE, SITE2]) assert.ok(rows.includes(name), `${name} in the table as text`);
    assert.match((await page.locator('[data-testid=network-summary]').textContent()) ?? '', new RegExp(`^${net.outlets.length} outlets, ${net.edges.length} derivation edges`));
    assert.ok((await page.locator('[data-testid=network-groups] li').first().textContent())?.includes(SITE));
    assert.deepEqual(await injected(), []);
    assert.equal(await pwned(), undefined);
    await screenshot(page, 'network', true);
  });

  test('clicking an arrow lists its article pairs and their evidence; Enter on a focused arrow does too', async () => {
    const edge = await edgeOf(WIRE, SITE);
    const arrow = page.locator(`[data-testid=network-edge][data-from="${WIRE.replace(/"/g, '\\"')}"][data-to="${SITE}"]`);
    await arrow.click();
    const detail = page.locator('[data-testid=edge-detail]');
    await detail.locator('[data-testid=edge-pair]').first().waitFor();
    assert.equal(await detail.locator('h2').textContent(), `${WIRE} → ${SITE}`);
    assert.equal(await detail.locator('[data-testid=edge-pair]').count(), edge.pairs.length);
    const firstRow = (await detail.locator('[data-testid=edge-pair]').first().textContent()) ?? '';
    assert.ok(firstRow.includes(edge.pairs[0]!.source) && firstRow.includes(edge.pairs[0]!.rewrite), firstRow);
    for (const e of edge.pairs[0]!.evidence) assert.ok(firstRow.includes(`${e.kind}: ${e.detail}`), `evidence ${e.kind} shown`);
    // The story link opens the story the pair is in.
    assert.equal(await detail.locator('a', { hasText: 'open story' }).first().getAttribute('href'), `#/story/${encodeURIComponent(edge.pairs[0]!.story)}`);

    const other = await edgeOf(WIRE, SITE2);
    await page.locator(`[data-testid=network-edge][data-to="${SITE2.replace(/"/g, '\\"')}"][data-from="${WIRE.replace(/"/g, '\\"')}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.querySelector('[data-testid=edge-detail] h2')?.textContent === ${JSON.stringify(`${WIRE} → ${SITE2}`)}`);
    // The heading changes at once; the pairs follow when the server answers.
    await detail.locator('[data-testid=edge-pair]').first().waitFor();
    assert.equal(await detail.locator('[data-testid=edge-pair]').count(), other.pairs.length);
    assert.deepEqual(await injected(), []);
    assert.equal(await pwned(), undefined);
  });

  test('clicking a circle opens the outlet page: figures, sources with their pairs, groups, traces', async () => {
    await page.locator(`[data-testid=network-node][data-outlet="${SITE}"]`).click();
    await page.locator('[data-testid=outlet-figures]').waitFor();
    assert.equal(await page.locator('main h1').textContent(), SITE);
    const record = net.outlets.find((o) => o.outlet === SITE)!;
    assert.equal(await page.locator('[data-testid=outlet-articles]').textContent(), String(record.articles));
    assert.equal(await page.locator('[data-testid=outlet-inventing]').textContent(), `${Math.round(record.inventingShare * 100)}%`);
    const incoming = page.locator('[data-testid=outlet-incoming] > li');
    assert.equal(await incoming.count(), net.edges.filter((e) => e.to === SITE).length);
    await incoming.first().locator('summary').click();
    await incoming.first().locator('[data-testid=edge-pair]').first().waitFor();
    assert.ok((await page.locator('[data-testid=outlet-groups]').textContent())?.includes(WIRE) === false, 'the wire is not in the network group');
    assert.equal(await page.locator('[aria-current=page]').getAttribute('data-nav'), 'network');
    assert.deepEqual(await injected(), []);
    assert.equal(await pwned(), undefined);
    await screenshot(page, 'outlet', true);
  });

  test('an unknown outlet is a message naming it; nothing ran and nothing left 127.0.0.1', async () => {
    await page.goto(`${server.url}#/outlet/${encodeURIComponent(SITE2 + ' nope')}`);
    const err = page.locator('[data-testid=error]');
    await err.waitFor();
    assert.ok((await err.textContent())?.includes(`no outlet '${SITE2} nope'`));
    assert.deepEqual(await injected(), []);
    assert.equal(await pwned(), undefined);
    assert.deepEqual(watch.dialogs, []);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.foreignRequests, []);
    assert.deepEqual(await watch.cspViolations(), []);
  });
});
