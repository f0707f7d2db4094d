/**
 * The JSON bodies of the HTTP API (`/api/v1`), as TypeScript types: the one definition the server answers with
 * and the web UI (ui/src/api.ts) reads. Types only (no imports, no code), so the browser build can use them.
 * The OpenAPI document (./openapi.ts) describes the same shapes for other clients.
 */

/** One row of the story list. */
export interface StoryRow {
  id: string;
  size: number;
  outlets: number;
  sources: string[];
  headline: string;
  firstPublished: string | null;
  lastPublished: string | null;
  singleSourceQuotes: number | null;
  conflicts: number | null;
  corroborated: number | null;
}

/** `GET /api/v1/stories`. */
export interface StoryList {
  total: number;
  stories: StoryRow[];
}

/** `GET /api/v1/articles/:id`. */
export interface ArticleBody {
  id: string;
  title: string | null;
  text: string;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  byline: string | null;
  story: string | null;
}

/** One entry of `GET /api/v1/outlets`. */
export interface OutletCount {
  source: string;
  articles: number;
}

/** One article of a `POST /api/v1/articles` answer. */
export interface PostedArticle {
  id: string;
  status: 'new' | 'duplicate' | 'conflict';
  /** The live story of the stored article (for a duplicate or conflict: of the stored one), or null. */
  story: string | null;
}

/** `POST /api/v1/articles` (201). */
export interface PostOutcome {
  added: number;
  duplicates: number;
  conflicts: number;
  skipped: number;
  /**
   * Inputs that were skipped, and notes (`kept: true`) on articles that were read but of which something could not be
   * used (a `published` that is not a date): `line` is the 1-based JSONL line or position in `articles`, null for the
   * whole body.
   */
  problems: Array<{ line: number | null; message: string; kept?: true }>;
  /** One per article read, in input order. */
  articles: PostedArticle[];
  /** The live stories of the new articles, in input order, each once. */
  stories: string[];
}
