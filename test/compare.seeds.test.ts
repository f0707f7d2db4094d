/**
 * The motivating seeds (two machine rewrites of one wire report), read from ../shared beside the
 * repo at run time; skipped where it does not exist. Nothing of their text is copied here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyse } from '../src/analyse/index.js';
import { readInputs } from '../src/ingest/index.js';
import { compareStory } from '../src/compare/index.js';
import { embedSentences } from '../src/similarity/encoder.js';
import type { AnalysedArticle, Article, SentenceVectors, StoryReport } from '../src/types.js';
import { seedsDir } from './helpers/texts.js';

const SEEDS = join(seedsDir, 'seeds.articles.jsonl');
const have = existsSync(SEEDS);

async function load(): Promise<AnalysedArticle[]> {
  const out: Article[] = [];
  for await (const x of readInputs([SEEDS])) if (!('kind' in x)) out.push(x);
  return out.map(analyse);
}

function check(r: StoryReport, arts: AnalysedArticle[]): void {
  const [A, B] = arts.map((a) => a.article.id) as [string, string];
  const text = new Map(arts.map((a) => [a.article.id, a.article.text]));
  for (const c of r.claims) for (const m of c.mentions) assert.equal(text.get(m.article)!.slice(m.start, m.end), m.text);
  for (const c of r.conflicts) for (const s of c.sides) assert.equal(text.get(s.article)!.slice(s.start, s.end), s.text);
  const both = (kind: string, pred: (t: string) => boolean) => {
    const c = r.claims.find((x) => x.kind === kind && pred(x.text));
    assert.ok(c, `${kind} claim`);
    assert.equal(c.status, 'corroborated', c.text);
    assert.deepEqual(c.articles, [A, B]);
  };
  both('date', (t) => /November 30/.test(t));
  both('number', (t) => /^87\b/.test(t));
  both('entity', (t) => t === 'Krasnoarmeysk');
  both('entity', (t) => t === 'Volchansk');
  assert.ok(
    r.claims.some((c) => c.kind === 'statement' && c.status === 'corroborated' && c.mentions.some((m) => /(safety|security) zone/.test(m.text))),
    'a corroborated statement about the zone',
  );

  // A's direct quotes, quoted only by A. The first (the zone along the border) B states in its own words,
  // attributed to the same speaker: supported in B, with B's words as the evidence. The other three are
  // stated nowhere else → fabrication candidates.
  const quotes = r.claims.filter((c) => c.kind === 'quote');
  assert.equal(quotes.length, 4);
  const zone = quotes.find((q) => /creating a security zone along the state border/.test(q.text));
  assert.ok(zone, 'the zone quote');
  assert.deepEqual([zone.quotedIn, zone.supportedIn, zone.status], [[A], [B], 'corroborated']);
  assert.match(zone.mentions.find((m) => m.article === B)!.text, /establishment of a safety zone along the state border/);
  for (const q of quotes) {
    if (q === zone) continue;
    assert.deepEqual(q.quotedIn, [A], q.text);
    assert.deepEqual(q.supportedIn, [], q.text);
    assert.equal(q.status, 'single-source', q.text);
  }

  // B names TASS and adds a date A lacks.
  const tass = r.claims.find((c) => c.kind === 'attribution' && c.text === 'TASS')!;
  assert.deepEqual([tass.status, tass.articles], ['single-source', [B]]);
  const nov1 = r.claims.find((c) => c.kind === 'date' && /November 1/.test(c.text))!;
  assert.deepEqual([nov1.status, nov1.articles], ['single-source', [B]]);

  // The initiative sentence changed meaning.
  const meaning = r.conflicts.find((c) => c.type === 'meaning')!;
  assert.ok(meaning, 'meaning conflict');
  assert.ok(meaning.sides.some((s) => s.article === A && /initiative for the entire line/.test(s.text)));
  assert.ok(meaning.sides.some((s) => s.article === B && /initiative to establish a security zone/.test(s.text)));
  for (const id of meaning.claims) assert.equal(r.claims.find((c) => c.id === id)!.status, 'conflicting');

  // Two machine rewrites of one report: each is a heavy revision of the other, not a copy, not independent.
  const pair = r.derivation[0]!;
  assert.deepEqual([pair.revision.aFromB.level, pair.revision.bFromA.level], ['heavy', 'heavy'], JSON.stringify(pair.revision));
}

test('seeds: agreements, fabrication candidates, additions and the changed meaning (lexical)', { skip: !have && 'no ../shared seeds' }, async () => {
  const arts = await load();
  assert.equal(arts.length, 2);
  const none: SentenceVectors = { get: () => undefined };
  check(compareStory({ id: 'seeds', articles: arts.map((a) => a.article.id) }, arts, none), arts);
});

test('seeds: the same with the sentence encoder', { skip: !have && 'no ../shared seeds' }, async () => {
  const arts = await load();
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-seeds-'));
  try {
    const vectors = await embedSentences(arts, { enabled: true, cacheDir: dir });
    check(compareStory({ id: 'seeds', articles: arts.map((a) => a.article.id) }, arts, vectors), arts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
