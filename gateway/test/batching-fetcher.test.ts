import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBatchingFetcher } from '../src/batching-fetcher';
import { createKeepAliveFetcher } from '../src/keep-alive-fetcher';

/**
 * The gateway's batching of subgraph fetches, against a real HTTP server that answers as Apollo
 * Server does: an array of operations with an array of results, and a refused operation with 400
 * for the whole batch.
 */
describe('batching the fetches the gateway makes to one subgraph at once', () => {
  const received: { token: string | undefined; body: unknown }[] = [];
  const answer = (operation: { query: string }) =>
    operation.query.includes('refuse')
      ? { status: 400, body: { errors: [{ message: 'refused', extensions: { code: 'BAD_USER_INPUT' } }] } }
      : { status: 200, body: { data: { echo: operation.query } } };
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const body = JSON.parse(text);
      received.push({ token: request.headers['x-eco-gateway-token'] as string | undefined, body });
      const answers = Array.isArray(body) ? body.map(answer) : [answer(body)];
      const status = answers.find((a) => a.status !== 200)?.status ?? 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(Array.isArray(body) ? answers.map((a) => a.body) : answers[0]!.body));
    });
  });
  const keepAlive = createKeepAliveFetcher(4);
  const fetcher = createBatchingFetcher(keepAlive.fetcher);
  let url = '';

  const send = async (query: string, token = 'caller-a') => {
    const response = await fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-eco-gateway-token': token },
      body: JSON.stringify({ query, variables: {} }),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  beforeEach(() => {
    received.length = 0;
  });
  afterAll(async () => {
    await keepAlive.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends queries made at the same moment for one caller as one request, and gives each its own answer', async () => {
    const answers = await Promise.all([send('query A { a }'), send('query B { b }'), send('query C { c }')]);
    expect(answers).toEqual([
      { status: 200, body: { data: { echo: 'query A { a }' } } },
      { status: 200, body: { data: { echo: 'query B { b }' } } },
      { status: 200, body: { data: { echo: 'query C { c }' } } },
    ]);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toEqual([
      { query: 'query A { a }', variables: {} },
      { query: 'query B { b }', variables: {} },
      { query: 'query C { c }', variables: {} },
    ]);
  });

  it('never puts two callers in one batch', async () => {
    await Promise.all([send('query A { a }', 'caller-a'), send('query B { b }', 'caller-b')]);
    expect(received.map((r) => r.token).sort()).toEqual(['caller-a', 'caller-b']);
    expect(received.every((r) => !Array.isArray(r.body))).toBe(true);
  });

  it('sends a query made later on its own', async () => {
    await send('query A { a }');
    await send('query B { b }');
    expect(received.map((r) => Array.isArray(r.body))).toEqual([false, false]);
  });

  it('never batches mutations', async () => {
    await Promise.all([send('mutation M { m }'), send('mutation N { n }')]);
    expect(received).toHaveLength(2);
    expect(received.every((r) => !Array.isArray(r.body))).toBe(true);
  });

  it('sends each operation again alone when the batch is refused, so each gets the answer it would have had', async () => {
    const answers = await Promise.all([send('query A { a }'), send('query refuse { x }')]);
    expect(answers).toEqual([
      { status: 200, body: { data: { echo: 'query A { a }' } } },
      { status: 400, body: { errors: [{ message: 'refused', extensions: { code: 'BAD_USER_INPUT' } }] } },
    ]);
    expect(received.map((r) => (Array.isArray(r.body) ? r.body.length : 1))).toEqual([2, 1, 1]);
  });

  it('rejects each fetch when the subgraph cannot be reached', async () => {
    const unreachable = createBatchingFetcher(keepAlive.fetcher);
    const init = { method: 'POST', body: '{"query":"query A { a }"}' };
    const results = await Promise.allSettled([
      unreachable('http://127.0.0.1:1/graphql', init),
      unreachable('http://127.0.0.1:1/graphql', init),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
