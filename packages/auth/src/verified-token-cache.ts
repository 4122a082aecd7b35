import { LRUCache } from 'lru-cache';
import type { Perf } from 'lru-cache';

/** Epoch milliseconds, as a token's `exp` counts them (lru-cache's default clock is monotonic). */
const wallClock: Perf = { now: () => Date.now() };

/**
 * Tokens already verified, until they expire. Verifying a JWT costs more CPU than the rest of a
 * small request's admission, and a caller sends the same token with every request. Bounded: the
 * least recently used entry makes room for a new one (lru-cache).
 */
export class VerifiedTokenCache<T extends object | string | number> {
  private readonly entries: LRUCache<string, T>;

  /** `maxAgeMs` bounds how long any token stays cached, one without its own expiry included. */
  constructor(
    capacity = 10_000,
    private readonly maxAgeMs = 60_000,
    private readonly clock: Perf = wallClock,
  ) {
    // ttlResolution 0: the clock is read at every lookup.
    this.entries = new LRUCache<string, T>({ max: capacity, ttlResolution: 0, perf: clock });
  }

  get(token: string): T | undefined {
    return this.entries.get(token);
  }

  /** `expiresAtSeconds` is the token's `exp` claim (seconds since the epoch), if it has one. */
  set(token: string, value: T, expiresAtSeconds: number | undefined): void {
    const lifetime = Math.min(this.maxAgeMs, (expiresAtSeconds ?? Infinity) * 1000 - this.clock.now());
    // lru-cache keeps an entry while its age is at most `ttl`: one less, and the token is gone at
    // exactly its expiry (a ttl of 0 would keep it for ever).
    const ttl = lifetime - 1;
    if (ttl > 0) this.entries.set(token, value, { ttl });
  }

  get size(): number {
    return this.entries.size;
  }
}
