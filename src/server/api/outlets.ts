/** `GET /api/v1/outlets`: every outlet with its number of articles (the story list's outlet filter). */
import type { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { jsonResponse } from '../errors.js';
import { readQuery } from '../validation.js';

export function registerOutlets(app: Hono, ctx: ServerContext): void {
  app.get('/api/v1/outlets', (c) => {
    readQuery(c.req.url, []);
    return jsonResponse({ outlets: ctx.store.outlets() });
  });
}
