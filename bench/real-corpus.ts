/**
 * Real-derived benchmark inputs, built at run time from the third-party articles in `<repo>/../shared/data`
 * (never copied into the repo; when that folder is absent every entry point says so in one line and the
 * benchmarks skip). Deterministic: every random choice comes from a PRNG seeded by a string (xorshift-style
 * mixer over FNV-1a), so the same arguments give the same bytes.
 *
 * Sources: clustering/ecbplus.dev.articles.jsonl (772 articles, gold.story = the event), quotes/polnear.train
 * and polnear.dev (840 + 84 political articles, with outlet and date), paraphrase/mrpc.train.pairs.jsonl
 * (positive pairs: two outlets' sentences that annotators judged paraphrases).
 *
 * The light rewrite (both uses): the text is split into paragraphs (blank lines) and sentences (a plain
 * punctuation splitter that knows common abbreviations and initials); each sentence but the first is dropped
 * with probability 0.15; one adjacent pair of sentences within a paragraph is swapped; the outlet is one of 50
 * fictional names (OUTLETS); the date is the source's date (ECB+ articles without one take the earliest date of
 * their gold story, else a fixed per-story day in 2026) plus 30 minutes to 12 hours.
 *
 * (a) `realCorpus(n)`: an ingest corpus of n articles (default 20,000, ~64 MB of JSONL). The sources are shuffled
 * (seeded); each gets 1–23 light rewrites (uniform, mean 12; if n exceeds what one pass gives, further passes
 * add copies to the same sources), published in time order across the corpus. A source's copies go to distinct
 * outlets (its first 50; beyond that a copy whose text and outlet repeat an earlier one is drawn again, then
 * given word-level variants), so no copy is a store duplicate. Ids are `<event>~<source id>~<k>`: `<event>` is
 * `ecb<gold story>` for ECB+ (articles of one gold story are retellings of one event), `pol<i>` for PolNeAr;
 * `truthOf(id)` gives both labels for B³.
 *
 * (b) `realStory(size)`: one big story of `size` articles (10, 100, 1,000, 3,000 in the benchmark) about one
 * real event: the largest ECB+ gold story (22 articles by different outlets — true retellings). Article k is a
 * light rewrite of base k mod 22 (so the story keeps every real retelling, and a 10-article story is ten
 * different real articles), plus sentence-level true paraphrases: 8 + ⌈size/8⌉ positive MRPC pairs are drawn
 * (seeded) and every article gets two of them inserted at random sentence boundaries after the lede, the
 * pair's `a` and `b` alternating by use (first use `a`, next `b`, …), so each pair that is used twice is a real
 * paraphrase between two articles; and three articles in ten get 1–3 sentences rewritten with word-level
 * variants (SYNONYMS, each applicable word swapped with probability 0.7; numbers and names untouched). Outlets
 * from the same 50, dates spread over 48 hours after the story's date. Ids `story<size>-<k>~<base id>`.
 *
 * CLI (writes JSONL to stdout or --out; exit 0 with one line on stderr when ../shared/data is absent):
 *   node --import tsx bench/real-corpus.ts corpus [N] [--out FILE]
 *   node --import tsx bench/real-corpus.ts story SIZE [--out FILE]
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Article } from '../src/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `<repo>/../shared/data`. */
export const sharedDataDir = resolve(root, '..', 'shared', 'data');

const ARTICLE_FILES = ['clustering/ecbplus.dev.articles.jsonl', 'quotes/polnear.train.articles.jsonl', 'quotes/polnear.dev.articles.jsonl'] as const;
const MRPC_FILE = 'paraphrase/mrpc.train.pairs.jsonl';

/** null when every input is present, else a one-line reason to skip. */
export function realDataMissing(dir: string = sharedDataDir): string | null {
  const missing = [...ARTICLE_FILES, MRPC_FILE].filter((f) => !existsSync(join(dir, f)));
  return missing.length === 0 ? null : `${dir} not found or incomplete (missing ${missing.join(', ')})`;
}

/** 50 fictional outlets. */
export const OUTLETS: readonly string[] = [
  'The Harbor Ledger', 'Northfield Courier', 'Daily Meridian', 'The Granite Post', 'Riverbend Gazette', 'Coastline Herald',
  'The Evening Lantern', 'Pinecrest Times', 'Metro Dispatch', 'The Valley Sentinel', 'Summit Observer', 'Lakeshore Tribune',
  'The Prairie Record', 'Ironbridge News', 'Westgate Chronicle', 'The Copper Journal', 'Bayside Bulletin', 'Highland Reporter',
  'The Morning Beacon', 'Eastport Register', 'Cedar County Press', 'The Open Wire', 'Silverlake Standard', 'Capital Monitor',
  'The Northern Star Daily', 'Greystone Review', 'Harborview Examiner', 'The Civic Gazette', 'Redwood Telegraph', 'Union Square Times',
  'The Atlas Report', 'Brookside Messenger', 'Seaboard News Service', 'The Plainsman', 'Oakridge Sun', 'Midland Express',
  'The Kestrel', 'Fairhaven Advocate', 'Stonebridge Daily', 'The Twin Rivers Press', 'Wavecrest Online', 'Old Mill Journal',
  'The Frontier Wire', 'Maple Hill Post', 'Southbank Herald', 'The Lighthouse', 'Crossroads Weekly', 'Bellmont Star',
  'The Ridge Line', 'Ashford Sentinel',
];

/** Word-level variants a desk would make (lower-case words; "According" at a sentence start). */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  said: ['stated', 'told reporters'], says: ['states'], told: ['informed'], announced: ['declared', 'revealed'],
  reported: ['said'], officials: ['authorities'], police: ['law enforcement officers'], people: ['individuals', 'persons'],
  killed: ['left dead'], injured: ['hurt', 'wounded'], fire: ['blaze'], building: ['structure'], home: ['house'],
  homes: ['houses'], attack: ['assault'], arrested: ['detained', 'taken into custody'], suspect: ['alleged perpetrator'],
  investigation: ['inquiry', 'probe'], began: ['started'], started: ['began'], ended: ['finished'], large: ['big'],
  small: ['little'], many: ['numerous'], several: ['a number of'], about: ['around', 'roughly'], before: ['prior to'],
  after: ['following'], because: ['since'], however: ['but'], also: ['additionally'], help: ['assist'],
  believe: ['think'], believed: ['thought'], called: ['described'], damage: ['harm'], damaged: ['harmed'],
  destroyed: ['wrecked'], expected: ['anticipated'], important: ['significant'], major: ['significant'],
  leave: ['depart'], left: ['departed'], near: ['close to'], quickly: ['rapidly'], recently: ['lately'],
  show: ['indicate'], showed: ['indicated'], statement: ['release'], support: ['backing'], tried: ['attempted'],
  week: ['seven days'], wanted: ['sought'], According: ['As stated by'], country: ['nation'], company: ['firm'],
  government: ['administration'], leader: ['head'], meeting: ['session'], plan: ['proposal'], decision: ['ruling'],
  went: ['headed'], found: ['discovered'], killing: ['slaying'], died: ['passed away'], hospital: ['medical center'],
};

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

function fnv(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A PRNG in [0, 1) seeded by a string (mulberry32). */
export function seeded(key: string): () => number {
  let a = fnv(key) || 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)]!;

// ---------------------------------------------------------------------------------------------------------
// Reading the sources

interface SourceRecord {
  id: string;
  title: string | null;
  text: string;
  source: string | null;
  url: string | null;
  published: string | null;
  gold?: { story?: string };
}

/** A source article with the event it reports and the date its copies are published after (ms). */
export interface RealSource {
  article: Article;
  /** `ecb<gold story>` or `pol<i>`. */
  event: string;
  date: number;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function toArticle(r: SourceRecord, origin: string): Article {
  return { id: r.id, title: r.title, text: r.text, source: r.source, url: r.url, published: r.published, language: 'en', byline: null, origin };
}

const dayMs = 86_400_000;

/** Every source article of the three files, in file order (ECB+ first). */
export function loadRealSources(dir: string = sharedDataDir): RealSource[] {
  const out: RealSource[] = [];
  const [ecbFile, ...polFiles] = ARTICLE_FILES;
  const ecb = readJsonl<SourceRecord>(join(dir, ecbFile));
  const storyDate = new Map<string, number>();
  for (const r of ecb) {
    const story = r.gold?.story ?? r.id;
    const t = r.published ? Date.parse(r.published) : NaN;
    if (!Number.isNaN(t) && t < (storyDate.get(story) ?? Infinity)) storyDate.set(story, t);
  }
  const stories = [...new Set(ecb.map((r) => r.gold?.story ?? r.id))];
  for (const r of ecb) {
    const story = r.gold?.story ?? r.id;
    const own = r.published ? Date.parse(r.published) : NaN;
    const date = !Number.isNaN(own) ? own : (storyDate.get(story) ?? Date.UTC(2026, 0, 1) + stories.indexOf(story) * 5 * dayMs);
    out.push({ article: toArticle(r, `${ecbFile}#${r.id}`), event: `ecb${story}`, date });
  }
  let i = 0;
  for (const file of polFiles) {
    for (const r of readJsonl<SourceRecord>(join(dir, file))) {
      const own = r.published ? Date.parse(r.published) : NaN;
      out.push({ article: toArticle(r, `${file}#${r.id}`), event: `pol${i++}`, date: Number.isNaN(own) ? Date.UTC(2016, 0, 1) : own });
    }
  }
  return out;
}

/** The positive MRPC pairs, in file order. */
export function loadParaphrasePairs(dir: string = sharedDataDir): { a: string; b: string }[] {
  return readJsonl<{ a: string; b: string; label: number }>(join(dir, MRPC_FILE))
    .filter((p) => p.label === 1)
    .map(({ a, b }) => ({ a: a.trim(), b: b.trim() }));
}

// ---------------------------------------------------------------------------------------------------------
// Text surgery

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen rep gov gen lt col sgt capt cmdr adm jr sr prof rev hon inc co corp ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd u.s u.k u.n a.m p.m'.split(' '),
);

/** Splits a paragraph into sentences (punctuation + space + capital/quote/digit; not after abbreviations or initials). */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const boundary = /[.!?]["”’')\]]*\s+(?=["“‘(\[]?[A-Z0-9])/g;
  let start = 0;
  for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
    const before = paragraph.slice(start, m.index);
    const lastWord = (/([A-Za-z.]+)$/.exec(before)?.[1] ?? '').toLowerCase();
    if (paragraph[m.index] === '.' && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord) || /^([a-z]\.)+[a-z]$/.test(lastWord))) continue;
    const end = m.index + m[0].trimEnd().length;
    out.push(paragraph.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Paragraphs of sentences. */
function structure(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => splitSentences(p.replace(/\s+/g, ' ').trim()))
    .filter((p) => p.length > 0);
}

function join2(paragraphs: readonly (readonly string[])[]): string {
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => p.join(' '))
    .join('\n\n');
}

/** Drops each sentence but the first with probability `drop` (keeps at least two when there are), swaps one adjacent pair. */
function lightRewrite(text: string, rand: () => number, drop = 0.15): string[][] {
  const paragraphs = structure(text);
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  let kept = total;
  let first = true;
  const out = paragraphs.map((p) =>
    p.filter(() => {
      if (first) {
        first = false;
        return true;
      }
      if (kept > 2 && rand() < drop) {
        kept--;
        return false;
      }
      return true;
    }),
  );
  // One adjacent pair within a paragraph (not the lede's position 0 of paragraph 0), chosen uniformly.
  const slots: [number, number][] = [];
  out.forEach((p, i) => {
    for (let j = i === 0 ? 1 : 0; j + 1 < p.length; j++) slots.push([i, j]);
  });
  if (slots.length > 0) {
    const [i, j] = pick(slots, rand);
    const p = out[i]!;
    [p[j], p[j + 1]] = [p[j + 1]!, p[j]!];
  }
  return out.filter((p) => p.length > 0);
}

/** A word's variants: lower-case words only (capitalised ones are mostly names), plus sentence-initial "According". */
function variantsOf(word: string): readonly string[] | undefined {
  return (word === 'According' || /^[a-z]+$/.test(word)) && Object.hasOwn(SYNONYMS, word) ? SYNONYMS[word] : undefined;
}

/** Swaps words for variants, each applicable one with probability `p`. */
function wordVariants(sentence: string, rand: () => number, p = 0.7): string {
  return sentence.replace(/\b[A-Za-z]+\b/g, (w) => {
    const options = variantsOf(w);
    return options && rand() < p ? pick(options, rand) : w;
  });
}

function hasVariant(sentence: string): boolean {
  return (sentence.match(/\b[A-Za-z]+\b/g) ?? []).some((w) => variantsOf(w) !== undefined);
}

/** Rewrites up to `count` sentences (not the lede when others qualify) with word-level variants, in place. */
function applyVariants(paragraphs: string[][], count: number, rand: () => number): void {
  const candidates: [number, number][] = [];
  paragraphs.forEach((p, i) => p.forEach((s, j) => (hasVariant(s) && (i > 0 || j > 0) ? candidates.push([i, j]) : undefined)));
  if (candidates.length === 0 && paragraphs[0]?.[0] && hasVariant(paragraphs[0][0])) candidates.push([0, 0]);
  for (const [i, j] of shuffle(candidates, rand).slice(0, count)) {
    const p = paragraphs[i]!;
    p[j] = wordVariants(p[j]!, rand);
  }
}

function iso(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

// ---------------------------------------------------------------------------------------------------------
// (a) The ingest corpus

/** The labels an id of `realCorpus` carries: the source article and the event (ECB+ gold story). */
export function truthOf(id: string): { source: string; event: string } {
  const first = id.indexOf('~');
  const last = id.lastIndexOf('~');
  return { event: id.slice(0, first), source: id.slice(first + 1, last) };
}

/** `n` light rewrites of the real sources, in publication order (see the header). */
export function* realCorpus(n = 20_000, sources: readonly RealSource[] = loadRealSources(), seed = 'real-corpus-v1'): Generator<Article> {
  if (sources.length === 0 || n <= 0) return;
  const rand = seeded(`${seed}:plan`);
  const order = shuffle([...sources.keys()], rand);
  const size = order.map(() => 1 + Math.floor(rand() * 23));
  const copies = new Array<number>(sources.length).fill(0);
  let planned = 0;
  while (planned < n) {
    for (let i = 0; i < order.length && planned < n; i++) {
      const add = Math.min(size[i]!, n - planned);
      copies[order[i]!]! += add;
      planned += add;
    }
  }
  // Schedule: every copy's time (source date + 30 min … 12 h), sorted; texts are made in that order.
  const schedule: { src: number; k: number; at: number }[] = [];
  copies.forEach((count, src) => {
    const r = seeded(`${seed}:times:${src}`);
    const base = sources[src]!.date;
    const times = Array.from({ length: count }, () => base + 30 * 60_000 + r() * 11.5 * 3_600_000).sort((x, y) => x - y);
    times.forEach((at, k) => schedule.push({ src, k, at }));
  });
  schedule.sort((x, y) => x.at - y.at || x.src - y.src || x.k - y.k);
  const seen = new Map<number, Set<string>>();
  const outletOrder = new Map<number, string[]>();
  for (const { src, k, at } of schedule) {
    const { article, event } = sources[src]!;
    let outlets = outletOrder.get(src);
    if (!outlets) outletOrder.set(src, (outlets = shuffle([...OUTLETS], seeded(`${seed}:outlets:${src}`))));
    const outlet = outlets[k % outlets.length]!;
    let texts = seen.get(src);
    if (!texts) seen.set(src, (texts = new Set()));
    let text = '';
    for (let attempt = 0; ; attempt++) {
      const r = seeded(`${seed}:text:${src}:${k}:${attempt}`);
      const paragraphs = lightRewrite(article.text, r);
      if (attempt >= 6) applyVariants(paragraphs, attempt - 5, r);
      text = join2(paragraphs);
      const key = `${outlet}\u0000${fnv(text)}:${text.length}`;
      if (!texts.has(key) || attempt >= 12) {
        texts.add(key);
        break;
      }
    }
    yield {
      id: `${event}~${article.id}~${k}`,
      title: article.title,
      text,
      source: outlet,
      url: null,
      published: iso(at),
      language: 'en',
      byline: null,
      origin: `real-corpus:${article.id}:${k}`,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// (b) One big story

/** The largest ECB+ gold story (ties: the first in file order): its articles, in file order. */
export function largestEcbStory(sources: readonly RealSource[]): RealSource[] {
  const byEvent = new Map<string, RealSource[]>();
  for (const s of sources) if (s.event.startsWith('ecb')) byEvent.set(s.event, [...(byEvent.get(s.event) ?? []), s]);
  let best: RealSource[] = [];
  for (const members of byEvent.values()) if (members.length > best.length) best = members;
  return best;
}

/** A story of `size` real-derived articles about one event, with true paraphrases (see the header). */
export function realStory(
  size: number,
  bases: readonly RealSource[] = largestEcbStory(loadRealSources()),
  pairs: readonly { a: string; b: string }[] = loadParaphrasePairs(),
  seed = 'real-story-v1',
): Article[] {
  if (bases.length === 0) return [];
  const chosen = shuffle([...pairs.keys()], seeded(`${seed}:pairs`)).slice(0, Math.min(pairs.length, 8 + Math.ceil(size / 8)));
  const uses = new Map<number, number>();
  const start = Math.min(...bases.map((b) => b.date)) + 30 * 60_000;
  const out: Article[] = [];
  for (let k = 0; k < size; k++) {
    const base = bases[k % bases.length]!;
    const rand = seeded(`${seed}:${k}`);
    const paragraphs = lightRewrite(base.article.text, rand);
    if (rand() < 0.3) applyVariants(paragraphs, 1 + Math.floor(rand() * 3), rand);
    // Two MRPC sentences, a/b alternating per pair, each at a boundary after the lede.
    const picked = new Set<number>();
    while (picked.size < Math.min(2, chosen.length)) picked.add(chosen[Math.floor(rand() * chosen.length)]!);
    for (const p of picked) {
      const n = uses.get(p) ?? 0;
      uses.set(p, n + 1);
      const sentence = n % 2 === 0 ? pairs[p]!.a : pairs[p]!.b;
      const slots: [number, number][] = [];
      paragraphs.forEach((para, i) => {
        for (let j = i === 0 ? 1 : 0; j <= para.length; j++) slots.push([i, j]);
      });
      const [i, j] = slots.length > 0 ? pick(slots, rand) : [paragraphs.length - 1, paragraphs[paragraphs.length - 1]?.length ?? 0];
      paragraphs[i]?.splice(j, 0, sentence);
    }
    const at = start + (k / Math.max(1, size)) * 48 * 3_600_000 + rand() * 20 * 60_000;
    out.push({
      id: `story${size}-${k}~${base.article.id}`,
      title: base.article.title,
      text: join2(paragraphs),
      source: pick(OUTLETS, rand),
      url: null,
      published: iso(at),
      language: 'en',
      byline: null,
      origin: `real-story:${size}:${k}`,
    });
  }
  return out;
}

/** The JSONL line the benchmarks write for an article (the input format's fields). */
export function jsonlLine(a: Article): string {
  return `${JSON.stringify({ id: a.id, title: a.title, text: a.text, source: a.source, published: a.published })}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// CLI

async function main(argv: string[]): Promise<number> {
  const missing = realDataMissing();
  if (missing) {
    process.stderr.write(`real-corpus: ${missing}; nothing generated (skipped)\n`);
    return 0;
  }
  const [mode, count] = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out');
  const outAt = argv.indexOf('--out');
  const outPath = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (mode !== 'corpus' && mode !== 'story') {
    process.stderr.write('usage: real-corpus.ts corpus [N] [--out FILE] | story SIZE [--out FILE]\n');
    return 2;
  }
  const n = Number(count ?? (mode === 'corpus' ? 20_000 : 100));
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`real-corpus: bad size '${count}'\n`);
    return 2;
  }
  const out = outPath ? createWriteStream(outPath) : process.stdout;
  const articles: Iterable<Article> = mode === 'corpus' ? realCorpus(n) : realStory(n);
  for (const a of articles) if (!out.write(jsonlLine(a))) await new Promise<void>((r) => out.once('drain', () => r()));
  if (outPath) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
