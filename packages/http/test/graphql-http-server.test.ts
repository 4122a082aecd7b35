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

/** A body sent in chunks with no declared length; 'reset' when the connection drops before an answer. */
function chunked(port: number, chunks: string[]): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve('reset'));
    const next = (i: number) => {
      if (i === chunks.length) return void req.end();
      req.write(chunks[i], () => next(i + 1));
    };
    next(0);
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
    // Found in review: past the cap mid-stream, the connection was reset before the 413 left.
    expect(
      await chunked(http.port, ['{"query":"{ ok }","pad":"', ...Array(64).fill('x'.repeat(16 * 1024)), '"}']),
    ).toBe(413);
    expect(await raw(http.port, { path: '/graphql', body: '{"query":"{ ok }"}' })).toBe(200);
  });
});

describe('stopping the GraphQL HTTP server', () => {
  it('lets a request in flight finish, tells its client to close, and refuses new connections', async () => {
    let release: () => void = () => undefined;
    const apollo = new ApolloServer({
      typeDefs: 'type Query { slow: Boolean }',
      resolvers: {
        Query: { slow: () => new Promise<boolean>((resolve) => (release = () => resolve(true))) },
      },
    });
    await apollo.start();
    const http = await startGraphQLHttpServer(
      { apollo, logger: createLogger('test', 'silent'), context: async () => ({}), ready: async () => true },
      0,
    );
    const inFlight = fetch(http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ slow }"}',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = http.close(5_000);
    release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { slow: true } });
    expect(answer.headers.get('connection')).toBe('close');
    await closed;
    await expect(fetch(http.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    await apollo.stop();
  });
});
