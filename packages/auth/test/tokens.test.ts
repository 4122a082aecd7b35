import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  AuthError,
  createInternalTokenSigner,
  createInternalTokenVerifier,
  createUserTokenVerifier,
  signUserToken,
} from '../src';
import type { Principal } from '../src';

const settings = { issuer: 'eco-dev', audience: 'eco-api', hs256Secret: 'a'.repeat(40) };
const township: Principal = {
  personId: randomUUID(),
  agencyId: randomUUID(),
  name: '祝桥镇联络员',
  roles: ['PARTNER_USER'],
};

describe('user tokens', () => {
  it('derive the principal from a valid token', async () => {
    const verify = createUserTokenVerifier(settings);
    const token = await signUserToken(settings, township, 60);
    await expect(verify(token)).resolves.toEqual(township);
  });

  it('are refused when signed with another secret', async () => {
    const verify = createUserTokenVerifier(settings);
    const token = await signUserToken({ ...settings, hs256Secret: 'b'.repeat(40) }, township, 60);
    await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('are refused when expired', async () => {
    const verify = createUserTokenVerifier(settings);
    const token = await new SignJWT({ agency: township.agencyId, roles: township.roles, name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(township.personId)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(settings.hs256Secret));
    await expect(verify(token)).rejects.toBeInstanceOf(AuthError);
  });

  it('are refused when they carry no roles', async () => {
    const verify = createUserTokenVerifier(settings);
    const token = await new SignJWT({ agency: township.agencyId, roles: [], name: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(township.personId)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(settings.hs256Secret));
    await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('gateway-to-subgraph tokens', () => {
  const secret = 'c'.repeat(40);

  it('carry the principal from gateway to subgraph', async () => {
    const token = await createInternalTokenSigner(secret)(township);
    await expect(createInternalTokenVerifier(secret)(token)).resolves.toEqual(township);
  });

  it('are reused for the same principal, and not once the name it carries changes', async () => {
    const sign = createInternalTokenSigner(secret);
    const verify = createInternalTokenVerifier(secret);
    const first = await sign(township);
    expect(await sign({ ...township })).toBe(first);
    const renamed = { ...township, name: `${township.name}（更名）` };
    await expect(verify(await sign(renamed))).resolves.toEqual(renamed);
  });

  it('are refused when missing', async () => {
    await expect(createInternalTokenVerifier(secret)(undefined)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('are refused when a user token is presented instead', async () => {
    const userToken = await signUserToken({ ...settings, hs256Secret: secret }, township, 60);
    await expect(createInternalTokenVerifier(secret)(userToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
