import { jwtVerify, SignJWT } from 'jose';
import { AuthError } from './auth-error';
import { principalSchema } from './principal';
import type { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token-cache';

/** The header that carries the gateway's token to subgraphs; clients' copies are dropped. */
export const INTERNAL_TOKEN_HEADER = 'x-eco-gateway-token';

const ISSUER = 'eco-gateway';
const AUDIENCE = 'eco-subgraphs';

/**
 * Signs short-lived tokens from the gateway to the subgraphs. A token is reused for half its
 * lifetime per principal, so a busy caller costs one signature every few seconds, not one per call.
 */
export function createInternalTokenSigner(
  secret: string,
  ttlSeconds = 60,
): (principal: Principal) => Promise<string> {
  const key = new TextEncoder().encode(secret);
  const cache = new Map<string, { token: string; renewAt: number }>();
  return async (principal) => {
    // Everything the token carries: a renamed person must not go on under the old name.
    const cacheKey = JSON.stringify([
      principal.personId,
      principal.agencyId,
      principal.roles,
      principal.name,
    ]);
    const now = Date.now();
    const cached = cache.get(cacheKey);
    if (cached && cached.renewAt > now) return cached.token;
    const token = await new SignJWT({
      agency: principal.agencyId,
      roles: principal.roles,
      name: principal.name,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.personId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
    if (cache.size > 10_000) cache.clear();
    cache.set(cacheKey, { token, renewAt: now + (ttlSeconds * 1000) / 2 });
    return token;
  };
}

/** Verifies the gateway's token in a subgraph; anything else is refused. Verified tokens are cached until expiry. */
export function createInternalTokenVerifier(
  secret: string,
): (token: string | undefined) => Promise<Principal> {
  const key = new TextEncoder().encode(secret);
  const verified = new VerifiedTokenCache<Principal>();
  return async (token) => {
    if (!token) throw new AuthError('UNAUTHENTICATED', 'requests must come through the gateway');
    const cached = verified.get(token);
    if (cached) return cached;
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const principal = principalSchema.parse({
        personId: payload.sub,
        agencyId: payload['agency'],
        name: payload['name'],
        roles: payload['roles'],
      });
      verified.set(token, principal, payload.exp);
      return principal;
    } catch {
      throw new AuthError('UNAUTHENTICATED', 'requests must come through the gateway');
    }
  };
}
