/**
 * What a big story shows a reader (the HTML report and the web UI read the same choices): a story of hundreds of
 * copies of one wire cannot be read as hundreds of columns, nor a claim as a thousand mention links.
 *
 * - Side by side: every article of a story of at most SIDE_BY_SIDE_MAX articles; of a bigger one, at most
 *   SIDE_BY_SIDE_MAX articles that show what the story holds, never a near-verbatim copy of another (copy groups
 *   stand for their copies): the earliest article (the likely original); one article for each value a conflict's
 *   camps assert; the articles carrying single-source quotes, numbers, dates, entities and attributions; the
 *   representatives of the biggest copy groups; then the earliest others. Shown in publication order.
 * - Lists inside a cell (mentions, outlets, conflict sides, derivation and alignment rows): the first few, those
 *   in shown articles first, and a count of the rest ("+312 more"). The JSON report keeps everything.
 *
 * Pure and deterministic: same report, same layout.
 */
import type { StoryReport } from '../types.js';
import { chronological, groupSides, type ArticleIndex } from './view.js';

/** Stories up to this many articles show every article side by side. */
export const SIDE_BY_SIDE_MAX = 12;
/** Items shown in one cell (mentions of a claim, outlets of a claim, sides of a camp) before "+N more". */
export const CELL_ITEMS = 8;
/** Derivation and alignment rows shown per story before "+N more pairs (in the JSON report)". */
export const PAIR_ROWS = 60;

export interface StoryLayout {
  /** Article ids shown side by side, in publication order. */
  columns: string[];
  /** Whether every article of the story is shown side by side. */
  complete: boolean;
  /** copy → the representative article whose text it carries (from the report's copy groups). */
  copyOf: ReadonlyMap<string, string>;
  /** representative → how many copies it stands for. */
  copies: ReadonlyMap<string, number>;
}

export function storyLayout(story: StoryReport, index: ArticleIndex): StoryLayout {
  const copyOf = new Map<string, string>();
  const copies = new Map<string, number>();
  for (const g of story.copyGroups ?? []) {
    copies.set(g.article, g.copies.length);
    for (const c of g.copies) copyOf.set(c, g.article);
  }
  const order = chronological(story, index);
  if (story.articles.length <= SIDE_BY_SIDE_MAX) return { columns: order, complete: true, copyOf, copies };

  const rank = new Map(order.map((id, i) => [id, i]));
  const earliest = (ids: readonly string[]): string | undefined =>
    ids.filter((id) => !copyOf.has(id)).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))[0];
  const chosen: string[] = [];
  const add = (id: string | undefined): void => {
    if (id !== undefined && chosen.length < SIDE_BY_SIDE_MAX && !chosen.includes(id) && rank.has(id) && !copyOf.has(id)) chosen.push(id);
  };
  add(earliest(order));
  for (const c of story.conflicts) for (const g of groupSides(c)) add(earliest(g.sides.map((s) => s.article)));
  for (const c of story.claims) if (c.status === 'single-source' && c.kind !== 'statement') add(earliest(c.articles));
  for (const [rep] of [...copies].sort((x, y) => y[1] - x[1] || (rank.get(x[0]) ?? 0) - (rank.get(y[0]) ?? 0))) add(rep);
  for (const id of order) add(id);
  const columns = chosen.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return { columns, complete: columns.length === story.articles.length, copyOf, copies };
}

/** The outlet names (`label`) of article ids, each once in first-seen order: the first CELL_ITEMS, and how many more. */
export function cappedNames(ids: readonly string[], label: (id: string) => string): { shown: string[]; more: number } {
  return firstItems([...new Set(ids.map(label))]);
}

/** The first `max` items, those `preferred` first (each part in its given order), and how many are left out. */
export function firstItems<T>(items: readonly T[], max: number = CELL_ITEMS, preferred?: (item: T) => boolean): { shown: T[]; more: number } {
  if (items.length <= max) return { shown: [...items], more: 0 };
  const ordered = preferred ? [...items.filter(preferred), ...items.filter((x) => !preferred(x))] : items;
  return { shown: ordered.slice(0, max), more: items.length - max };
}
