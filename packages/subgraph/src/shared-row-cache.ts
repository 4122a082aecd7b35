import { LRUCache } from 'lru-cache';
import type { Perf } from 'lru-cache';

/**
 * Rows that every caller may see and that seldom change (the directory of agencies and people),
 * kept in the process for `ttlMs` after they were read. Half the fetches of a partner's inbox page
 * ask only for names of agencies and people; answered from here they take no database round trip.
 * A row changed in the database shows after at most `ttlMs`; a row not found is never cached, so
 * a new one shows at once. Never use it for rows under row-level security: it has no caller.
 * Bounded: the least recently used row makes room for a new one (lru-cache).
 */
export class SharedRowCache<V extends object> {
  private readonly rows: LRUCache<string, V>;

  /** `clock` is lru-cache's own (monotonic time by default); tests pass their own. */
  constructor(ttlMs = 60_000, capacity = 50_000, clock?: Perf) {
    // lru-cache keeps an entry while its age is at most `ttl`: one less, and a row read at t is
    // gone at t + ttlMs. ttlResolution 0: the clock is read at every lookup.
    this.rows = new LRUCache<string, V>({
      max: capacity,
      ttl: Math.max(1, ttlMs - 1),
      ttlResolution: 0,
      ...(clock ? { perf: clock } : {}),
    });
  }

  /** The cached rows among `keys`, and the keys to read from the database. */
  take(keys: readonly string[]): { hits: Map<string, V>; misses: string[] } {
    const hits = new Map<string, V>();
    const misses: string[] = [];
    for (const key of keys) {
      const value = this.rows.get(key);
      if (value === undefined) misses.push(key);
      else hits.set(key, value);
    }
    return { hits, misses };
  }

  put(key: string, value: V): void {
    this.rows.set(key, value);
  }
}
