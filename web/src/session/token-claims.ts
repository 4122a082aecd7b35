// The claims of the user's token, read (not verified: the gateway verifies every request) so the
// first page can be chosen and requested without waiting for a `me` round trip.

export interface TokenClaims {
  personId: string;
  agencyId: string;
  name: string;
  roles: string[];
  /** Seconds since the epoch, when the token says. */
  expiresAt: number | null;
}

function decodeBase64Url(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, or null when it is not one (the page then asks the user to sign in again). */
export function readTokenClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(decodeBase64Url(payload)) as Record<string, unknown>;
    if (typeof claims['sub'] !== 'string') return null;
    return {
      personId: claims['sub'],
      agencyId: typeof claims['agency'] === 'string' ? claims['agency'] : '',
      name: typeof claims['name'] === 'string' ? claims['name'] : '',
      roles: Array.isArray(claims['roles'])
        ? claims['roles'].filter((r): r is string => typeof r === 'string')
        : [],
      expiresAt: typeof claims['exp'] === 'number' ? claims['exp'] : null,
    };
  } catch {
    return null;
  }
}
