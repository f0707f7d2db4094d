/**
 * The AllSides headline roundups: real news events of 2021, each told by a left-, a centre- and a right-rated
 * outlet (the title and opening paragraphs of each article, the roundup's date). Crawled by the authors of NeuS
 * (Lee et al., NAACL 2022): HLTCHKUST/framing-bias-metric @ 1586f55a, data/raw_crawled/
 * headline_11_2021-10-19_crawled_all.jsonl (506 roundups, 1,479 articles). The repository states no licence and the
 * texts belong to their outlets: read from a local snapshot at evaluation time, never copied into ours.
 * `CORROBORATE_ALLSIDES=FILE` names the file; else <data>/clustering/allsides_headlines.jsonl.
 *
 * Gold: the roundup (one event). Split for tuning: roundups with an even id are the tuning half (the time weight of
 * the story decision is chosen there: scripts/train-clustering.ts), odd ids the held-out half.
 *
 * Dates: the file dates the roundup, not its articles, so every article of a roundup gets that one day and the time
 * term of the story decision sees no spread within an event. Real coverage spreads: of the 1,479 articles, the 579
 * whose URL carries a date (`urlDate`) were published on the roundup's day (387), a day before (127), two days
 * before (30) or further off (35). `withUrlDates` gives each such article its own day; the evaluation reports both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/types.js';

export const ALLSIDES_SET = 'AllSides headline roundups (HLTCHKUST/framing-bias-metric @ 1586f55, no licence stated: used in place)';

export interface RoundupArticle {
  article: Article;
  /** The roundup (event) id. */
  story: string;
  /** Tuning half (even roundup id) or held out. */
  tuning: boolean;
}

/** Where the roundups file is looked for. */
export function allSidesPath(dataDir: string): string {
  return process.env.CORROBORATE_ALLSIDES ?? join(dataDir, 'clustering', 'allsides_headlines.jsonl');
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The articles of every roundup (file order; left, centre, right as the file lists them), or null when the file is absent. */
export function readAllSides(dataDir: string): RoundupArticle[] | null {
  const path = allSidesPath(dataDir);
  if (!existsSync(path)) return null;
  const out: RoundupArticle[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const r = JSON.parse(line) as Record<string, unknown>;
      const id = typeof r.id === 'number' || typeof r.id === 'string' ? String(r.id) : null;
      const news = typeof r.news === 'object' && r.news !== null ? (r.news as Record<string, Record<string, unknown>>) : {};
      if (id === null) throw new Error(`${path} line ${i + 1}: no roundup id`);
      for (const [side, item] of Object.entries(news)) {
        const paragraphs = Array.isArray(item.newBody) ? item.newBody.filter((p): p is string => typeof p === 'string') : [];
        const body = paragraphs.join('\n\n').replace(/\u00a0/g, ' ').trim();
        if (body === '') continue;
        out.push({
          article: {
            id: `allsides-${id}-${side}`,
            title: text(item.newsTitle),
            text: body,
            source: text(item.newsSource),
            url: text(item.newsLink),
            published: text(r.date),
            language: 'en',
            byline: null,
            origin: `allsides:${id}:${side}`,
          },
          story: id,
          tuning: Number(id) % 2 === 0,
        });
      }
    });
  return out;
}

/** The date in a URL's path ("/2021/09/09/", "/2021-9-9-..."), as YYYY-MM-DD, or null when it has none (or no valid one). */
export function urlDate(url: string | null): string | null {
  const m = /\/(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)/.exec(url ?? '');
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : date;
}

/** The roundups' articles, each dated by its URL where that carries a date (else the roundup's date, as read). */
export function withUrlDates(roundups: readonly RoundupArticle[]): RoundupArticle[] {
  return roundups.map((r) => {
    const own = urlDate(r.article.url);
    return own ? { ...r, article: { ...r.article, published: own } } : r;
  });
}
