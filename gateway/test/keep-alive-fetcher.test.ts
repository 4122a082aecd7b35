import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKeepAliveFetcher } from '../src/keep-alive-fetcher';

/** The gateway's subgraph fetcher against a real HTTP server: what Apollo Gateway reads of a response. */
describe('the keep-alive subgraph fetcher', () => {
  const seen: { method?: string; headers: Record<string, unknown>; body: string; socket: unknown }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method, headers: request.headers, body, socket: request.socket });
      const refused = request.url === '/refuse';
      response.writeHead(refused ? 400 : 200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'private, max-age=0',
      });
      response.end(JSON.stringify(refused ? { errors: [{ message: 'no' }] } : { data: { echo: body } }));
    });
  });
  let base = '';
  const { fetcher, close } = createKeepAliveFetcher(4);

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body, and answers with status, headers and a parsed body', async () => {
    const response = await fetcher(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-eco-gateway-token': 'token' },
      body: '{"query":"{ a }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.url).toBe(`${base}/graphql`);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=0');
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{ a }"}' } });
    expect(await response.clone().text()).toBe('{"data":{"echo":"{\\"query\\":\\"{ a }\\"}"}}');
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      headers: { 'x-eco-gateway-token': 'token' },
      body: '{"query":"{ a }"}',
    });
  });

  it('answers a refusal with its status and body, not an exception', async () => {
    const response = await fetcher(`${base}/refuse`, { method: 'POST', body: '{}' });
    expect(response.ok).toBe(false);
    expect(response.status).toBe(400);
    expect(response.statusText).toBe('Bad Request');
    expect(await response.json()).toEqual({ errors: [{ message: 'no' }] });
  });

  it('keeps connections open: requests one after another open no new ones', async () => {
    seen.length = 0;
    for (let i = 0; i < 8; i += 1) {
      await (await fetcher(`${base}/graphql`, { method: 'POST', body: 'x' })).text();
    }
    // At most the connections the earlier tests opened (the pool takes them in turn).
    expect(new Set(seen.map((s) => s.socket)).size).toBeLessThanOrEqual(2);
  });

  it('rejects when nothing listens, so the gateway reports the subgraph unreachable', async () => {
    await expect(fetcher('http://127.0.0.1:1/graphql', { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
