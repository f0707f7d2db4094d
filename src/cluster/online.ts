/**
 * Online story assignment: one article at a time, the same pairwise decision as the batch `cluster`
 * (a link probability between two articles, average link against a story, then the small-group rescue),
 * with candidate retrieval from an in-memory index instead of the full matrix.
 *
 * For an arriving article x:
 *  1. candidates: the articles sharing a candidate key with x (MinHash-LSH band keys: near-duplicates and
 *     rewrites; the highest-weighted terms and names: same event, other words), newest first, at most
 *     `postingsPerKey` per key; their live stories, ranked by how many keys they share, best `maxStories`;
 *     stories gone cold (newest article more than `windowDays` before x, both dates known) are skipped;
 *  2. for each candidate story, the average link of x with its `sampleMembers` newest members;
 *  3. the best story at average ≥ threshold is joined; else the best story of more than `rescueMaxSize`
 *     articles at average ≥ rescueThreshold (the batch rescue); else x founds a new story;
 *  4. any other candidate story that x also links to at ≥ threshold, and whose own average link with the
 *     joined story (sampled both sides) reaches the threshold, is merged into the joined story — the older
 *     story keeps its id (ids never change for the articles of the surviving story); the merge is returned
 *     so the caller records it.
 * Story ids: `s-` + the content hash the caller gives for the founding article (as in batch mode).
 * Deterministic: ties broken by story creation order; no clocks, no random numbers.
 */
import { Postings } from './postings.js';

/** What the clusterer needs to know about the article signatures it handles. */
export interface OnlineModel<S> {
  /** Candidate keys of an article (32-bit): LSH band keys and its most informative terms. */
  candidateKeys(signature: S): readonly number[];
  /** Probability that two articles belong to one story, under the current corpus statistics. */
  link(a: S, b: S): number;
  /** Adds an article to the running corpus statistics (document frequencies). */
  observe(signature: S): void;
  threshold: number;
  rescueThreshold: number;
  rescueMaxSize: number;
}

export interface OnlineOptions {
  postingsPerKey: number;
  maxStories: number;
  sampleMembers: number;
  /** Days after which a story without new articles takes no more (when both dates are known). */
  windowDays: number;
}

export const ONLINE_DEFAULTS: OnlineOptions = { postingsPerKey: 48, maxStories: 12, sampleMembers: 12, windowDays: 7 };

export interface OnlineArticle<S> {
  /** Dense ingest number (0, 1, 2, …): the clusterer's index into its arrays. */
  seq: number;
  signature: S;
  /** Publication time in ms since the epoch, or NaN when unknown. */
  published: number;
  /** Content hash of the article, for the id of a story it founds. */
  hash: string;
}

export interface Placement {
  story: string;
  created: boolean;
  /** Stories merged into `story` because of this article (their ids now point to `story`). */
  merged: string[];
  /** The average link that decided it (0 for a new story). */
  score: number;
}

interface StoryState {
  id: string;
  /** Member seqs in arrival order. */
  members: number[];
  newest: number;
  /** Index of the story it was merged into, or -1. */
  mergedInto: number;
}


export class OnlineClusterer<S> {
  private readonly postings = new Postings(1 << 14, 1 << 16);
  private readonly stories: StoryState[] = [];
  private readonly storyIndex = new Map<string, number>();
  private storyOfSeq = new Int32Array(1024).fill(-1);
  private readonly options: OnlineOptions;

  constructor(
    private readonly model: OnlineModel<S>,
    /** The signature of an earlier article (from a cache or the store). */
    private readonly signatureOf: (seq: number) => S,
    options: Partial<OnlineOptions> = {},
  ) {
    this.options = { ...ONLINE_DEFAULTS, ...options };
  }

  /** Places one article and indexes it. */
  place(article: OnlineArticle<S>): Placement {
    this.model.observe(article.signature);
    const keys = this.model.candidateKeys(article.signature);
    const ranked = this.candidateStories(keys, article.published);
    const scored = ranked.map((k) => ({ k, score: this.averageLink(article.signature, this.stories[k]!) }));
    // Best first; ties: the older story.
    scored.sort((a, b) => b.score - a.score || a.k - b.k);
    const { threshold, rescueThreshold, rescueMaxSize } = this.model;
    let chosen = scored.find((s) => s.score >= threshold);
    if (!chosen) chosen = scored.find((s) => this.stories[s.k]!.members.length > rescueMaxSize && s.score >= rescueThreshold);
    let placement: Placement;
    if (!chosen) {
      const k = this.stories.length;
      const id = `s-${article.hash}`;
      this.stories.push({ id, members: [], newest: NaN, mergedInto: -1 });
      this.storyIndex.set(id, k);
      this.join(k, article);
      placement = { story: id, created: true, merged: [], score: 0 };
    } else {
      this.join(chosen.k, article);
      placement = { story: this.stories[chosen.k]!.id, created: false, merged: [], score: chosen.score };
      for (const other of scored) {
        if (other.k === chosen.k || other.score < threshold) continue;
        const survivor = this.live(chosen.k);
        const absorbed = this.live(other.k);
        if (survivor === absorbed) continue;
        if (this.storyLink(survivor, absorbed) < threshold) continue;
        const [keep, drop] = survivor < absorbed ? [survivor, absorbed] : [absorbed, survivor];
        this.merge(drop, keep);
        placement.story = this.stories[keep]!.id;
        placement.merged.push(this.stories[drop]!.id);
      }
    }
    for (const key of keys) this.postings.add(key, article.seq);
    return placement;
  }

  /** The live story id of an id (follows merges), or undefined. */
  resolve(id: string): string | undefined {
    const k = this.storyIndex.get(id);
    return k === undefined ? undefined : this.stories[this.live(k)]!.id;
  }

  /** Live stories and their member seqs, in creation order. */
  *liveStories(): Generator<{ id: string; members: readonly number[] }> {
    for (const s of this.stories) if (s.mergedInto < 0) yield { id: s.id, members: s.members };
  }

  /** Bytes of the in-memory index (postings + per-article story numbers), for the memory benchmark. */
  get indexBytes(): number {
    return this.postings.bytes + this.storyOfSeq.byteLength;
  }

  private candidateStories(keys: readonly number[], published: number): number[] {
    const hits = new Map<number, number>();
    const { postingsPerKey, maxStories, windowDays } = this.options;
    const window = windowDays * 86_400_000;
    for (const key of keys) {
      const seen = new Set<number>();
      let n = 0;
      this.postings.forEach(key, (seq) => {
        const k = this.live(this.storyOfSeq[seq]!);
        if (!seen.has(k)) {
          seen.add(k);
          hits.set(k, (hits.get(k) ?? 0) + 1);
        }
        return ++n < postingsPerKey;
      });
    }
    return [...hits]
      .filter(([k]) => {
        const newest = this.stories[k]!.newest;
        return !(Number.isFinite(published) && Number.isFinite(newest) && published - newest > window);
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, maxStories)
      .map(([k]) => k);
  }

  private sample(story: StoryState): number[] {
    const m = story.members;
    return m.length <= this.options.sampleMembers ? m : m.slice(m.length - this.options.sampleMembers);
  }

  private averageLink(signature: S, story: StoryState): number {
    const members = this.sample(story);
    let sum = 0;
    for (const seq of members) sum += this.model.link(signature, this.signatureOf(seq));
    return members.length === 0 ? 0 : sum / members.length;
  }

  private storyLink(a: number, b: number): number {
    const ma = this.sample(this.stories[a]!);
    const mb = this.sample(this.stories[b]!);
    let sum = 0;
    for (const x of ma) {
      const sx = this.signatureOf(x);
      for (const y of mb) sum += this.model.link(sx, this.signatureOf(y));
    }
    return sum / (ma.length * mb.length);
  }

  private join(k: number, article: OnlineArticle<S>): void {
    const story = this.stories[k]!;
    story.members.push(article.seq);
    if (Number.isFinite(article.published) && !(article.published <= story.newest)) story.newest = article.published;
    this.ensureSeq(article.seq);
    this.storyOfSeq[article.seq] = k;
  }

  private merge(drop: number, keep: number): void {
    const from = this.stories[drop]!;
    const into = this.stories[keep]!;
    into.members = [...into.members, ...from.members].sort((x, y) => x - y);
    if (Number.isFinite(from.newest) && !(from.newest <= into.newest)) into.newest = from.newest;
    from.mergedInto = keep;
    from.members = [];
  }

  /** Follows merges (with path compression). */
  private live(k: number): number {
    let root = k;
    while (this.stories[root]!.mergedInto >= 0) root = this.stories[root]!.mergedInto;
    while (this.stories[k]!.mergedInto >= 0 && this.stories[k]!.mergedInto !== root) {
      const next = this.stories[k]!.mergedInto;
      this.stories[k]!.mergedInto = root;
      k = next;
    }
    return root;
  }

  private ensureSeq(seq: number): void {
    if (seq < this.storyOfSeq.length) return;
    let size = this.storyOfSeq.length;
    while (size <= seq) size *= 2;
    const grown = new Int32Array(size).fill(-1);
    grown.set(this.storyOfSeq);
    this.storyOfSeq = grown;
  }
}
