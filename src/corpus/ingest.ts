/**
 * Corpus ingest: inputs → store, each new article placed in its story the moment it is read.
 *
 * Per article: content hash and story signature (no full analysis: fast), `putArticle` (the same content
 * twice is a duplicate, the same id with other content a conflict — both reported, nothing overwritten),
 * then online placement (src/cluster/online.ts) and the store's record of it (created / joined / merged).
 * Articles are written in batches, one transaction each, together with their story changes and the list
 * of stories still to be reviewed (meta `pending-stories`): a process killed at any moment leaves whole
 * batches or nothing, and running the same ingest again skips what is stored and finishes the rest.
 * At the end of the run the touched stories get the batch's second look (`recluster`, neighbourhood by
 * neighbourhood), which undoes the order effects of one-at-a-time placement; merges, splits and moves are
 * recorded in the store's story log.
 */
import type { Article, InputProblem } from '../types.js';
import { readInputs, isProblem } from '../ingest/index.js';
import { problem } from '../ingest/problem.js';
import { encodeSignature, storySignature } from '../cluster/signature.js';
import type { Regrouping } from '../cluster/online.js';
import { contentHash, type Store } from '../store/index.js';
import { publishedTime, StoreClusterer } from './clusterer.js';

export interface IngestOptions extends IngestRunOptions {
  stdin?: NodeJS.ReadableStream;
  /** Articles per transaction. */
  batchSize?: number;
  /** Most articles one end-of-run regrouping looks at together. */
  reclusterLimit?: number;
}

export interface IngestSummary {
  /** Articles read from the inputs (good ones). */
  read: number;
  added: number;
  duplicates: number;
  conflicts: number;
  /** Bad inputs reported and skipped (files, lines, items). */
  skipped: number;
  storiesCreated: number;
  /** Story merges and splits, and articles moved, by the end-of-run regrouping and at placement. */
  merges: number;
  splits: number;
  moved: number;
  /** Stories whose membership changed in this run. */
  storiesChanged: number;
  /** Articles indexed from the store before the run. */
  restored: number;
}

const PENDING = 'pending-stories';
/** Meta key: articles stored by ingests so far (with this one's batches), to notice another process's ingest. */
const STORED = 'ingest-stored';

/** What happened to one article read by an ingest. */
export interface IngestedArticle {
  /** The id the article is stored under (for a duplicate: the stored twin's id). */
  id: string;
  status: 'new' | 'duplicate' | 'conflict';
}

/** Everything an ingest run can be given besides its articles. */
export interface IngestRunOptions {
  onProblem?: (problem: InputProblem) => void;
  onProgress?: (progress: IngestSummary) => void;
  /** Called once per article read, in input order, after its batch is committed. */
  onArticle?: (article: IngestedArticle) => void;
}

/** Reads `paths` (files, folders, `-` for stdin) and ingests every article in them: see `CorpusIngester`. */
export async function ingestCorpus(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const ingester = new CorpusIngester(store, options);
  return ingester.ingest(readInputs(paths, options.stdin ? { stdin: options.stdin } : {}), options);
}

/**
 * An ingest session on one store: the story index is built from the store once (on the first run) and kept
 * for the next runs, so a long-lived process (the server) places each posted article without rebuilding it.
 * If another process ingested into the store in between, the index is rebuilt from the store.
 * Runs must not overlap (the caller awaits one before starting the next).
 */
export class CorpusIngester {
  private clusterer: StoreClusterer | null = null;
  /** The `ingest-stored` meta value this session last wrote or read. */
  private stored: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly settings: Pick<IngestOptions, 'batchSize' | 'reclusterLimit'> = {},
  ) {}

  async ingest(items: AsyncIterable<Article | InputProblem>, options: IngestRunOptions = {}): Promise<IngestSummary> {
    const store = this.store;
    const batchSize = this.settings.batchSize ?? 500;
    const summary: IngestSummary = { read: 0, added: 0, duplicates: 0, conflicts: 0, skipped: 0, storiesCreated: 0, merges: 0, splits: 0, moved: 0, storiesChanged: 0, restored: 0 };
    if (this.clusterer === null || store.getMeta(STORED) !== this.stored) {
      this.clusterer = new StoreClusterer(store);
      summary.restored = this.clusterer.restore();
      this.stored = store.getMeta(STORED);
    }
    const clusterer = this.clusterer;
    let stored = Number(store.getMeta(STORED) ?? '0') || 0;
    const pending = new Set<string>(readPending(store));
    const changed = new Set<string>();
    let batch: Article[] = [];
    let outcomes: IngestedArticle[] = [];

    const placeOne = (article: Article): void => {
      const hash = contentHash(article);
      const signature = storySignature(article);
      const put = store.putArticle(article, encodeSignature(signature), hash);
      outcomes.push({ id: put.id, status: put.status });
      if (put.status === 'duplicate') {
        summary.duplicates++;
        return;
      }
      if (put.status === 'conflict') {
        summary.conflicts++;
        options.onProblem?.(problem(article.origin, `id '${article.id}' is already stored with other content; not replaced`));
        return;
      }
      summary.added++;
      stored++;
      const weighted = clusterer.model.weigh(signature);
      clusterer.remember(put.seq, weighted);
      const placement = clusterer.online.place({ seq: put.seq, signature: weighted, published: publishedTime(article.published), hash });
      if (placement.created) {
        store.createStory(placement.story, [put.seq]);
        summary.storiesCreated++;
      } else {
        for (const from of placement.merged) {
          store.mergeStories(from, placement.story);
          pending.delete(from);
          changed.delete(from);
          summary.merges++;
        }
        store.assign(put.seq, placement.story);
      }
      pending.add(placement.story);
      changed.add(placement.story);
    };

    const flush = (): void => {
      if (batch.length === 0) return;
      const articles = batch;
      batch = [];
      store.transaction(() => {
        for (const article of articles) placeOne(article);
        store.setMeta(PENDING, JSON.stringify([...pending]));
        store.setMeta(STORED, String(stored));
      });
      this.stored = String(stored);
      const done = outcomes;
      outcomes = [];
      if (options.onArticle) for (const o of done) options.onArticle(o);
      options.onProgress?.(summary);
    };

    try {
      for await (const item of items) {
        if (isProblem(item)) {
          summary.skipped++;
          options.onProblem?.(item);
          continue;
        }
        summary.read++;
        batch.push(item);
        if (batch.length >= batchSize) flush();
      }
      flush();
    } catch (error) {
      // A batch that failed is rolled back in the store but may be half-placed in memory: start afresh next time.
      this.clusterer = null;
      throw error;
    }

    // The second look, neighbourhood by neighbourhood, with today's IDF. The pending list stays stored until
    // all are done (a killed run reviews them again next time: reviewing is idempotent).
    clusterer.reweigh();
    const done = new Set<string>();
    // In creation order: neighbouring stories arrived together, so their signatures are still in the cache.
    const queue = [...pending].sort((a, b) => clusterer.online.creationRank(a) - clusterer.online.creationRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    try {
      for (let start = 0; start < queue.length; start += batchSize) {
        store.transaction(() => {
          for (const id of queue.slice(start, start + batchSize)) {
            const live = clusterer.online.resolve(id);
            if (live === undefined || done.has(live)) continue;
            const change = clusterer.online.recluster([live], this.settings.reclusterLimit ?? 2000);
            applyRegrouping(store, change, summary);
            for (const s of change.stories) done.add(s);
            for (const c of change.created) changed.add(c.id);
            for (const m of change.moved) changed.add(m.to);
          }
        });
      }
      store.setMeta(PENDING, '[]');
    } catch (error) {
      this.clusterer = null;
      throw error;
    }
    summary.storiesChanged = [...changed].filter((id) => clusterer.online.resolve(id) === id).length;
    return summary;
  }
}

function applyRegrouping(store: Store, change: Regrouping, summary: IngestSummary): void {
  for (const c of change.created) {
    store.createStory(c.id, c.members);
    summary.splits++;
  }
  for (const m of change.moved) {
    store.assign(m.seq, m.to);
    summary.moved++;
  }
  for (const m of change.merged) {
    store.mergeStories(m.from, m.into);
    summary.merges++;
  }
}

function readPending(store: Store): string[] {
  const raw = store.getMeta(PENDING);
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
