/**
 * Corpus ingest: inputs → store, each new article placed in its story the moment it is read.
 *
 * Per article: content hash and story signature (no full analysis: fast; computed in a worker thread ahead
 * of the store writes when reading files, ./prepare-thread.ts), `putArticle` (the same content twice is a
 * duplicate, the same id with other content a conflict — both reported, nothing overwritten), then online
 * placement (src/cluster/online.ts) and the store's record of it (created / joined / merged).
 * Articles are written in batches, one transaction each, together with their story changes and the list
 * of stories still to be reviewed (meta `pending-stories`): a process killed at any moment leaves whole
 * batches or nothing, and running the same ingest again skips what is stored and finishes the rest.
 * Every changed story gets the batch's second look (`recluster`, neighbourhood by neighbourhood), which
 * undoes the order effects of one-at-a-time placement: as soon as it has gone quiet (no article for
 * QUIET_BATCHES batches, once the corpus is large enough for stable document frequencies), else at the end of
 * the run. Merges, splits and moves are recorded in the store's story log.
 */
import type { Article, InputProblem } from '../types.js';
import { readInputs } from '../ingest/index.js';
import { problem } from '../ingest/problem.js';
import type { Regrouping } from '../cluster/online.js';
import { StoreError, type Store } from '../store/index.js';
import { isPrepared, prepareInline, type PreparedArticle, type PreparedItem } from './prepare.js';
import { prepareInWorker } from './prepare-thread.js';
import { publishedTime, StoreClusterer } from './clusterer.js';

export interface IngestOptions extends IngestRunOptions {
  stdin?: NodeJS.ReadableStream;
  /** Articles per transaction. */
  batchSize?: number;
  /** Most articles one review looks at together (default RECLUSTER_LIMIT). */
  reclusterLimit?: number;
  /** Articles stored before quiet stories are reviewed during the run (default 10,000; see REVIEW_EARLY_AFTER). */
  reviewEarlyAfter?: number;
  /** Read and prepare files in a worker thread (default true). */
  threads?: boolean;
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
/**
 * A pending story is reviewed once this many batches have passed without an article joining it (or at the end
 * of the run): late enough that its burst of articles is in, early enough that their signatures are cached.
 */
const QUIET_BATCHES = 2;
/**
 * Quiet stories are reviewed before the end of the run only once the store holds this many articles: on a
 * smaller corpus the document frequencies are still young (a review with them regroups worse than the final
 * one: ECB+ through ingest in file order, B³ F1 0.941 instead of 0.961), and the end-of-run review is cheap.
 */
const REVIEW_EARLY_AFTER = 10_000;
/**
 * Most articles one review regroups (its neighbourhood is cut there, breadth first; a story bigger than this is not
 * reviewed). Reviews work on copy groups (src/cluster/review.ts), so the cost of one grows with its distinct texts:
 * 1,000 would halve the link pairs of the real-derived corpus (446,000 instead of 875,000 over 20,000 articles, B³
 * the same) but leave stories of 1,000–2,000 articles unreviewed.
 */
const RECLUSTER_LIMIT = 2000;
/** Meta key: batches that stored at least one article, over the store's life. */
const BATCHES = 'ingest-batches';
/** Meta key: articles stored by ingests so far (with this one's batches), to notice another process's ingest. */
const STORED = 'ingest-stored';
/**
 * Meta key: how many stored articles the last completed run weighed again with its final document frequencies
 * (its end-of-run reweigh). A session rebuilding its index weighs those the same way (StoreClusterer.restore), so it
 * places the next articles as a session that kept its index would.
 */
const WEIGHED = 'ingest-weighed';

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
  /** Called once when the run waits for another ingester's placement lock (`Store.tryLockPlacement`). */
  onWaitForPlacement?: () => void;
}

/** How often a run waiting for the placement lock asks again. */
const PLACEMENT_POLL_MS = 250;

/**
 * The store's placement lock, waiting while another ingester holds it (a store busy with another writer is asked
 * again too). The release it returns never throws: a lock it could not release is left behind for the next holder
 * to take over (`Store.tryLockPlacement`), never in place of the run's own outcome.
 */
async function placementLock(store: Store, onWait?: () => void): Promise<() => void> {
  for (let waited = false; ; waited = true) {
    let release: (() => void) | null = null;
    try {
      release = store.tryLockPlacement();
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'busy')) throw error;
    }
    if (release) {
      const taken = release;
      return () => {
        try {
          taken();
        } catch {
          // left behind: see above
        }
      };
    }
    if (!waited) onWait?.();
    await new Promise((resolve) => setTimeout(resolve, PLACEMENT_POLL_MS));
  }
}

/** Reads `paths` (files, folders, `-` for stdin) and ingests every article in them: see `CorpusIngester`. */
export async function ingestCorpus(paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  return new CorpusIngester(store, options).ingestPaths(paths, options);
}

/**
 * An ingest session on one store: the story index is built from the store once (on the first run) and kept
 * for the next runs, so a long-lived process (the server) places each posted article without rebuilding it.
 * If another process ingested into the store in between, the index is rebuilt from the store.
 * Runs must not overlap (the caller awaits one before starting the next). Each run holds the store's placement lock
 * (`Store.tryLockPlacement`), waiting while another ingester (another process) holds it: one placement lane.
 */
export class CorpusIngester {
  private clusterer: StoreClusterer | null = null;
  /** The `ingest-stored` meta value this session last wrote or read. */
  private stored: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly settings: Pick<IngestOptions, 'batchSize' | 'reclusterLimit' | 'reviewEarlyAfter'> = {},
  ) {}

  /** Ingests articles given in memory (preparing each in this thread). */
  async ingest(items: AsyncIterable<Article | InputProblem>, options: IngestRunOptions = {}): Promise<IngestSummary> {
    return this.run(prepareInline(items, this.batchSize), options);
  }

  /**
   * Ingests the articles of `paths` (files, folders, `-` for stdin). Files are read and prepared in a worker
   * thread ahead of the store writes (unless `threads` is false, or stdin is among the inputs).
   */
  async ingestPaths(paths: string[], options: IngestRunOptions & Pick<IngestOptions, 'stdin' | 'threads'> = {}): Promise<IngestSummary> {
    const inline = options.threads === false || paths.includes('-');
    const batches = inline ? prepareInline(readInputs(paths, options.stdin ? { stdin: options.stdin } : {}), this.batchSize) : prepareInWorker(paths, this.batchSize);
    return this.run(batches, options);
  }

  /**
   * Bytes of the session's index in typed arrays (candidate postings and per-article numbers; document
   * frequencies), and the number of signatures cached (bounded), for the memory benchmark. Zeros before a run.
   */
  memory(): { indexBytes: number; frequencyBytes: number; cachedSignatures: number } {
    const c = this.clusterer;
    return c ? { indexBytes: c.online.indexBytes, frequencyBytes: c.model.frequencies.bytes, cachedSignatures: c.cachedSignatures } : { indexBytes: 0, frequencyBytes: 0, cachedSignatures: 0 };
  }

  private get batchSize(): number {
    return this.settings.batchSize ?? 500;
  }

  private async run(batches: AsyncIterable<PreparedItem[]>, options: IngestRunOptions): Promise<IngestSummary> {
    const release = await placementLock(this.store, options.onWaitForPlacement);
    try {
      return await this.place(batches, options);
    } finally {
      release();
    }
  }

  private async place(batches: AsyncIterable<PreparedItem[]>, options: IngestRunOptions): Promise<IngestSummary> {
    const store = this.store;
    const batchSize = this.batchSize;
    const summary: IngestSummary = { read: 0, added: 0, duplicates: 0, conflicts: 0, skipped: 0, storiesCreated: 0, merges: 0, splits: 0, moved: 0, storiesChanged: 0, restored: 0 };
    const storedNow = store.getMeta(STORED);
    if (this.clusterer === null || storedNow !== this.stored) {
      this.clusterer = new StoreClusterer(store);
      summary.restored = this.clusterer.restore(Number(store.getMeta(WEIGHED) ?? '0') || 0);
      this.stored = storedNow;
    } else this.clusterer.settle();
    const clusterer = this.clusterer;
    let stored = Number(storedNow ?? '0') || 0;
    // Pending stories (not reviewed since they last changed), each with the batch that last placed an article
    // in it. Batches are counted over the store's life (only batches that stored something count), so a run
    // killed and run again reviews at the same points as one uninterrupted run.
    const pending = readPending(store);
    let batchNo = Number(store.getMeta(BATCHES) ?? '0') || 0;
    const quiet = (id: string): boolean => (pending.get(id) ?? -Infinity) <= batchNo - QUIET_BATCHES;
    const savePending = (): void => store.setMeta(PENDING, JSON.stringify(Object.fromEntries(pending)));
    const changed = new Set<string>();
    let outcomes: IngestedArticle[] = [];

    /** Stores and places one article; returns the story it joined or founded (null: not stored). */
    const placeOne = ({ article, hash, signature, encoded }: PreparedArticle): string | null => {
      const put = store.putArticle(article, encoded, hash);
      outcomes.push({ id: put.id, status: put.status });
      if (put.status === 'duplicate') {
        summary.duplicates++;
        // Stored already under another id (the same text and source is one article): say which, so no article
        // goes missing without a word. The same article again under its own id (a re-run) needs no line.
        if (put.id !== article.id) options.onProblem?.(problem(article.origin, `'${article.id}' has the same text and source as '${put.id}', already stored; not stored again`));
        return null;
      }
      if (put.status === 'conflict') {
        summary.conflicts++;
        options.onProblem?.(problem(article.origin, `id '${article.id}' is already stored with other content; not replaced`));
        return null;
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
      pending.set(placement.story, batchNo);
      changed.add(placement.story);
      return placement.story;
    };

    const flush = (articles: readonly PreparedArticle[]): void => {
      if (articles.length === 0) return;
      const before = stored;
      store.transaction(() => {
        for (const article of articles) placeOne(article);
        if (stored > before) {
          batchNo++;
          savePending();
          store.setMeta(STORED, String(stored));
          store.setMeta(BATCHES, String(batchNo));
        }
      });
      this.stored = String(stored);
      const done = outcomes;
      outcomes = [];
      if (options.onArticle) for (const o of done) options.onArticle(o);
      options.onProgress?.(summary);
    };

    /**
     * The second look at pending stories, neighbourhood by neighbourhood, in creation order (neighbouring
     * stories arrived together, so their signatures are likely still cached). A story reviewed (as itself or as
     * a neighbour) leaves the pending list, unless it is still receiving articles (`final` false and not quiet).
     * The pending list is stored with each transaction: a killed run reviews the rest next time (reviewing is
     * idempotent).
     */
    const review = (due: readonly string[], final: boolean): void => {
      const queue = [...due].sort((a, b) => clusterer.online.creationRank(a) - clusterer.online.creationRank(b) || (a < b ? -1 : a > b ? 1 : 0));
      const done = new Set<string>();
      for (let start = 0; start < queue.length; start += batchSize) {
        store.transaction(() => {
          for (const id of queue.slice(start, start + batchSize)) {
            const live = clusterer.online.resolve(id);
            pending.delete(id);
            if (live === undefined || done.has(live)) continue;
            const change = clusterer.online.recluster([live], this.settings.reclusterLimit ?? RECLUSTER_LIMIT);
            applyRegrouping(store, change, summary);
            for (const s of change.stories) {
              done.add(s);
              if (final || quiet(s)) pending.delete(s);
            }
            // A pending story merged away: its successor is pending instead (with the later touch).
            for (const m of change.merged) {
              const t = pending.get(m.from);
              pending.delete(m.from);
              if (!final && t !== undefined && t > batchNo - QUIET_BATCHES && (pending.get(m.into) ?? -Infinity) < t) pending.set(m.into, t);
            }
            for (const c of change.created) changed.add(c.id);
            for (const m of change.moved) changed.add(m.to);
          }
          savePending();
        });
      }
    };
    const reviewQuiet = (): void => {
      if (stored < (this.settings.reviewEarlyAfter ?? REVIEW_EARLY_AFTER)) return;
      const due = [...pending.keys()].filter(quiet);
      if (due.length > 0) review(due, false);
    };

    try {
      // What an earlier run left due (it was killed before reviewing), before anything new is placed.
      reviewQuiet();
      for await (const items of batches) {
        const articles: PreparedArticle[] = [];
        for (const item of items) {
          if (isPrepared(item)) {
            summary.read++;
            articles.push(item);
          } else {
            if (!item.kept) summary.skipped++;
            options.onProblem?.(item);
          }
        }
        flush(articles);
        // Stories that stopped receiving articles are reviewed now, while their signatures are in the cache.
        reviewQuiet();
      }
      // The rest, with today's IDF.
      clusterer.reweigh();
      review([...pending.keys()], true);
      store.transaction(() => store.setMeta(WEIGHED, String(stored)));
    } catch (error) {
      // A failed transaction is rolled back in the store but may be half-applied in memory: start afresh next time.
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

/** The stored pending list: `{story: batch}` (an older list of ids counts as long quiet). */
function readPending(store: Store): Map<string, number> {
  const pending = new Map<string, number>();
  const raw = store.getMeta(PENDING);
  if (!raw) return pending;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return pending;
  }
  if (Array.isArray(value)) {
    for (const id of value) if (typeof id === 'string') pending.set(id, -1);
  } else if (typeof value === 'object' && value !== null) {
    for (const [id, batch] of Object.entries(value)) pending.set(id, typeof batch === 'number' ? batch : -1);
  }
  return pending;
}
