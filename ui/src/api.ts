/**
 * Typed client for the HTTP API under /api/v1 (same origin). Every failure becomes an ApiError whose
 * message is the server's JSON error message (or a plain description of the network problem), ready to
 * show to the user.
 */
import type { Report } from '../../src/types.js';
import type { NetworkSummary, OutletEdge, OutletView } from '../../src/outlets/types.js';
import type { ArticleBody, OutletCount, PostedArticle, PostOutcome, StoryList, StoryRow } from '../../src/server/wire.js';

export type { Report, OutletCount, StoryList, StoryRow };
/** The network view as the server gives it: the stage's network plus the stories it could not read. */
export type NetworkBody = NetworkSummary & { withoutReport: number };
export type { OutletEdge };
export type OutletBody = OutletView & { stories: number; withoutReport: number };
/** A stored article as the API gives it. */
export type ArticleRecord = ArticleBody;
export type ArticleStatus = PostedArticle['status'];
export type PostResult = PostOutcome;

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type StorySort = 'newest' | 'biggest';

export interface StoryQuery {
  q?: string;
  since?: string;
  until?: string;
  outlet?: string;
  sort?: StorySort;
  limit?: number;
  offset?: number;
}

export interface NewArticle {
  text: string;
  title?: string;
  source?: string;
  url?: string;
  published?: string;
  id?: string;
}

export interface SavedPage {
  html: string;
  url?: string;
  source?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The message of a JSON error body `{"error": {"status", "message"}}`, else null. */
function errorMessage(body: unknown): string | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const m = body.error.message;
  return typeof m === 'string' && m !== '' ? m : null;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { ...init, headers: { Accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Cannot reach the server. Is `corroborate serve` still running?', 0);
  }
  let body: unknown = null;
  const raw = await res.text();
  if (raw !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
  }
  if (!res.ok) {
    throw new ApiError(errorMessage(body) ?? `The server answered ${res.status} ${res.statusText}`.trim(), res.status);
  }
  if (body === null) throw new ApiError(`The server sent an unreadable answer for ${path}`, res.status);
  return body as T;
}

function queryString(q: StoryQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

export function listStories(q: StoryQuery, signal?: AbortSignal): Promise<StoryList> {
  return request<StoryList>(`/stories${queryString(q)}`, { signal: signal ?? null });
}

export function getStoryReport(id: string, signal?: AbortSignal): Promise<Report> {
  return request<Report>(`/stories/${encodeURIComponent(id)}`, { signal: signal ?? null });
}

export function getArticle(id: string, signal?: AbortSignal): Promise<ArticleRecord> {
  return request<ArticleRecord>(`/articles/${encodeURIComponent(id)}`, { signal: signal ?? null });
}

export async function listOutlets(signal?: AbortSignal): Promise<OutletCount[]> {
  const r = await request<{ outlets: OutletCount[] }>('/outlets', { signal: signal ?? null });
  return r.outlets;
}

const sinceQuery = (since?: string): string => (since ? `?${new URLSearchParams({ since }).toString()}` : '');

export function getNetwork(since?: string, signal?: AbortSignal): Promise<NetworkBody> {
  return request<NetworkBody>(`/network${sinceQuery(since)}`, { signal: signal ?? null });
}

export function getEdge(from: string, to: string, since?: string, signal?: AbortSignal): Promise<OutletEdge> {
  const p = new URLSearchParams({ from, to, ...(since ? { since } : {}) });
  return request<OutletEdge>(`/network/edge?${p.toString()}`, { signal: signal ?? null });
}

export function getOutlet(name: string, since?: string, signal?: AbortSignal): Promise<OutletBody> {
  return request<OutletBody>(`/outlets/${encodeURIComponent(name)}${sinceQuery(since)}`, { signal: signal ?? null });
}

export function postArticles(articles: NewArticle[]): Promise<PostResult> {
  return request<PostResult>('/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ articles }),
  });
}

export function postSavedPage(page: SavedPage): Promise<PostResult> {
  return request<PostResult>('/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(page),
  });
}

export function postJsonl(body: string): Promise<PostResult> {
  return request<PostResult>('/articles', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson' },
    body,
  });
}
