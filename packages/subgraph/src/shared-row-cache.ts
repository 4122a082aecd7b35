/**
 * Rows that every caller may see and that seldom change (the directory of agencies and people),
 * kept in the process for `ttlMs` after they were read. Half the fetches of a partner's inbox page
 * ask only for names of agencies and people; answered from here they take no database round trip.
 * A row changed in the database shows after at most `ttlMs`; a row not found is never cached, so
 * a new one shows at once. Never use it for rows under row-level security: it has no caller.
 */
export class SharedRowCache<V> {
  private readonly rows = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly capacity = 50_000,
  ) {}

  /** The cached rows among `keys`, and the keys to read from the database. */
  take(keys: readonly string[], now = Date.now()): { hits: Map<string, V>; misses: string[] } {
    const hits = new Map<string, V>();
    const misses: string[] = [];
    for (const key of keys) {
      const entry = this.rows.get(key);
      if (entry && entry.expiresAt > now) hits.set(key, entry.value);
      else misses.push(key);
    }
    return { hits, misses };
  }

  put(key: string, value: V, now = Date.now()): void {
    if (!this.rows.has(key) && this.rows.size >= this.capacity) {
      const oldest = this.rows.keys().next();
      if (!oldest.done) this.rows.delete(oldest.value);
    }
    this.rows.delete(key);
    this.rows.set(key, { value, expiresAt: now + this.ttlMs });
  }
}
