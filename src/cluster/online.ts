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
 *  3. the best story at average ≥ threshold is joined, else x founds a new story;
 *  4. any other candidate story that x also links to at ≥ threshold, and whose own average link with the
 *     joined story (sampled both sides) reaches the threshold, is merged into the joined story — the older
 *     story keeps its id (ids never change for the articles of the surviving story); the merge is returned
 *     so the caller records it.
 * After a run of placements, `recluster` takes the batch's second look (average link, then the rescue of
 * lone articles) over the changed stories' neighbourhoods, on groups of near-copies (./review.ts), so that its
 * cost grows with the number of distinct texts rather than with the square of a story's size.
 * Story ids: `s-` + the content hash the caller gives for the founding article (as in batch mode).
 * Deterministic: ties broken by story creation order; no clocks, no random numbers.
 */
import { shortHash } from '../text/hash.js';
import { Postings } from './postings.js';
import { copyGroups, REVIEW_DEFAULTS, reviewPartition, type ReviewOptions } from './review.js';

/** What the clusterer needs to know about the article signatures it handles. */
export interface OnlineModel<S> {
  /** Candidate keys of an article (32-bit): LSH band keys and its most informative terms. */
  candidateKeys(signature: S): readonly number[];
  /** Probability that two articles belong to one story, under the current corpus statistics. */
  link(a: S, b: S): number;
  /**
   * `b => link(a, b)`, faster for many b (the model may prepare a once), if the model can. The function is valid
   * until the model's next `linksFrom` call.
   */
  linksFrom?(a: S): (b: S) => number;
  /** Adds an article to the running corpus statistics (document frequencies). */
  observe(signature: S): void;
  threshold: number;
  rescueThreshold: number;
  rescueMaxSize: number;
  /** All pairwise links of a group at once (faster than `link` pair by pair), if the model can. */
  linkMatrix?(signatures: readonly S[]): Float64Array[];
}

/** What a `recluster` changed, for the caller to record in its store. */
export interface Regrouping {
  /** New stories with their members (moved from wherever they were). */
  created: { id: string; members: number[] }[];
  /** Articles that moved into an existing story. */
  moved: { seq: number; to: string }[];
  /** Stories left without members, and the story that took most of them. */
  merged: { from: string; into: string }[];
  /** Articles the batch decision looked at. */
  articles: number;
  /** The live stories of the neighbourhood afterwards. */
  stories: string[];
}

export interface OnlineOptions {
  postingsPerKey: number;
  maxStories: number;
  sampleMembers: number;
  /** Days after which a story without new articles takes no more (when both dates are known). */
  windowDays: number;
  /** Ids used before and not in memory (e.g. merged stories of a store), never to be reused. */
  isTaken?: (id: string) => boolean;
  /**
   * The content hash of an earlier article (for the ids of stories a review splits off). Given, the clusterer
   * keeps no hashes in memory (a store has them); not given, it keeps every article's hash.
   */
  hashOf?: (seq: number) => string;
  /** How `recluster` regroups a neighbourhood (./review.ts). */
  review: ReviewOptions;
}

/** Most story-to-story links remembered, per kind of sample (then the cache starts again). */
const STORY_LINK_CACHE = 100_000;
/** Most stories whose copy groups are remembered (then the cache starts again). */
const COPY_GROUP_CACHE = 20_000;

export const ONLINE_DEFAULTS: OnlineOptions = { postingsPerKey: 48, maxStories: 12, sampleMembers: 12, windowDays: 7, review: REVIEW_DEFAULTS };

export interface OnlineArticle<S> {
  /** Dense ingest number (0, 1, 2, …): the clusterer's index into its arrays. */
  seq: number;
  signature: S;
  /** Publication time in ms since the epoch, or NaN when unknown. */
  published: number;
  /** Content hash of the article, for the id of a story it founds (`restore` does not need it). */
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
  /** Member seqs, ascending (= arrival order). */
  members: number[];
  newest: number;
  /** Index of the story it was merged into, or -1. */
  mergedInto: number;
  /** Bumped whenever `members` changes (keys the cache of story-to-story links). */
  version: number;
}


export class OnlineClusterer<S> {
  private readonly postings = new Postings(1 << 14, 1 << 16);
  private readonly stories: StoryState[] = [];
  private readonly storyIndex = new Map<string, number>();
  private storyOfSeq = new Int32Array(1024).fill(-1);
  /** Articles' hashes, when no `hashOf` was given. */
  private readonly hashOfSeq: string[] | null;
  private publishedOfSeq = new Float64Array(1024).fill(NaN);
  private readonly ids = new Set<string>();
  private readonly options: OnlineOptions;
  /** Scratch of `candidateStories`: per story the number of the last key that hit it, and its hits. */
  private keyStamp = new Int32Array(1024);
  private keyHits = new Int32Array(1024);
  private stampNow = 0;
  private postingBuffer = new Int32Array(64);
  /** Story-to-story links by story pair (both samples), with the story versions they were computed at. */
  private readonly newestLinks = new Map<number, { va: number; vb: number; value: number }>();
  private readonly spreadLinks = new Map<number, { va: number; vb: number; value: number }>();
  /** Copy groups by story, with the story version they were formed at. */
  private readonly copies = new Map<number, { version: number; groups: number[][] }>();

  constructor(
    private readonly model: OnlineModel<S>,
    /** The signature of an earlier article (from a cache or the store). */
    private readonly signatureOf: (seq: number) => S,
    options: Partial<OnlineOptions> = {},
  ) {
    this.options = { ...ONLINE_DEFAULTS, ...options };
    this.hashOfSeq = options.hashOf ? null : [];
  }

  /** Places one article and indexes it. */
  place(article: OnlineArticle<S>): Placement {
    this.model.observe(article.signature);
    const keys = this.model.candidateKeys(article.signature);
    const ranked = this.candidateStories(keys, article.published);
    const linkTo = this.linksFrom(article.signature);
    const scored = ranked.map((k) => ({ k, score: this.averageLink(linkTo, this.stories[k]!, this.model.threshold) }));
    // Best first; ties: the older story.
    scored.sort((a, b) => b.score - a.score || a.k - b.k);
    const { threshold } = this.model;
    const chosen = scored.find((s) => s.score >= threshold);
    let placement: Placement;
    if (!chosen) {
      const k = this.stories.length;
      const id = this.freshId([article.hash]);
      this.addStory(id);
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
        if (this.storyLink(survivor, absorbed, 'newest') < threshold) continue;
        const [keep, drop] = survivor < absorbed ? [survivor, absorbed] : [absorbed, survivor];
        this.merge(drop, keep);
        placement.story = this.stories[keep]!.id;
        placement.merged.push(this.stories[drop]!.id);
      }
    }
    for (const key of keys) this.postings.add(key, article.seq);
    return placement;
  }

  /** Creation rank of a story id (for processing stories in arrival order), or Infinity if unknown. */
  creationRank(id: string): number {
    return this.storyIndex.get(id) ?? Infinity;
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
    const { postingsPerKey, maxStories, windowDays } = this.options;
    const window = windowDays * 86_400_000;
    if (this.keyStamp.length < this.stories.length) {
      let size = this.keyStamp.length;
      while (size < this.stories.length) size *= 2;
      const stamp = new Int32Array(size);
      stamp.set(this.keyStamp);
      this.keyStamp = stamp;
      this.keyHits = new Int32Array(size);
    }
    if (this.postingBuffer.length < postingsPerKey) this.postingBuffer = new Int32Array(postingsPerKey);
    if (this.stampNow > 0x3fffffff) {
      this.keyStamp.fill(0);
      this.stampNow = 0;
    }
    // Per key, each story once (stamped with the key's number); stories in the order first hit.
    const touched: number[] = [];
    const stamp = this.keyStamp;
    const hits = this.keyHits;
    const buffer = this.postingBuffer;
    for (const key of keys) {
      const now = ++this.stampNow;
      const n = this.postings.collect(key, postingsPerKey, buffer);
      for (let i = 0; i < n; i++) {
        const k = this.live(this.storyOfSeq[buffer[i]!]!);
        if (stamp[k] === now) continue;
        stamp[k] = now;
        if (hits[k] === 0) touched.push(k);
        hits[k]!++;
      }
    }
    const ranked = touched
      .filter((k) => {
        const newest = this.stories[k]!.newest;
        return !(Number.isFinite(published) && Number.isFinite(newest) && published - newest > window);
      })
      .map((k) => [k, hits[k]!] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, maxStories)
      .map(([k]) => k);
    for (const k of touched) hits[k] = 0;
    return ranked;
  }

  private sample(story: StoryState): number[] {
    const m = story.members;
    return m.length <= this.options.sampleMembers ? m : m.slice(m.length - this.options.sampleMembers);
  }

  /**
   * The average link of an article with a story's sample. Stops as soon as the average cannot reach `floor` even
   * if every remaining link were 1, returning a lower average (below `floor`; callers only compare such values
   * with `floor`): most candidate stories are other events, and a third of their links is saved.
   */
  private averageLink(linkTo: (b: S) => number, story: StoryState, floor: number): number {
    const members = this.sample(story);
    const n = members.length;
    if (n === 0) return 0;
    // Margin for rounding: stop only when the bound is clearly below.
    const need = floor * n - 1e-9;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += linkTo(this.signatureOf(members[i]!));
      if (sum + (n - 1 - i) < need) return sum / n;
    }
    return sum / n;
  }

  /**
   * The average link of two stories' samples: `sampleMembers` newest of each (placement), or `review.storySample`
   * spread over each (a review's neighbourhood). Remembered until either story changes (or `forgetLinks`):
   * reviews look at the same neighbouring stories again and again.
   */
  private storyLink(a: number, b: number, how: 'newest' | 'spread'): number {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const sa = this.stories[lo]!;
    const sb = this.stories[hi]!;
    // (Story indices stay far below 2^26: the key is exact.)
    const key = lo * 67_108_864 + hi;
    const cache = how === 'newest' ? this.newestLinks : this.spreadLinks;
    const known = cache.get(key);
    if (known && known.va === sa.version && known.vb === sb.version) return known.value;
    const value = how === 'newest' ? this.computeStoryLink(this.sample(sa), this.sample(sb)) : this.computeStoryLink(this.spread(sa), this.spread(sb));
    if (cache.size >= STORY_LINK_CACHE) cache.clear();
    cache.set(key, { va: sa.version, vb: sb.version, value });
    return value;
  }

  /**
   * Forgets the remembered story-to-story links and copy groups (after the articles' weights changed: `reweigh`).
   * Caches only: for stories that did not change they are the same for the same weights.
   */
  forgetLinks(): void {
    this.newestLinks.clear();
    this.spreadLinks.clear();
    this.copies.clear();
  }

  /**
   * The copy groups of a story's members (./review.ts `copyGroups`, member seqs), remembered until the story
   * changes (or `forgetLinks`). Groups never span two stories: copies placed in different stories are separate
   * groups, which the review's average link joins as it joins any two articles.
   */
  private copyGroupsOf(k: number): readonly (readonly number[])[] {
    const story = this.stories[k]!;
    const known = this.copies.get(k);
    if (known && known.version === story.version) return known.groups;
    const members = story.members;
    const groups = copyGroups(
      members.map((seq) => this.signatureOf(seq)),
      this.model,
      this.options.review.copyLink,
    ).map((g) => g.map((i) => members[i]!));
    if (this.copies.size >= COPY_GROUP_CACHE) this.copies.clear();
    this.copies.set(k, { version: story.version, groups });
    return groups;
  }

  /** The links from article a (the model's `linksFrom`, else its `link` pair by pair); valid until the next call. */
  private linksFrom(a: S): (b: S) => number {
    return this.model.linksFrom?.(a) ?? ((b) => this.model.link(a, b));
  }

  /** `review.storySample` members spread evenly over the story (by arrival; the newest is one). */
  private spread(story: StoryState): number[] {
    const m = story.members;
    const k = this.options.review.storySample;
    if (m.length <= k) return m;
    return Array.from({ length: k }, (_, j) => m[Math.floor(((j + 1) * m.length) / k) - 1]!);
  }

  private computeStoryLink(ma: readonly number[], mb: readonly number[]): number {
    let sum = 0;
    for (const x of ma) {
      const linkTo = this.linksFrom(this.signatureOf(x));
      for (const y of mb) sum += linkTo(this.signatureOf(y));
    }
    return sum / (ma.length * mb.length);
  }

  /**
   * The batch decision over a neighbourhood: the stories `storyIds` and, breadth first, the candidate stories
   * their members retrieve whose average link with them (`review.storySample` articles of each) reaches the
   * rescue threshold (up to `maxArticles`) are clustered again as the batch `cluster` would (average link, then
   * the rescue; on copy groups: ./review.ts), and the result is reconciled with the current stories:
   * each new group takes the id of the old story it shares most articles with (one group per old story; ties:
   * the older story), other groups become new stories (a split), and an old story left empty counts as merged
   * into the story that took most of its articles. Undoes the order effects of one-at-a-time placement.
   */
  recluster(storyIds: Iterable<string>, maxArticles: number): Regrouping {
    const start = [...new Set([...storyIds].map((id) => this.storyIndex.get(id)).filter((k): k is number => k !== undefined).map((k) => this.live(k)))].sort((a, b) => a - b);
    const chosen = new Set<number>();
    let total = 0;
    const queue = [...start];
    // Stories in the queue or taken: a story is queued once (a second entry would change nothing).
    const queued = new Set(start);
    const fits = (k: number): boolean => {
      const size = this.stories[k]!.members.length;
      return size > 0 && total + size <= maxArticles;
    };
    // Only stories the decision could join to this one: a shared key alone does not widen the neighbourhood.
    const floor = Math.min(this.model.threshold, this.model.rescueThreshold);
    for (let q = 0; q < queue.length; q++) {
      const k = queue[q]!;
      if (!fits(k)) continue;
      chosen.add(k);
      total += this.stories[k]!.members.length;
      // (A story too big for what is left now never fits later: its link is not computed.)
      for (const o of this.neighbours(k)) {
        if (queued.has(o) || !fits(o) || this.storyLink(k, o, 'spread') < floor) continue;
        queued.add(o);
        queue.push(o);
      }
    }
    const seqs = [...chosen].flatMap((k) => this.stories[k]!.members).sort((a, b) => a - b);
    const result: Regrouping = { created: [], moved: [], merged: [], articles: seqs.length, stories: [] };
    if (seqs.length < 2) {
      result.stories = [...chosen].map((k) => this.stories[k]!.id);
      return result;
    }
    const signatures = seqs.map((seq) => this.signatureOf(seq));
    // Each story's copy groups (kept while it does not change), as indices into `seqs`, ordered by first article.
    const at = new Map(seqs.map((seq, i) => [seq, i]));
    const copies = [...chosen].flatMap((k) => this.copyGroupsOf(k).map((g) => g.map((seq) => at.get(seq)!))).sort((a, b) => a[0]! - b[0]!);
    const review = reviewPartition(signatures, this.model, this.options.review, copies);
    const groups = review.groups.map((g) => g.map((i) => seqs[i]!));
    // Match groups to old stories by shared articles (greedy: most shared first, then older story, then group order).
    const pairs: { g: number; k: number; n: number }[] = [];
    groups.forEach((group, g) => {
      const counts = new Map<number, number>();
      for (const seq of group) {
        const k = this.live(this.storyOfSeq[seq]!);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      for (const [k, n] of counts) pairs.push({ g, k, n });
    });
    pairs.sort((a, b) => b.n - a.n || a.k - b.k || a.g - b.g);
    const storyOfGroup = new Map<number, number>();
    const taken = new Set<number>();
    for (const { g, k } of pairs) {
      if (storyOfGroup.has(g) || taken.has(k)) continue;
      storyOfGroup.set(g, k);
      taken.add(k);
    }
    const before = new Map(seqs.map((seq) => [seq, this.live(this.storyOfSeq[seq]!)]));
    // Moves are collected, then each story's member list is rebuilt once.
    const leaving = new Map<number, Set<number>>();
    const arriving = new Map<number, number[]>();
    groups.forEach((group, g) => {
      let k = storyOfGroup.get(g);
      if (k === undefined) {
        k = this.addStory(this.freshId(group.map((seq) => this.hashOf(seq))));
        result.created.push({ id: this.stories[k]!.id, members: group });
      }
      for (const seq of group) {
        const from = before.get(seq)!;
        if (from === k) continue;
        let out = leaving.get(from);
        if (!out) leaving.set(from, (out = new Set()));
        out.add(seq);
        let into = arriving.get(k);
        if (!into) arriving.set(k, (into = []));
        into.push(seq);
        this.storyOfSeq[seq] = k;
        if (storyOfGroup.get(g) !== undefined) result.moved.push({ seq, to: this.stories[k]!.id });
      }
    });
    for (const [k, out] of leaving) {
      const story = this.stories[k]!;
      story.members = story.members.filter((m) => !out.has(m));
      story.version++;
    }
    for (const [k, into] of arriving) {
      const story = this.stories[k]!;
      story.members = [...story.members, ...into].sort((a, b) => a - b);
      story.version++;
    }
    // Old stories left empty: merged into where most of their articles went.
    for (const k of chosen) {
      const old = this.stories[k]!;
      if (old.members.length > 0) continue;
      const counts = new Map<number, number>();
      for (const [seq, from] of before) if (from === k) counts.set(this.storyOfSeq[seq]!, (counts.get(this.storyOfSeq[seq]!) ?? 0) + 1);
      const into = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
      old.mergedInto = into;
      result.merged.push({ from: old.id, into: this.stories[into]!.id });
    }
    for (const k of new Set([...storyOfGroup.values()])) this.refreshNewest(k);
    for (const c of result.created) this.refreshNewest(this.storyIndex.get(c.id)!);
    result.stories = [...new Set(seqs.map((seq) => this.stories[this.storyOfSeq[seq]!]!.id))];
    return result;
  }

  /**
   * Registers a stored story before its articles are restored (`restore`), so that stories keep the order they were
   * created in (the index of a story decides ties: the older story). Known ids are left as they are.
   */
  declareStory(storyId: string): void {
    if (!this.storyIndex.has(storyId)) this.addStory(storyId);
  }

  /** Indexes an article already in story `storyId` (rebuilding the index from a store), without deciding. */
  restore(article: OnlineArticle<S>, storyId: string): void {
    this.model.observe(article.signature);
    const known = this.storyIndex.get(storyId);
    const k = known === undefined ? this.addStory(storyId) : this.live(known);
    this.join(k, article);
    for (const key of this.model.candidateKeys(article.signature)) this.postings.add(key, article.seq);
  }

  private neighbours(k: number): number[] {
    const story = this.stories[k]!;
    const keys = new Set<number>();
    for (const seq of this.sample(story)) for (const key of this.model.candidateKeys(this.signatureOf(seq))) keys.add(key);
    return this.candidateStories([...keys], story.newest).filter((o) => o !== k);
  }

  private hashOf(seq: number): string {
    return this.hashOfSeq ? this.hashOfSeq[seq]! : this.options.hashOf!(seq);
  }

  private addStory(id: string): number {
    const k = this.stories.length;
    this.stories.push({ id, members: [], newest: NaN, mergedInto: -1, version: 0 });
    this.storyIndex.set(id, k);
    this.ids.add(id);
    return k;
  }

  /** `s-` + the founder's hash, or (taken, e.g. by the story the founder left) a hash of all founders' hashes. */
  private freshId(hashes: readonly string[]): string {
    const first = `s-${hashes[0]!}`;
    const taken = (id: string): boolean => this.ids.has(id) || (this.options.isTaken?.(id) ?? false);
    if (!taken(first)) return first;
    for (let n = 0; ; n++) {
      const id = `s-${shortHash('story', String(n), ...hashes)}`;
      if (!taken(id)) return id;
    }
  }

  private refreshNewest(k: number): void {
    const story = this.stories[k]!;
    story.newest = NaN;
    for (const seq of story.members) {
      const p = this.publishedOfSeq[seq]!;
      if (Number.isFinite(p) && !(p <= story.newest)) story.newest = p;
    }
  }

  private join(k: number, article: OnlineArticle<S>): void {
    if (this.hashOfSeq) this.hashOfSeq[article.seq] = article.hash;
    this.ensureSeq(article.seq);
    this.publishedOfSeq[article.seq] = article.published;
    const story = this.stories[k]!;
    story.members.push(article.seq);
    story.version++;
    if (Number.isFinite(article.published) && !(article.published <= story.newest)) story.newest = article.published;
    this.storyOfSeq[article.seq] = k;
  }

  private merge(drop: number, keep: number): void {
    const from = this.stories[drop]!;
    const into = this.stories[keep]!;
    into.members = [...into.members, ...from.members].sort((x, y) => x - y);
    into.version++;
    from.version++;
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
    const published = new Float64Array(size).fill(NaN);
    published.set(this.publishedOfSeq);
    this.publishedOfSeq = published;
  }
}
