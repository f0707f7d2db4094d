/**
 * `GET /api/v1/outlets`: every outlet with its number of articles (the story list's outlet filter).
 * `GET /api/v1/network[?since=YYYY-MM-DD]`: the outlet and network view over the stored story reports
 * (src/outlets): per outlet its rewrites, sources, lags, unattested quotes, traces; derivation edges; groups.
 */
import type { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { jsonResponse } from '../errors.js';
import { readQuery, ValidationError } from '../validation.js';
import { storeOutletNetwork } from '../../corpus/outlets.js';

export function registerOutlets(app: Hono, ctx: ServerContext): void {
  app.get('/api/v1/outlets', (c) => {
    readQuery(c.req.url, []);
    return jsonResponse({ outlets: ctx.store.outlets() });
  });
  app.get('/api/v1/network', (c) => {
    const query = readQuery(c.req.url, ['since']);
    const since = query.get('since');
    if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(`${since}T00:00:00Z`)) || new Date(`${since}T00:00:00Z`).toISOString().slice(0, 10) !== since)) {
      throw new ValidationError(`query parameter 'since' must be a date YYYY-MM-DD`);
    }
    return jsonResponse(storeOutletNetwork(ctx.store, since ? { since } : {}));
  });
}
