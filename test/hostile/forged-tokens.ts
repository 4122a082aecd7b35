import { createHmac } from 'node:crypto';
import { TEST_AUTH } from '@eco/testing';

const ATTACKER = 'attacker-secret-0123456789abcdef0123';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function hs(alg: 'sha256' | 'sha512', secret: string, signingInput: string): string {
  return createHmac(alg, secret).update(signingInput).digest('base64url');
}

/** A JWT built by hand, so every claim and header can be wrong on purpose. */
export function forgeToken(options: {
  header?: Record<string, unknown>;
  claims: Record<string, unknown>;
  secret?: string;
  signature?: 'hs256' | 'hs512' | 'none' | 'garbage';
}): string {
  const signature = options.signature ?? 'hs256';
  const header = {
    alg: signature === 'none' ? 'none' : signature === 'hs512' ? 'HS512' : 'HS256',
    typ: 'JWT',
    ...options.header,
  };
  const input = `${b64(header)}.${b64(options.claims)}`;
  const secret = options.secret ?? TEST_AUTH.hs256Secret;
  switch (signature) {
    case 'none':
      return `${input}.`;
    case 'garbage':
      return `${input}.${b64('not a signature')}`;
    case 'hs512':
      return `${input}.${hs('sha512', secret, input)}`;
    default:
      return `${input}.${hs('sha256', secret, input)}`;
  }
}

/**
 * Tokens the gateway must refuse with 401, each with what is wrong with it. `claims` is a valid
 * principal's claims: the forgeries differ from a good token in exactly one way.
 */
export function forgedTokens(claims: Record<string, unknown>): { name: string; token: string }[] {
  const now = Math.floor(Date.now() / 1000);
  const good = { ...claims, iss: TEST_AUTH.issuer, aud: TEST_AUTH.audience, iat: now, exp: now + 600 };
  const signedGood = forgeToken({ claims: good });
  const [h, p] = signedGood.split('.');
  const tampered = `${h}.${b64({ ...good, roles: ['BUREAU_CHIEF', 'DEPUTY_CHIEF'] })}.${signedGood.split('.')[2]}`;
  return [
    { name: 'expired', token: forgeToken({ claims: { ...good, iat: now - 7200, exp: now - 3600 } }) },
    { name: 'expired a second ago', token: forgeToken({ claims: { ...good, exp: now - 1 } }) },
    { name: 'not yet valid (nbf)', token: forgeToken({ claims: { ...good, nbf: now + 3600 } }) },
    { name: 'wrong audience', token: forgeToken({ claims: { ...good, aud: 'eco-subgraphs' } }) },
    { name: 'audience list without ours', token: forgeToken({ claims: { ...good, aud: ['other', 'x'] } }) },
    { name: 'wrong issuer', token: forgeToken({ claims: { ...good, iss: 'https://evil.example' } }) },
    { name: 'gateway issuer', token: forgeToken({ claims: { ...good, iss: 'eco-gateway' } }) },
    { name: 'no issuer', token: forgeToken({ claims: { ...good, iss: undefined } }) },
    { name: 'alg none', token: forgeToken({ claims: good, signature: 'none' }) },
    { name: 'alg None', token: forgeToken({ claims: good, header: { alg: 'None' }, signature: 'none' }) },
    { name: 'alg HS512 with the right secret', token: forgeToken({ claims: good, signature: 'hs512' }) },
    { name: 'header says RS256', token: forgeToken({ claims: good, header: { alg: 'RS256' } }) },
    {
      name: 'signed with another secret',
      token: forgeToken({ claims: good, secret: 'someone-elses-secret-0123456789abcdef' }),
    },
    {
      name: 'signed with the internal secret',
      token: forgeToken({ claims: good, secret: TEST_AUTH.internalTokenSecret }),
    },
    { name: 'garbage signature', token: forgeToken({ claims: good, signature: 'garbage' }) },
    { name: 'payload tampered after signing', token: tampered },
    { name: 'signature stripped', token: `${h}.${p}.` },
    { name: 'two parts', token: `${h}.${p}` },
    { name: 'five parts (JWE shape)', token: `${h}.${p}.a.b.c` },
    // An empty key is what a kid pointing at /dev/null would load.
    {
      name: 'kid path traversal, signed with an empty key',
      token: forgeToken({ claims: good, header: { kid: '../../../../dev/null' }, secret: '' }),
    },
    { name: 'crit header', token: forgeToken({ claims: good, header: { crit: ['exp'] } }) },
    {
      name: 'jku header, signed by the attacker',
      token: forgeToken({ claims: good, header: { jku: 'https://attacker.example/jwks' }, secret: ATTACKER }),
    },
    { name: 'no subject', token: forgeToken({ claims: { ...good, sub: undefined } }) },
    { name: 'subject not a uuid', token: forgeToken({ claims: { ...good, sub: "1' OR '1'='1" } }) },
    { name: 'unknown role', token: forgeToken({ claims: { ...good, roles: ['ROOT'] } }) },
    { name: 'no roles', token: forgeToken({ claims: { ...good, roles: [] } }) },
    { name: 'roles not a list', token: forgeToken({ claims: { ...good, roles: 'BUREAU_CHIEF' } }) },
    { name: 'no agency', token: forgeToken({ claims: { ...good, agency: undefined } }) },
    { name: 'exp as a string', token: forgeToken({ claims: { ...good, exp: 'never' } }) },
    {
      name: 'exp far past 2^53, signed by the attacker',
      token: forgeToken({ claims: { ...good, exp: 1e300 }, secret: ATTACKER }),
    },
    {
      name: 'header not JSON',
      token: `${b64('{not json')}.${p}.${hs('sha256', TEST_AUTH.hs256Secret, `${b64('{not json')}.${p}`)}`,
    },
    {
      name: 'payload not JSON',
      token: `${h}.${b64('nope')}.${hs('sha256', TEST_AUTH.hs256Secret, `${h}.${b64('nope')}`)}`,
    },
    {
      name: 'huge token',
      token: forgeToken({
        claims: { ...good, pad: 'x'.repeat(6000) },
        secret: 'wrong-secret-0123456789abcdef0123',
      }),
    },
    { name: 'not a JWT', token: 'not.a.jwt' },
  ];
}
