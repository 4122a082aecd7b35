import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { AuthError } from './auth-error';
import { principalSchema } from './principal';
import { VerifiedTokenCache } from './verified-token-cache';
import type { Principal } from './principal';

export interface UserTokenSettings {
  issuer: string;
  audience: string;
  /** HS256 shared secret: the embedded/dev mode. */
  hs256Secret?: string;
  /** RS256 keys published by the identity provider. */
  jwksUrl?: string;
}

export type UserTokenVerifier = (token: string) => Promise<Principal>;

function principalFromClaims(claims: JWTPayload): Principal {
  const parsed = principalSchema.safeParse({
    personId: claims.sub,
    agencyId: claims['agency'],
    name: claims['name'],
    roles: claims['roles'],
  });
  if (!parsed.success)
    throw new AuthError('UNAUTHENTICATED', 'token does not name a person, agency and roles');
  return parsed.data;
}

/** Verifies a caller's bearer JWT and derives the principal from its claims; verified tokens are cached until they expire. */
export function createUserTokenVerifier(settings: UserTokenSettings): UserTokenVerifier {
  const options = { issuer: settings.issuer, audience: settings.audience };
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (settings.jwksUrl) {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl));
    verify = (token) => jwtVerify(token, keys, { ...options, algorithms: ['RS256'] });
  } else if (settings.hs256Secret) {
    const key = new TextEncoder().encode(settings.hs256Secret);
    verify = (token) => jwtVerify(token, key, { ...options, algorithms: ['HS256'] });
  } else {
    throw new Error('user tokens need either a JWKS URL or an HS256 secret');
  }
  const verified = new VerifiedTokenCache<Principal>();
  return async (token) => {
    const cached = verified.get(token);
    if (cached) return cached;
    try {
      const { payload } = await verify(token);
      const principal = principalFromClaims(payload);
      verified.set(token, principal, payload.exp);
      return principal;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError('UNAUTHENTICATED', 'invalid or expired token');
    }
  };
}

/** Issues an HS256 user token: demo tokens in the quick start, and tests. */
export async function signUserToken(
  settings: { issuer: string; audience: string; hs256Secret: string },
  principal: Principal,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ agency: principal.agencyId, roles: principal.roles, name: principal.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.personId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(settings.hs256Secret));
}
