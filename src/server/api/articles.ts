/** `GET /api/v1/articles/:id` (one stored article) and `POST /api/v1/articles` (add articles). */
import type { Hono } from 'hono';
import type { ServerContext } from '../context.js';
import type { ArticleBody } from '../wire.js';
import { HttpError, jsonResponse } from '../errors.js';
import { mediaType, postItems } from '../post-body.js';
import { BODY_LIMIT_BYTES, readBody } from '../security.js';
import { pathId, readQuery } from '../validation.js';

export function registerArticles(app: Hono, ctx: ServerContext, bodyLimit = BODY_LIMIT_BYTES): void {
  app.get('/api/v1/articles/:id', (c) => {
    readQuery(c.req.url, []);
    const id = pathId('id', c.req.param('id'));
    const a = ctx.store.getArticle(id);
    if (!a) throw new HttpError(404, `no article '${id}' in ${ctx.storeName}`);
    const body: ArticleBody = { id: a.id, title: a.title, text: a.text, source: a.source, url: a.url, published: a.published, language: a.language, byline: a.byline, story: a.story };
    return jsonResponse(body);
  });

  app.post('/api/v1/articles', async (c) => {
    readQuery(c.req.url, []);
    if (ctx.store.readonly) throw new HttpError(403, `${ctx.storeName} is open read-only`);
    const type = mediaType(c.req.header('content-type'));
    const body = await readBody(c.req.raw, bodyLimit);
    const items = postItems(type, body);
    const outcome = await ctx.ingest.ingest(items);
    return jsonResponse(outcome, 201);
  });
}
