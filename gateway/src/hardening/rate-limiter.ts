/** Per-principal request budget: a token bucket per key (ADR 0007). */
export interface RateLimitSettings {
  /** Requests a key may make at once after being idle (the bucket's size). */
  burst: number;
  /** Requests per second a key regains, up to `burst`. */
  perSecond: number;
}

/** Generous: tests and benchmarks are never throttled; deployments facing partners set their own. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { burst: 2000, perSecond: 1000 };

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets keyed by principal (or client address). Memory stays bounded: past `maxKeys`
 * buckets, the ones that have refilled completely (indistinguishable from a fresh bucket) are
 * dropped, then the least recently seen until a tenth of the room is free.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (!(settings.burst >= 1) || !(settings.perSecond > 0))
      throw new Error('a rate limit needs burst >= 1 and perSecond > 0');
  }

  /** Takes one request from `key`'s budget, or says how long until one is available. */
  take(key: string): RateLimitDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.settings.burst, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.settings.burst, bucket.tokens + elapsedSeconds * this.settings.perSecond);
    bucket.updatedAt = now;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.evict(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.settings.perSecond)),
    };
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.settings.perSecond;
      if (refilled >= this.settings.burst) this.buckets.delete(key);
    }
    // Leave a tenth free so the sweep runs once per many new keys, not on every request.
    let excess = this.buckets.size - Math.floor(this.maxKeys * 0.9);
    for (const key of this.buckets.keys()) {
      if (excess-- <= 0) break;
      this.buckets.delete(key);
    }
  }
}
