/**
 * A bounded memo for pure functions of a string (analysis passes over a sentence, normalised keys): wire copy
 * and its rewrites repeat most sentences verbatim, so these caches save the work; they never change a result.
 */
/** Every cache made (module singletons), for `clearBoundedCaches`. */
const every = new Set<BoundedCache<unknown>>();

/**
 * A map that keeps about the `limit` most recently used entries, in two generations: entries go into the
 * current one; when it is full it becomes the previous one (the one before is dropped), and a hit in the
 * previous one is carried into the current. Cheaper than exact LRU order (a hit in the current generation
 * changes nothing) and as good for re-use that comes in bursts (the copies of one story).
 */
export class BoundedCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private readonly half: number;
  constructor(limit: number) {
    this.half = Math.max(1, Math.ceil(limit / 2));
    every.add(this);
  }

  /** Entries held now (at most the limit). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.half) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}

/** For tests: empty every bounded cache (results must not change, only the time they take). */
export function clearBoundedCaches(): void {
  for (const cache of every) cache.clear();
}
