/**
 * Part-of-speech tags for the few sentences the role checks look at (compromise, full tagger; only
 * sentences in alignment links are tagged, ~2 ms each, cached by text).
 */
import nlp from 'compromise';

export interface PosTerm {
  /** Offsets relative to the tagged text. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

const cache = new Map<string, PosTerm[]>();
const CACHE_MAX = 4096;

interface RawTerm {
  text?: unknown;
  tags?: unknown;
  offset?: { start?: unknown; length?: unknown };
}

/** Tagged terms of a text (offsets into that text). */
export function posTerms(text: string): PosTerm[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const out: PosTerm[] = [];
  const json: unknown = nlp(text).json({ offset: true, terms: { offset: true } });
  if (Array.isArray(json)) {
    for (const s of json as { terms?: unknown }[]) {
      if (!Array.isArray(s.terms)) continue;
      for (const t of s.terms as RawTerm[]) {
        const start = t.offset?.start;
        const length = t.offset?.length;
        if (typeof start !== 'number' || typeof length !== 'number') continue;
        const tags = Array.isArray(t.tags) ? (t.tags as unknown[]).filter((x): x is string => typeof x === 'string') : [];
        out.push({ start, end: start + length, tags: new Set(tags) });
      }
    }
  }
  // Bounded: the oldest entry goes (a big story tags more sentences than the cache holds; clearing it all would
  // tag the story's common sentences again).
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, out);
  return out;
}

/** Tags of the term covering `offset` (relative to the text), or an empty set. */
export function tagsAt(terms: readonly PosTerm[], offset: number): ReadonlySet<string> {
  for (const t of terms) if (offset >= t.start && offset < t.end) return t.tags;
  return EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();
