/**
 * Tokens already verified, until they expire. Verifying a JWT costs more CPU than the rest of a
 * small request's admission, and a caller sends the same token with every request. Bounded: the
 * oldest entry makes room for a new one.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  /** `maxAgeMs` bounds how long a token without its own expiry stays cached. */
  constructor(
    private readonly capacity = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt > now) return entry.value;
    this.entries.delete(token);
    return undefined;
  }

  /** `expiresAtSeconds` is the token's `exp` claim (seconds since the epoch), if it has one. */
  set(token: string, value: T, expiresAtSeconds: number | undefined, now = Date.now()): void {
    const expiresAt = Math.min(now + this.maxAgeMs, (expiresAtSeconds ?? Infinity) * 1000);
    if (expiresAt <= now) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { value, expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}
