/**
 * Conflicts on planted rewrites, a set of our own (eval/data/planted-rewrites.json: fictional places and people).
 * Each item is two short articles, the second a rewrite of the first: either one change a copy-network site makes to
 * wire copy (a number, a day, a negation, an opposite word, a name, a nationality, a target, a pair of numbers turned
 * round, a hedge dropped, a framing, an order of magnitude, a credited source, two changes at once), with the type of
 * conflict a reader should be shown; or a control rewrite that changes nothing a reader would dispute (synonyms, word
 * order, the same hedge or count in other words, a detail added).
 *  - found: a planted change raised a conflict of its type on the changed sentence (recall, by kind in the notes);
 *  - false alarms: controls that raised any conflict.
 * Rows with the sentence encoder (what `compare` uses for small stories) and without it (what `ingest` stores). The set
 * ships in the repo, so this task runs without ../shared/data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analyse/index.js';
import { compareStory } from '../src/compare/index.js';
import { embedSentences } from '../src/similarity/encoder.js';
import type { Article, Conflict } from '../src/types.js';
import type { EvalResult, Evaluator } from './types.js';

export const PLANTED_SET = fileURLToPath(new URL('./data/planted-rewrites.json', import.meta.url));

interface PlantedItem {
  kind: string;
  a: string;
  b: string;
  /** The conflict type a reader should be shown, or null for a control. */
  expect: Conflict['type'] | null;
}

interface PlantedSet {
  context: string;
  items: PlantedItem[];
}

export function readPlanted(path: string = PLANTED_SET): PlantedSet {
  return JSON.parse(readFileSync(path, 'utf8')) as PlantedSet;
}

function article(id: string, source: string, sentence: string, context: string): Article {
  return { id, title: null, text: `${sentence}\n\n${context}`, source, url: null, published: '2026-04-02T09:00:00Z', language: 'en', byline: null, origin: `planted:${id}` };
}

/** Per item: the conflicts compare raises on the two articles. */
export async function plantedConflicts(set: PlantedSet, encoder: boolean, cacheDir: string | null): Promise<{ item: PlantedItem; conflicts: Conflict[] }[]> {
  const out: { item: PlantedItem; conflicts: Conflict[] }[] = [];
  for (const [i, item] of set.items.entries()) {
    const analysed = [article(`p${i}-a`, 'Wire One', item.a, set.context), article(`p${i}-b`, 'Copy Site', item.b, set.context)].map((a) => analyse(a));
    const vectors = await embedSentences(analysed, { enabled: encoder, cacheDir });
    const report = compareStory({ id: `planted-${i}`, articles: analysed.map((a) => a.article.id) }, analysed, vectors);
    out.push({ item, conflicts: report.conflicts });
  }
  return out;
}

/** A conflict of the expected type with a side on the changed sentence (the first of each article). */
function found(item: PlantedItem, conflicts: readonly Conflict[]): boolean {
  return conflicts.some((c) => c.type === item.expect && c.sides.some((s) => s.start < (s.article.endsWith('-a') ? item.a.length : item.b.length)));
}

export const evaluate: Evaluator = async (options) => {
  const set = readPlanted();
  const rows: EvalResult[] = [];
  for (const encoder of options.encoder ? [true, false] : [false]) {
    const results = await plantedConflicts(set, encoder, options.cacheDir);
    const planted = results.filter((r) => r.item.expect !== null);
    const controls = results.filter((r) => r.item.expect === null);
    const byKind = new Map<string, { found: number; all: number }>();
    for (const r of planted) {
      const k = byKind.get(r.item.kind) ?? { found: 0, all: 0 };
      k.all++;
      if (found(r.item, r.conflicts)) k.found++;
      byKind.set(r.item.kind, k);
    }
    const hits = planted.filter((r) => found(r.item, r.conflicts)).length;
    const alarms = controls.filter((r) => r.conflicts.length > 0);
    rows.push({
      task: 'conflicts',
      set: 'planted rewrites (eval/data/planted-rewrites.json, ours, fictional)',
      split: `${planted.length} planted changes of ${byKind.size} kinds, ${controls.length} control rewrites; ${encoder ? 'with the sentence encoder (compare)' : 'lexical only (ingest, --no-encoder)'}`,
      metrics: { 'planted found': hits / planted.length, 'controls with a conflict': alarms.length / controls.length },
      items: results.length,
      target: '— (issue 11: findings a fact-checker can trust)',
      reference: 'no published numbers (our own set)',
      command: 'npm run eval -- --only planted',
      notes:
        `by kind (found / planted): ${[...byKind].map(([k, v]) => `${k} ${v.found}/${v.all}`).join(', ')}` +
        (alarms.length > 0 ? `; controls with a conflict: ${alarms.map((r) => `${r.item.kind} (${r.conflicts.map((c) => c.summary).join('; ')})`).join(', ')}` : '; no control raised a conflict'),
    });
  }
  return rows;
};
