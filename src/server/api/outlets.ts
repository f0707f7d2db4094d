/**
 * `GET /api/v1/outlets`: every outlet with its number of articles (the story list's outlet filter).
 * `GET /api/v1/outlets/{name}[?since=YYYY-MM-DD]`: one outlet of the network view — its record, the derivation edges
 * into and out of it (with the article pairs and their evidence), its co-publishing groups.
 * `GET /api/v1/network[?since=YYYY-MM-DD]`: the outlet and network view over the stored story reports
 * (src/outlets): per outlet its rewrites, sources, lags, unattested quotes, traces; derivation edges (without their
 * article pairs: 100,000 articles give thousands of edges with twenty pairs each); groups.
 * `GET /api/v1/network/edge?from=A&to=B[&since=…]`: one edge with its article pairs and their evidence.
 * All read the server's NetworkMemo: computed once per window until a story or report changes, in a worker thread
 * on its own read-only connection (the server goes on answering meanwhile).
 */
import type { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { HttpError, jsonResponse } from '../errors.js';
import { isIsoDate, MAX_ID_LENGTH, pathId, readQuery, textParam, ValidationError } from '../validation.js';
import { networkSummary, outletName, outletView } from '../../outlets/index.js';

/** The `since` query parameter: a real calendar date YYYY-MM-DD, or absent. */
function sinceParam(query: Map<string, string>): { since?: string } {
  const since = query.get('since');
  if (since === undefined) return {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || !isIsoDate(since)) {
    throw new ValidationError(`query parameter 'since' must be a date YYYY-MM-DD`);
  }
  return { since };
}

export function registerOutlets(app: Hono, ctx: ServerContext): void {
  app.get('/api/v1/outlets', (c) => {
    readQuery(c.req.url, []);
    return jsonResponse({ outlets: ctx.store.outlets() });
  });
  app.get('/api/v1/outlets/:name', async (c) => {
    const window = sinceParam(readQuery(c.req.url, ['since']));
    // Names are compared as the view normalises them (white space collapsed, control characters out).
    const name = outletName(pathId('name', c.req.param('name')));
    const network = await ctx.network.get(window);
    const view = outletView(network, name);
    if (!view) throw new HttpError(404, `no outlet '${name.slice(0, 200)}' in the stored reports of ${ctx.storeName}${window.since ? ` since ${window.since}` : ''}`);
    return jsonResponse({ ...view, stories: network.stories, withoutReport: network.withoutReport });
  });
  app.get('/api/v1/network', async (c) => {
    const window = sinceParam(readQuery(c.req.url, ['since']));
    return jsonResponse(networkSummary(await ctx.network.get(window)));
  });
  app.get('/api/v1/network/edge', async (c) => {
    const query = readQuery(c.req.url, ['from', 'to', 'since']);
    const window = sinceParam(query);
    const [from, to] = (['from', 'to'] as const).map((name) => {
      const value = textParam(query, name, MAX_ID_LENGTH);
      if (value === undefined) throw new ValidationError(`query parameter '${name}' (an outlet name) is required`);
      return outletName(value);
    }) as [string, string];
    const edge = (await ctx.network.get(window)).edges.find((e) => e.from === from && e.to === to);
    if (!edge) throw new HttpError(404, `no edge from '${from.slice(0, 200)}' to '${to.slice(0, 200)}' in the stored reports of ${ctx.storeName}${window.since ? ` since ${window.since}` : ''}`);
    return jsonResponse(edge);
  });
}
