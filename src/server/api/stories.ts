/** `GET /api/v1/stories` (list, search, filters, paging) and `GET /api/v1/stories/:id` (the story's report). */
import type { Hono } from 'hono';
import { storyReport } from '../../corpus/reports.js';
import type { StoryListing } from '../../store/index.js';
import { searchWords } from '../../store/search.js';
import type { ServerContext } from '../context.js';
import type { StoryRow } from '../wire.js';
import { HttpError, JSON_TYPE, jsonResponse } from '../errors.js';
import { enumParam, integerParam, isoDateParam, pathId, readQuery, textParam } from '../validation.js';

export const STORY_QUERY = ['q', 'since', 'until', 'outlet', 'sort', 'limit', 'offset'] as const;
export const SORTS = ['newest', 'biggest'] as const;
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;
/** Offsets beyond this are refused (paging that deep is not a use of the list). */
export const MAX_OFFSET = 1_000_000;

export function storyRow(s: StoryListing): StoryRow {
  return {
    id: s.id,
    size: s.size,
    outlets: s.sources.length,
    sources: s.sources,
    headline: s.headline,
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
    singleSourceQuotes: s.summary?.singleSourceQuotes ?? null,
    conflicts: s.summary?.conflicts ?? null,
    corroborated: s.summary?.corroborated ?? null,
  };
}

export function registerStories(app: Hono, ctx: ServerContext): void {
  app.get('/api/v1/stories', (c) => {
    const query = readQuery(c.req.url, STORY_QUERY);
    const q = textParam(query, 'q');
    const since = isoDateParam(query, 'since');
    const until = isoDateParam(query, 'until');
    const outlet = textParam(query, 'outlet');
    const order = enumParam(query, 'sort', SORTS, 'newest');
    const limit = integerParam(query, 'limit', { min: 1, max: MAX_LIMIT, fallback: DEFAULT_LIMIT });
    const offset = integerParam(query, 'offset', { min: 0, max: MAX_OFFSET, fallback: 0 });
    // A query with no word in it ("*", "%ff%fe") searches for nothing: say so, rather than list every story.
    if (q !== undefined && searchWords(q).length === 0) {
      throw new HttpError(400, `query parameter 'q' has no words to search for (letters or digits)`);
    }
    if (since !== undefined && until !== undefined && since.slice(0, 10) > until.slice(0, 10)) {
      throw new HttpError(400, `query parameter 'since' (${since}) is after 'until' (${until})`);
    }
    // Articles another process ingested since the last POST become searchable now.
    if (q !== undefined) ctx.refreshSearch();
    const page = ctx.store.searchStories({
      order,
      limit,
      offset,
      ...(q !== undefined ? { q } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      ...(outlet !== undefined ? { outlet } : {}),
    });
    return jsonResponse({ total: page.total, stories: page.stories.map(storyRow) });
  });

  app.get('/api/v1/stories/:id', async (c) => {
    readQuery(c.req.url, []);
    const id = pathId('id', c.req.param('id'));
    const story = ctx.store.getStory(id);
    if (!story || story.size === 0) throw new HttpError(404, `no story '${id}' in ${ctx.storeName}`);
    // A fresh stored report is sent as stored (no parse and re-serialise).
    const stored = ctx.store.getReport(story.id);
    if (stored && !stored.stale) return new Response(stored.json, { headers: { 'Content-Type': JSON_TYPE } });
    return jsonResponse(await storyReport(ctx.store, story.id, ctx.compare, ctx.generator));
  });
}
