import { randomUUID } from 'node:crypto';
import { createUserTokenVerifier, signUserToken } from '../src';
import type { Principal } from '../src';
import { VerifiedTokenCache } from '../src/verified-token-cache';

describe('the cache of verified tokens', () => {
  /** A clock the test moves by hand. */
  const manualClock = (start: number) => {
    let now = start;
    return { now: () => now, at: (t: number) => void (now = t) };
  };

  it('answers until the token expires, and not after', () => {
    const now = 1_000_000_000_000;
    const clock = manualClock(now);
    const cache = new VerifiedTokenCache<string>(10_000, 60_000, clock);
    cache.set('t', 'principal', now / 1000 + 30);
    clock.at(now + 29_999);
    expect(cache.get('t')).toBe('principal');
    clock.at(now + 30_000);
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps a token without an expiry for at most its maximum age, and never an expired one', () => {
    const now = 1_000_000_000_000;
    const clock = manualClock(now);
    const cache = new VerifiedTokenCache<string>(10, 5_000, clock);
    cache.set('no-exp', 'a', undefined);
    cache.set('expired', 'b', now / 1000 - 1);
    expect(cache.get('expired')).toBeUndefined();
    clock.at(now + 4_999);
    expect(cache.get('no-exp')).toBe('a');
    clock.at(now + 5_000);
    expect(cache.get('no-exp')).toBeUndefined();
  });

  it('makes room by dropping the least recently used entry', () => {
    const cache = new VerifiedTokenCache<number>(3);
    const exp = Date.now() / 1000 + 60;
    for (const n of [1, 2, 3]) cache.set(`t${n}`, n, exp);
    // t1 is used again, so t2 is the one to go.
    expect(cache.get('t1')).toBe(1);
    cache.set('t4', 4, exp);
    expect(cache.size).toBe(3);
    expect(cache.get('t2')).toBeUndefined();
    expect([1, 3, 4].map((n) => cache.get(`t${n}`))).toEqual([1, 3, 4]);
  });

  it('lets a user token verifier answer a repeated token without verifying it again, and refuse it once expired', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const settings = { issuer: 'eco-dev', audience: 'eco-api', hs256Secret: 'a'.repeat(40) };
      const principal: Principal = {
        personId: randomUUID(),
        agencyId: randomUUID(),
        name: '祝桥镇联络员',
        roles: ['PARTNER_USER'],
      };
      const verify = createUserTokenVerifier(settings);
      const token = await signUserToken(settings, principal, 2);
      await expect(verify(token)).resolves.toEqual(principal);
      await expect(verify(token)).resolves.toEqual(principal);
      jest.setSystemTime(Date.now() + 3_000);
      await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      jest.useRealTimers();
    }
  });
});
