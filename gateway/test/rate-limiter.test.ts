import { RateLimiter } from '../src/hardening/rate-limiter';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the rate limiter', () => {
  it('allows a burst, then refuses with the seconds until the next request is allowed', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 3, perSecond: 0.5 }, 100, time.now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    time.advance(1000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps one budget per key', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 1, perSecond: 1 }, 100, time.now);
    expect(limiter.take('person:a').allowed).toBe(true);
    expect(limiter.take('person:a').allowed).toBe(false);
    expect(limiter.take('person:b').allowed).toBe(true);
    expect(limiter.take('address:127.0.0.1').allowed).toBe(true);
  });

  it('refills at the configured rate and never above the burst', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 2, perSecond: 10 }, 100, time.now);
    limiter.take('a');
    limiter.take('a');
    time.advance(60_000);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
    time.advance(100);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps its memory bounded however many keys it sees', () => {
    const time = clock();
    const limiter = new RateLimiter({ burst: 5, perSecond: 1 }, 1000, time.now);
    for (let i = 0; i < 10_000; i++) limiter.take(`address:${i}`);
    expect(limiter.size).toBeLessThanOrEqual(1000);
    // The most recent callers keep their spent budget.
    for (let i = 0; i < 4; i++) limiter.take('address:9999');
    expect(limiter.take('address:9999').allowed).toBe(false);
  });

  it('refuses nonsense settings', () => {
    expect(() => new RateLimiter({ burst: 0, perSecond: 1 })).toThrow();
    expect(() => new RateLimiter({ burst: 1, perSecond: 0 })).toThrow();
  });
});
