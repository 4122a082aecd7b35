import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createUserTokenVerifier } from '../src';

describe('user tokens signed by an identity provider (RS256 via JWKS)', () => {
  it('are verified against the published keys, and a token signed by another key is refused', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const verify = createUserTokenVerifier({
        issuer: 'https://id.example',
        audience: 'eco-api',
        jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
      });
      const claims = { agency: randomUUID(), roles: ['DEPARTMENT_CLERK'], name: '内勤' };
      const sign = (key: typeof privateKey) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setSubject(randomUUID())
          .setIssuer('https://id.example')
          .setAudience('eco-api')
          .setExpirationTime('5m')
          .sign(key);
      await expect(verify(await sign(privateKey))).resolves.toMatchObject({
        agencyId: claims.agency,
        roles: ['DEPARTMENT_CLERK'],
      });
      await expect(verify(await sign(other.privateKey))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      server.close();
    }
  });
});
