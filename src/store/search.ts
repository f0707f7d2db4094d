/**
 * Backend-neutral parts of story search: the words of a query and the listing row of a story.
 */
import { headlineOf } from '../text/headline.js';
import type { ReportSummary, StoryListing, StoryRecord } from './types.js';

/** Most words a query may have (more are ignored: the result could only shrink). */
export const MAX_SEARCH_WORDS = 32;

/**
 * The words of a search query, as the full-text index splits text (unicode61: runs of letters and digits,
 * lower-cased, diacritics removed), de-duplicated, in order of first occurrence.
 */
export function searchWords(q: string): string[] {
  const words: string[] = [];
  for (const m of q.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!words.includes(m[0])) words.push(m[0]);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

/** What a backend reads for one listed story besides its record. */
export interface ListingRow {
  sources: string[];
  /** The title of the story's first member in the canonical order (src/text/headline.ts), and the start of its text. */
  title: string | null;
  start: string;
  /** The stored report's counts and the change tick it was computed at, or null (no report). */
  report: { seq: number; single_source_quotes: number | null; conflicts: number | null; corroborated: number | null } | null;
}

/** The story list's entry of `story`; the report's counts only when the report is fresh (not stale, not older than the story). */
export function storyListing(story: StoryRecord, row: ListingRow): StoryListing {
  const r = row.report && !story.reportStale && row.report.seq >= story.updatedSeq ? row.report : null;
  const summary: ReportSummary | null =
    r && r.single_source_quotes !== null && r.conflicts !== null && r.corroborated !== null
      ? { singleSourceQuotes: r.single_source_quotes, conflicts: r.conflicts, corroborated: r.corroborated }
      : null;
  return { ...story, sources: row.sources, headline: headlineOf(row.title, row.start), summary };
}
