import { randomUUID } from 'node:crypto';
import { createUserTokenVerifier, signUserToken } from '../src';
import type { Principal } from '../src';
import { VerifiedTokenCache } from '../src/verified-token-cache';

describe('the cache of verified tokens', () => {
  it('answers until the token expires, and not after', () => {
    const cache = new VerifiedTokenCache<string>();
    const now = 1_000_000_000_000;
    cache.set('t', 'principal', now / 1000 + 30, now);
    expect(cache.get('t', now + 29_999)).toBe('principal');
    expect(cache.get('t', now + 30_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps a token without an expiry for at most its maximum age, and never an expired one', () => {
    const cache = new VerifiedTokenCache<string>(10, 5_000);
    const now = 1_000_000_000_000;
    cache.set('no-exp', 'a', undefined, now);
    cache.set('expired', 'b', now / 1000 - 1, now);
    expect(cache.get('no-exp', now + 4_999)).toBe('a');
    expect(cache.get('no-exp', now + 5_000)).toBeUndefined();
    expect(cache.get('expired', now)).toBeUndefined();
  });

  it('makes room by dropping the oldest entry', () => {
    const cache = new VerifiedTokenCache<number>(3);
    const now = Date.now();
    for (const n of [1, 2, 3, 4]) cache.set(`t${n}`, n, now / 1000 + 60, now);
    expect(cache.size).toBe(3);
    expect(cache.get('t1', now)).toBeUndefined();
    expect([2, 3, 4].map((n) => cache.get(`t${n}`, now))).toEqual([2, 3, 4]);
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
