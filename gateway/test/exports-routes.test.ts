import { createInternalTokenSigner, createUserTokenVerifier, signUserToken } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { createLogger } from '@eco/logging';
import { startGateway } from '../src/gateway-server';
import type { GatewayHardening, RunningGateway } from '../src/gateway-server';

/**
 * The download routes' door, on the real supergraph with every subgraph unreachable: the same
 * authentication, rate limit, operation limits and error masking as /graphql, and coded JSON
 * refusals before any subgraph is asked. (What the files hold: test/e2e/exports.e2e.test.ts.)
 */
const AUTH = {
  issuer: 'eco-test',
  audience: 'eco-api',
  hs256Secret: 'exports-routes-test-secret-0123456789',
};
const DEAD = 'http://127.0.0.1:9/graphql';
const CAMPAIGN = '6f1c1f7e-6f7b-5b8e-9b2a-3c1d2e4f5a6b';

const principal = (): Principal => ({
  personId: crypto.randomUUID(),
  agencyId: crypto.randomUUID(),
  name: '整改办',
  roles: ['RECTIFICATION_OFFICE'],
});

function start(options: { hardening?: Partial<GatewayHardening>; maxBodyBytes?: number } = {}) {
  return startGateway({
    subgraphUrls: { agencies: DEAD, inspections: DEAD, rectification: DEAD, supervision: DEAD },
    verifyUserToken: createUserTokenVerifier(AUTH),
    signInternalToken: createInternalTokenSigner('internal-secret-for-the-exports-test-0123'),
    logger: createLogger('test', 'silent'),
    ...options,
  });
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function call(
  gateway: RunningGateway,
  path: string,
  init: { method?: string; token?: string; body?: string; contentType?: string } = {},
): Promise<Answer> {
  const response = await fetch(new URL(path, gateway.url), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }),
    },
    body: init.body,
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

const code = (answer: Answer) => answer.body?.errors?.[0]?.extensions?.code;
const list = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    query: 'query Problems { problems { title } }',
    list: 'problems',
    columns: [{ header: '问题', field: 'title' }],
    ...overrides,
  });

const LEDGER = `/exports/ledger.xlsx?campaignId=${CAMPAIGN}`;
const WEEKLY = `/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=2023-09-13`;

describe('the export routes', () => {
  let gateway: RunningGateway;
  let token: string;

  beforeAll(async () => {
    gateway = await start();
    token = await signUserToken(AUTH, principal(), 600);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('refuses every route without a valid bearer token, as /graphql does (401, coded)', async () => {
    const forged = await signUserToken(
      { ...AUTH, hs256Secret: 'someone-elses-secret-0123456789abcdef' },
      principal(),
      60,
    );
    for (const [path, body] of [
      [LEDGER, undefined],
      [WEEKLY, undefined],
      ['/exports/list.csv', list()],
    ] as const) {
      const missing = await call(gateway, path, { body });
      expect(missing.status).toBe(401);
      expect(code(missing)).toBe('UNAUTHENTICATED');
      const foreign = await call(gateway, path, { body, token: forged });
      expect(foreign.status).toBe(401);
    }
    const head = await call(gateway, LEDGER, { method: 'HEAD' });
    expect(head.status).toBe(401);
    expect(head.text).toBe('');
  });

  it('refuses bad parameters with 400 and a field error for each, before asking any subgraph', async () => {
    const noId = await call(gateway, '/exports/ledger.xlsx', { token });
    expect(noId.status).toBe(400);
    expect(noId.body.errors[0].extensions).toEqual({
      code: 'EXPORT_INVALID_PARAMETERS',
      fieldErrors: [{ field: 'campaignId', message: 'required' }],
    });
    const weekly = await call(
      gateway,
      '/exports/weekly-report.docx?campaignId=x&weekDate=2023-02-30&agencyId=%00',
      { token },
    );
    expect(weekly.status).toBe(400);
    expect(weekly.body.errors[0].extensions.fieldErrors.map((f: { field: string }) => f.field)).toEqual([
      'campaignId',
      'weekDate',
      'agencyId',
    ]);
  });

  it('answers another method with 405 and the ones it takes, and an unknown download with 404', async () => {
    const post = await call(gateway, LEDGER, { token, body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(code(post)).toBe('METHOD_NOT_ALLOWED');
    const get = await call(gateway, '/exports/list.csv', { token });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const unknown = await call(gateway, '/exports/secrets.xlsx', { token });
    expect(unknown.status).toBe(404);
    expect(code(unknown)).toBe('NOT_FOUND');
  });

  it('takes a list request only as JSON naming a query, a list and its columns', async () => {
    const form = await call(gateway, '/exports/list.csv', { token, body: list(), contentType: 'text/plain' });
    expect(form.status).toBe(415);
    expect(code(form)).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await call(gateway, '/exports/list.csv', { token, body: '{"query":' });
    expect(broken.status).toBe(400);
    expect(code(broken)).toBe('BAD_REQUEST');
    const incomplete = await call(gateway, '/exports/list.csv', {
      token,
      body: JSON.stringify({
        query: '{ problems { title } }',
        list: 'problems; DROP',
        columns: [],
        extra: 1,
      }),
    });
    expect(incomplete.status).toBe(400);
    expect(code(incomplete)).toBe('EXPORT_INVALID_PARAMETERS');
    expect(incomplete.body.errors[0].extensions.fieldErrors.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['list', 'columns', 'body']),
    );
  });

  it('runs queries only, within the same operation limits as /graphql', async () => {
    const mutation = await call(gateway, '/exports/list.csv', {
      token,
      body: list({ query: 'mutation M { submitWeeklyReport(input: {}) { ok } }' }),
    });
    expect(mutation.status).toBe(400);
    expect(code(mutation)).toBe('EXPORT_QUERY_REQUIRED');
    const unparsable = await call(gateway, '/exports/list.csv', {
      token,
      body: list({ query: '{ problems {' }),
    });
    expect(unparsable.status).toBe(400);
    expect(code(unparsable)).toBe('GRAPHQL_PARSE_FAILED');
    // The parse error quotes the offending token; a 100 kB one is not sent back whole.
    const hugeToken = await call(gateway, '/exports/list.csv', {
      token,
      body: list({ query: `{ problems "${'x'.repeat(100_000)}" }` }),
    });
    expect(hugeToken.status).toBe(400);
    expect(code(hugeToken)).toBe('GRAPHQL_PARSE_FAILED');
    expect(hugeToken.text.length).toBeLessThan(2_000);
    const tooManyTokens = await call(gateway, '/exports/list.csv', {
      token,
      body: list({ query: `{ problems { ${'title '.repeat(1200)} } }` }),
    });
    expect(tooManyTokens.status).toBe(400);
    expect(code(tooManyTokens)).toBe('GRAPHQL_PARSE_FAILED');
    const deep = await call(gateway, '/exports/list.csv', {
      token,
      body: list({
        query: `{ problems { ${'measures { problem { '.repeat(6)}title${' } }'.repeat(6)} } }`,
      }),
    });
    expect(deep.status).toBe(400);
    expect(code(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliens = await call(gateway, '/exports/list.csv', {
      token,
      body: list({ query: '{ secrets { key } }' }),
    });
    expect(aliens.status).toBe(400);
    expect(code(aliens)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a subgraph that cannot be reached with a coded 503 and nothing internal', async () => {
    for (const path of [LEDGER, WEEKLY]) {
      const answer = await call(gateway, path, { token });
      expect(answer.status).toBe(503);
      expect(code(answer)).toBe('EXPORT_UNAVAILABLE');
      expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|at .*\.ts/);
    }
  });
});

describe('the export routes under the gateway limits', () => {
  it('spend the same per-person budget as /graphql (429 with Retry-After)', async () => {
    const gateway = await start({ hardening: { rateLimit: { burst: 2, perSecond: 0.01 } } });
    try {
      const token = await signUserToken(AUTH, principal(), 600);
      const graphql = await call(gateway, '/graphql', {
        token,
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(graphql.status).toBe(200);
      expect((await call(gateway, '/exports/ledger.xlsx', { token })).status).toBe(400);
      const refused = await call(gateway, LEDGER, { token });
      expect(refused.status).toBe(429);
      expect(code(refused)).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await gateway.stop();
    }
  });

  it('caps a list request body like a GraphQL one (413)', async () => {
    const gateway = await start({ maxBodyBytes: 2048 });
    try {
      const token = await signUserToken(AUTH, principal(), 600);
      const big = await call(gateway, '/exports/list.csv', {
        token,
        body: list({ variables: { pad: 'x'.repeat(4096) } }),
      });
      expect(big.status).toBe(413);
      expect(code(big)).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await gateway.stop();
    }
  });
});
