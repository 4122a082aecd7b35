import { request } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createLogger } from '@eco/logging';
import { startGraphQLHttpServer } from '../src';
import type { RunningHttpServer } from '../src';

/** A raw request: the target and the body bytes exactly as given. */
function raw(port: number, options: { path: string; body?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

describe('the GraphQL HTTP server', () => {
  let http: RunningHttpServer;
  let apollo: ApolloServer;

  beforeAll(async () => {
    apollo = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean }',
      resolvers: { Query: { ok: () => true } },
    });
    await apollo.start();
    http = await startGraphQLHttpServer(
      {
        apollo,
        logger: createLogger('test', 'silent'),
        maxBodyBytes: 2048,
        context: async () => ({}),
        ready: async () => true,
      },
      0,
    );
  });
  afterAll(async () => {
    await http.close();
    await apollo.stop();
  });

  it('answers a request target that is not a URL with 400, not 500', async () => {
    expect(await raw(http.port, { path: '//', body: '{"query":"{ ok }"}' })).toBe(400);
  });

  it('answers a body over the cap with 413 and malformed JSON with 400', async () => {
    expect(
      await raw(http.port, {
        path: '/graphql',
        body: JSON.stringify({ query: '{ ok }', pad: 'x'.repeat(4096) }),
      }),
    ).toBe(413);
    expect(await raw(http.port, { path: '/graphql', body: '{"query":' })).toBe(400);
    expect(await raw(http.port, { path: '/graphql', body: '{"query":"{ ok }"}' })).toBe(200);
  });
});
