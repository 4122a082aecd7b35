import { request as httpRequest } from 'node:http';
import { createInternalTokenSigner, createUserTokenVerifier, signUserToken } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { createLogger } from '@eco/logging';
import { startGateway } from '../src/gateway-server';
import type { GatewayHardening, RunningGateway } from '../src/gateway-server';

/**
 * The gateway's defences over HTTP, on the real supergraph, with every subgraph unreachable (a
 * closed port): what the gateway refuses never reaches a subgraph, and a failed subgraph call
 * leaves as a code and a message.
 */
const AUTH = {
  issuer: 'eco-test',
  audience: 'eco-api',
  hs256Secret: 'gateway-hardening-test-secret-0123456789',
};
const DEAD = 'http://127.0.0.1:9/graphql';

const principal = (name: string): Principal => ({
  personId: crypto.randomUUID(),
  agencyId: crypto.randomUUID(),
  name,
  roles: ['BUREAU_CHIEF'],
});

async function start(hardening?: Partial<GatewayHardening>): Promise<RunningGateway> {
  return startGateway({
    subgraphUrls: { agencies: DEAD, inspections: DEAD, rectification: DEAD, supervision: DEAD },
    verifyUserToken: createUserTokenVerifier(AUTH),
    signInternalToken: createInternalTokenSigner('internal-secret-for-the-hardening-test-0123'),
    logger: createLogger('test', 'silent'),
    hardening,
  });
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function send(url: string, init: RequestInit & { token?: string } = {}): Promise<Answer> {
  const { token, ...rest } = init;
  const response = await fetch(url, {
    method: 'POST',
    ...rest,
    headers: {
      ...(rest.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(rest.headers as Record<string, string>),
    },
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

const query = (q: string, variables?: unknown) => JSON.stringify({ query: q, variables });

describe('the hardened gateway', () => {
  let gateway: RunningGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await start();
    token = await signUserToken(AUTH, principal('甲'), 600);
  });
  afterAll(() => gateway?.stop());

  it('answers a small operation it can resolve itself', async () => {
    const answer = await send(gateway.url, { token, body: query('{ __typename }') });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses introspection and hides field suggestions', async () => {
    const introspection = await send(gateway.url, { token, body: query('{ __schema { types { name } } }') });
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await send(gateway.url, { token, body: query('{ problemz { id } }') });
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].message).toBe('Cannot query field "problemz" on type "Query".');
    const enumTypo = await send(gateway.url, {
      token,
      body: query('query($k: [AgencyKind!]) { agencies(kinds: $k) { id } }', { k: ['TOWNSHI'] }),
    });
    expect(enumTypo.status).toBe(400);
    expect(enumTypo.text).not.toMatch(/Did you mean|TOWNSHIP/);
  });

  it('refuses operations past the depth, alias and token limits with a 4xx and a code', async () => {
    const deep = `{ me { ${'agency { people { '.repeat(6)}id${' } }'.repeat(6)} } }`;
    const aliases = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const tokens = `{ ${'__typename '.repeat(1001)} }`;
    for (const [operation, code] of [
      [deep, 'GRAPHQL_VALIDATION_FAILED'],
      [aliases, 'GRAPHQL_VALIDATION_FAILED'],
      [tokens, 'GRAPHQL_PARSE_FAILED'],
    ] as const) {
      const answer = await send(gateway.url, { token, body: query(operation) });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe(code);
    }
  });

  it('counts a page size given by a variable: one full inbox page passes, three in one request do not', async () => {
    // The township's inbox page (test/e2e/batching.e2e.test.ts), each page aliased.
    const page = (alias: string) => `${alias}: myTasks(first: $n) { edges { node {
      id title status dueAt agency { name } latestUpdate { note byName } updates { kind }
      measure { id text status responsibleAgency { name } coordinatingAgencies { name } timeline { kind actorName } }
      problem { id displayNumber title status leadLeader { name } responsibleDepartment { name } }
      finding { id title status targetAgency { name } round { name year } } } } }`;
    const pages = (n: number) =>
      `query($n: Int!) { ${Array.from({ length: n }, (_, i) => page(`p${i}`)).join(' ')} }`;
    const one = await send(gateway.url, { token, body: query(pages(1), { n: 200 }) });
    expect(one.body.errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
    const three = await send(gateway.url, { token, body: query(pages(3), { n: 200 }) });
    expect(three.status).toBe(400);
    expect(three.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(three.body.errors[0].message).toMatch(/Cost limit of 150000 exceeded/);
  });

  it('refuses GET and text/plain requests without the preflight header, and batches', async () => {
    const get = await send(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      method: 'GET',
      token,
    });
    expect(get.status).toBe(400);
    expect(get.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const plain = await send(gateway.url, {
      token,
      headers: { 'content-type': 'text/plain' },
      body: query('{ __typename }'),
    });
    expect(plain.status).toBe(400);
    const batch = await send(gateway.url, {
      token,
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const withPreflight = await send(`${gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      method: 'GET',
      token,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(withPreflight.status).toBe(200);
  });

  it('serves no landing page in production', async () => {
    const page = await send(gateway.url, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('caps the body and refuses malformed JSON and request targets with a 4xx', async () => {
    const huge = await send(gateway.url, {
      token,
      body: query('{ __typename }', { pad: 'x'.repeat(300_000) }),
    });
    expect(huge.status).toBe(413);
    const broken = await send(gateway.url, { token, body: '{"query": ' });
    expect(broken.status).toBe(400);
    const target = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(gateway.url);
      httpRequest({ host: '127.0.0.1', port, path: '//', method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(target).toBe(400);
  });

  it('masks a failed subgraph call to a code and a message', async () => {
    const answer = await send(gateway.url, { token, body: query('{ me { id } problems { id } }') });
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors.length).toBeGreaterThan(0);
    for (const error of answer.body.errors) {
      expect(error.message).toBe('Internal error');
      expect(Object.keys(error.extensions)).toEqual(['code']);
    }
    expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed|stack/);
  });
});

describe('the rate limit', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await start({ rateLimit: { burst: 3, perSecond: 0.01 } });
  });
  afterAll(() => gateway?.stop());

  it('answers 429 with a code and Retry-After once a principal spends its burst, and only that principal', async () => {
    const spender = await signUserToken(AUTH, principal('乙'), 600);
    const statuses: number[] = [];
    let last: Answer | undefined;
    for (let i = 0; i < 5; i++) {
      last = await send(gateway.url, { token: spender, body: query('{ __typename }') });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const other = await signUserToken(AUTH, principal('丙'), 600);
    expect((await send(gateway.url, { token: other, body: query('{ __typename }') })).status).toBe(200);
  });

  it('keys anonymous and badly signed callers by their address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await send(gateway.url, { token: i % 2 ? 'not.a.jwt' : undefined, body: query('{ __typename }') }))
          .status,
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('a gateway for development', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await start({ exposeSchema: true, rateLimit: false });
  });
  afterAll(() => gateway?.stop());

  it('answers introspection and suggests field names', async () => {
    const token = await signUserToken(AUTH, principal('丁'), 600);
    const introspection = await send(gateway.url, {
      token,
      body: query('{ __schema { queryType { name } } }'),
    });
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const typo = await send(gateway.url, { token, body: query('{ problemz { id } }') });
    expect(typo.text).toContain('Did you mean');
  });
});
