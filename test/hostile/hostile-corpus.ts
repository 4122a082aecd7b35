import { isInputObjectType, getNullableType } from 'graphql';
import type { RawRequest } from './hostile-client';
import { forgedTokens } from './forged-tokens';
import {
  HOSTILE_DATES,
  HOSTILE_DATE_TIMES,
  HOSTILE_ENUMS,
  HOSTILE_IDS,
  HOSTILE_INTS,
  HOSTILE_STRINGS,
  RawJson,
  stringifyWithRaw,
} from './hostile-values';
import {
  hostileLeafValues,
  leafVariant,
  leavesOf,
  listsOf,
  mutationTargets,
  plausibleValue,
  structuralVariants,
  valueAt,
  wrongTypeLeafValue,
} from './mutation-fuzz';
import type { IdPools, MutationTarget, MutationVariant } from './mutation-fuzz';

/**
 * What the gateway must do with an operation:
 * - `reject`: refuse it (4xx, or a coded error / `ok: false`), never run it;
 * - `unauthenticated`: refuse it with 401 before anything runs;
 * - `any`: accept or refuse, as long as it is answered with no 5xx, no internal error and no leak.
 */
export type Expectation = 'reject' | 'unauthenticated' | 'any';

export interface HostileOperation {
  family: string;
  name: string;
  request: RawRequest;
  expect: Expectation;
  /** A mutation: refused, it must leave this subgraph's tables as they were. */
  mutationOf?: string;
  /** The answer's data must equal this request's (a forged identity changes nothing). */
  control?: RawRequest;
}

export interface CorpusContext {
  tokens: { bureau: string; office: string; partner: string };
  /** The partner's claims, for forging tokens that differ from a good one in one way. */
  partnerClaims: Record<string, unknown>;
  /** A valid gateway→subgraph token of the bureau chief: what a forger would most like to replay. */
  bureauGatewayToken: string;
  pools: IdPools;
}

/** A small seeded generator (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

type Random = ReturnType<typeof seededRandom>;

function post(
  token: string | null,
  query: string,
  variables?: unknown,
  headers: Record<string, string> = {},
): RawRequest {
  return {
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: stringifyWithRaw(variables === undefined ? { query } : { query, variables }),
  };
}

/** A selection exactly `depth` levels deep that fans out through agency ↔ people. */
function nested(depth: number): string {
  const levels = Math.max(0, depth - 2);
  let open = '';
  for (let i = 0; i < levels; i++) open += `${i % 2 === 0 ? 'agency' : 'people'} { `;
  return `{ me { ${open}id${' }'.repeat(levels)} } }`;
}

function shapeOperations(ctx: CorpusContext): HostileOperation[] {
  const token = ctx.tokens.bureau;
  const ops: HostileOperation[] = [];
  const op = (name: string, query: string, expect: Expectation, variables?: unknown) =>
    ops.push({ family: 'operation shape', name, request: post(token, query, variables), expect });

  for (const depth of [11, 12, 16, 32, 64, 200, 600]) op(`depth ${depth}`, nested(depth), 'reject');
  op('depth at the limit, fanning out', nested(10), 'any');
  op(
    'deep through fragments',
    `{ me { ...A } } ${[...Array(12)].map((_, i) => `fragment ${i ? `F${i}` : 'A'} on ${i % 2 ? 'Agency' : 'Person'} { ${i % 2 ? 'people' : 'agency'} { ...F${i + 1} } }`).join(' ')} fragment F12 on Person { id }`,
    'reject',
  );
  op('fragment cycle', '{ me { ...A } } fragment A on Person { agency { people { ...A } } }', 'reject');
  op('self-spreading fragment', '{ me { ...A } } fragment A on Person { ...A }', 'reject');
  const laughs = [...Array(20)].map((_, i) =>
    i === 0
      ? 'fragment L0 on Query { __typename me { id } }'
      : `fragment L${i} on Query { ...L${i - 1} ...L${i - 1} }`,
  );
  op('fragment bomb (2^19 spreads)', `{ ...L19 } ${laughs.join(' ')}`, 'any');
  for (const n of [51, 100, 200, 900])
    op(`${n} aliases`, `{ ${[...Array(n)].map((_, i) => `a${i}: me { id }`).join(' ')} }`, 'reject');
  op(
    '50 aliases of a list',
    `{ ${[...Array(50)].map((_, i) => `a${i}: problems { measures { id } }`).join(' ')} }`,
    'any',
  );
  op('aliased __typename', `{ ${[...Array(300)].map((_, i) => `t${i}: __typename`).join(' ')} }`, 'any');
  op('same field 900 times', `{ me { ${'id '.repeat(900)}} }`, 'any');
  op('same field 2000 times', `{ me { ${'id '.repeat(2000)}} }`, 'reject');
  op(
    '11 directives',
    `{ ${[...Array(11)].map((_, i) => `a${i}: __typename @include(if: true)`).join(' ')} }`,
    'reject',
  );
  op(
    'a repeated directive',
    `{ me @include(if: true) @include(if: true) @skip(if: false) { id } }`,
    'reject',
  );
  op('unknown directive', '{ me @deprecated { id } }', 'reject');
  op('huge literal list', `{ agencies(kinds: [${'TOWNSHIP, '.repeat(2000)}]) { id } }`, 'reject');
  op('200 kB string literal', `{ problem(id: "${'x'.repeat(200_000)}") { id } }`, 'any');
  op('string literal with NUL escape', '{ problem(id: "\\u0000") { id } }', 'any');
  op('invalid escape', '{ problem(id: "\\x41") { id } }', 'reject');
  op('unterminated string', '{ problem(id: "abc) { id } }', 'reject');
  op('unknown field', '{ secrets { password } }', 'reject');
  op('unknown argument', '{ me(asUser: "xue-jialiang") { id } }', 'reject');
  op('scalar with a selection', '{ me { id { x } } }', 'reject');
  op('object without a selection', '{ me }', 'reject');
  op('syntax garbage', '}{ ][ ::: @@@', 'reject');
  op('only a comment', '# nothing here', 'reject');
  op('empty query', '', 'reject');
  op('NUL in the document', '{ me { id } }\u0000', 'reject');
  op('control characters in the document', '{ me\u0001 { id } }', 'reject');
  op('BOM and zero-width characters', '\ufeff{ me { id\u200b } }', 'reject');
  op('two anonymous operations', '{ me { id } } { problems { id } }', 'reject');
  op('two operations, no name chosen', 'query A { me { id } } query B { problems { id } }', 'reject');
  op('subscription', 'subscription { me { id } }', 'reject');
  op('introspection', '{ __schema { types { name fields { name } } } }', 'reject');
  op('introspection of a type', '{ __type(name: "Problem") { fields { name type { name } } } }', 'reject');
  op(
    'introspection, deep',
    `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }`,
    'reject',
  );
  op(
    'federation _entities',
    '{ _entities(representations: [{ __typename: "Problem", id: "x" }]) { __typename } }',
    'reject',
  );
  op('federation _service', '{ _service { sdl } }', 'reject');
  op('variable of an unknown type', 'query($x: Secret) { me { id } }', 'reject', { x: 1 });
  op('undeclared variable', '{ problem(id: $id) { id } }', 'reject', { id: 'x' });
  op('unused variables', 'query($id: ID) { me { id } }', 'any', { id: 'x', other: 'x'.repeat(1000) });
  op('variables with a deep object', 'query($id: ID) { problem(id: $id) { id } }', 'reject', {
    id: JSON.parse('{"a":'.repeat(2000) + '1' + '}'.repeat(2000)),
  });
  const named = (name: string, query: string, operationName: unknown): HostileOperation => ({
    family: 'operation shape',
    name,
    request: {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, operationName }),
    },
    expect: 'reject',
  });
  ops.push(
    named('unknown operation name', 'query A { me { id } }', 'B'),
    named('operation name with NUL', 'query A { me { id } }', 'A\u0000'),
    named('operation name not a string', 'query A { me { id } }', { name: 'A' }),
  );
  return ops;
}

/** Read paths with a hostile argument: ids, page sizes, cursors, dates, enums, huge lists. */
function scalarTemplates(ctx: CorpusContext): {
  name: string;
  query: string;
  variable: string;
  values: readonly unknown[];
  fixed?: Record<string, unknown>;
  token: string;
}[] {
  const { bureau, office, partner } = ctx.tokens;
  const campaign = ctx.pools['campaign']?.[0] ?? crypto.randomUUID();
  const byIdFields = [
    'problem',
    'measure',
    'task',
    'finding',
    'inspectionRound',
    'supervisionItem',
    'agency',
    'rectificationCampaign',
  ];
  const largeList = (value: unknown) => new Array(20_000).fill(value);
  return [
    ...byIdFields.map((field) => ({
      name: `${field}(id)`,
      query: `query($v: ID!) { ${field}(id: $v) { id } }`,
      variable: 'v',
      values: HOSTILE_IDS,
      token: field === 'task' ? partner : bureau,
    })),
    {
      name: 'problems(campaignId)',
      query: 'query($v: ID) { problems(campaignId: $v) { id } }',
      variable: 'v',
      values: HOSTILE_IDS,
      token: office,
    },
    {
      name: 'agencyTasks(agencyId)',
      query: 'query($v: ID!) { agencyTasks(agencyId: $v) { totalCount } }',
      variable: 'v',
      values: HOSTILE_IDS,
      token: partner,
    },
    {
      name: 'myTasks(first)',
      query: 'query($v: Int) { myTasks(first: $v) { totalCount } }',
      variable: 'v',
      values: [...HOSTILE_INTS, 201, 200],
      token: partner,
    },
    {
      name: 'myTasks(after)',
      query: 'query($v: String) { myTasks(after: $v) { totalCount } }',
      variable: 'v',
      values: [
        ...HOSTILE_STRINGS,
        Buffer.from('{"t":"2024-01-01","id":"1 OR 1=1"}').toString('base64url'),
        Buffer.from('["\\u0000", 9007199254740993]').toString('base64url'),
        Buffer.from('x'.repeat(5000)).toString('base64'),
        '=====',
      ],
      token: partner,
    },
    {
      name: 'myTasks(dueBefore)',
      query: 'query($v: DateTime) { myTasks(filter: { dueBefore: $v }) { totalCount } }',
      variable: 'v',
      values: HOSTILE_DATE_TIMES,
      token: partner,
    },
    {
      name: 'myTasks(dueAfter)',
      query: 'query($v: DateTime) { myTasks(filter: { dueAfter: $v }) { totalCount } }',
      variable: 'v',
      values: HOSTILE_DATE_TIMES,
      token: partner,
    },
    {
      name: 'myTasks(status)',
      query: 'query($v: [CoordinationTaskStatus!]) { myTasks(filter: { status: $v }) { totalCount } }',
      variable: 'v',
      values: [...HOSTILE_ENUMS, [], largeList('OPEN'), [null]],
      token: partner,
    },
    {
      name: 'agencies(kinds)',
      query: 'query($v: [AgencyKind!]) { agencies(kinds: $v) { id } }',
      variable: 'v',
      values: [...HOSTILE_ENUMS, [], largeList('TOWNSHIP')],
      token: bureau,
    },
    {
      name: 'supervisionItems(category)',
      query: 'query($v: SupervisionCategory) { supervisionItems(category: $v) { id } }',
      variable: 'v',
      values: HOSTILE_ENUMS,
      token: bureau,
    },
    {
      name: 'directLineItems(status)',
      query: 'query($v: DirectLineItemStatus) { directLineItems(status: $v) { id } }',
      variable: 'v',
      values: HOSTILE_ENUMS,
      token: bureau,
    },
    {
      name: 'weeklyReportWeeks(from)',
      query:
        'query($c: ID!, $v: Date!, $t: Date!) { weeklyReportWeeks(campaignId: $c, from: $v, to: $t) { weekDate } }',
      variable: 'v',
      values: HOSTILE_DATES,
      fixed: { c: campaign, t: '2024-12-31' },
      token: office,
    },
    {
      name: 'weeklyReportWeeks(to)',
      query:
        'query($c: ID!, $f: Date!, $v: Date!) { weeklyReportWeeks(campaignId: $c, from: $f, to: $v) { weekDate } }',
      variable: 'v',
      values: HOSTILE_DATES,
      fixed: { c: campaign, f: '2024-01-01' },
      token: office,
    },
    {
      name: 'weeklyReportWeeks over ten thousand years',
      query:
        'query($c: ID!, $f: Date!, $v: Date!) { weeklyReportWeeks(campaignId: $c, from: $f, to: $v) { weekDate } }',
      variable: 'v',
      values: ['9999-12-31'],
      fixed: { c: campaign, f: '0001-01-01' },
      token: office,
    },
    {
      name: 'weeklyReportWeeks(asOf)',
      query:
        'query($c: ID!, $v: DateTime) { weeklyReportWeeks(campaignId: $c, from: "2024-01-01", to: "2024-02-01", asOf: $v) { weekDate } }',
      variable: 'v',
      values: HOSTILE_DATE_TIMES,
      fixed: { c: campaign },
      token: office,
    },
    {
      name: 'weeklyBureauReport(weekDate)',
      query: 'query($c: ID!, $v: Date!) { weeklyBureauReport(campaignId: $c, weekDate: $v) { weekDate } }',
      variable: 'v',
      values: HOSTILE_DATES,
      fixed: { c: campaign },
      token: office,
    },
    {
      name: 'progressNotice(asOf)',
      query: 'query($c: ID!, $v: Date!) { progressNotice(campaignId: $c, asOf: $v) { __typename } }',
      variable: 'v',
      values: HOSTILE_DATES,
      fixed: { c: campaign },
      token: office,
    },
    {
      name: 'rectificationLedger(campaignId)',
      query: 'query($v: ID!) { rectificationLedger(campaignId: $v) { __typename } }',
      variable: 'v',
      values: HOSTILE_IDS,
      token: office,
    },
  ];
}

function scalarOperations(ctx: CorpusContext): HostileOperation[] {
  return scalarTemplates(ctx).flatMap((template) =>
    template.values.map((value, i) => ({
      family: 'bad scalars',
      name: `${template.name} #${i}`,
      request: post(template.token, template.query, { ...template.fixed, [template.variable]: value }),
      expect: 'any' as const,
    })),
  );
}

function transportOperations(ctx: CorpusContext): HostileOperation[] {
  const auth = { authorization: `Bearer ${ctx.tokens.bureau}` };
  const json = { 'content-type': 'application/json', ...auth };
  const q = JSON.stringify({ query: '{ me { id } }' });
  const mutation = 'mutation { acknowledgeTask(input: { taskId: "x" }) { ok } }';
  const get = (query: string, extra = '') => `/graphql?query=${encodeURIComponent(query)}${extra}`;
  const ops: [string, RawRequest, Expectation][] = [
    [
      'JSON batch of two',
      { headers: json, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ problems { id } }' }]) },
      'reject',
    ],
    [
      'JSON batch of 500',
      { headers: json, body: JSON.stringify(new Array(500).fill({ query: '{ me { id } }' })) },
      'reject',
    ],
    ['empty JSON batch', { headers: json, body: '[]' }, 'reject'],
    [
      'GET without the preflight header',
      { method: 'GET', target: get('{ me { id } }'), headers: auth },
      'reject',
    ],
    [
      'GET mutation without the preflight header',
      { method: 'GET', target: get(mutation), headers: auth },
      'reject',
    ],
    [
      'GET mutation with the preflight header',
      { method: 'GET', target: get(mutation), headers: { ...auth, 'apollo-require-preflight': 'true' } },
      'reject',
    ],
    [
      'GET with malformed variables',
      {
        method: 'GET',
        target: get('query($id: ID!) { problem(id: $id) { id } }', '&variables=%7Bnope'),
        headers: { ...auth, 'apollo-require-preflight': 'true' },
      },
      'reject',
    ],
    [
      'GET with a repeated query parameter',
      {
        method: 'GET',
        target: `${get('{ me { id } }')}&query=${encodeURIComponent('{ problems { id } }')}`,
        headers: { ...auth, 'apollo-require-preflight': 'true' },
      },
      'reject',
    ],
    [
      'text/plain POST without the preflight header',
      { headers: { ...auth, 'content-type': 'text/plain' }, body: q },
      'reject',
    ],
    [
      'form POST without the preflight header',
      {
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent('{ me { id } }')}`,
      },
      'reject',
    ],
    [
      'multipart POST without the preflight header',
      {
        headers: { ...auth, 'content-type': 'multipart/form-data; boundary=x' },
        body: `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${q}\r\n--x--`,
      },
      'reject',
    ],
    ['POST with no content type', { headers: auth, body: q }, 'reject'],
    ['truncated JSON', { headers: json, body: '{"query": "{ me { id } ' }, 'reject'],
    [
      'JSON with NaN',
      {
        headers: json,
        body: '{"query": "query($n: Int) { myTasks(first: $n) { totalCount } }", "variables": {"n": NaN}}',
      },
      'reject',
    ],
    [
      'JSON with Infinity',
      {
        headers: json,
        body: '{"query": "query($n: Int) { myTasks(first: $n) { totalCount } }", "variables": {"n": Infinity}}',
      },
      'reject',
    ],
    ['JSON with single quotes', { headers: json, body: "{'query': '{ me { id } }'}" }, 'reject'],
    ['JSON with trailing comma', { headers: json, body: '{"query": "{ me { id } }",}' }, 'reject'],
    ['JSON with a BOM', { headers: json, body: `\ufeff${q}` }, 'any'],
    ['JSON null', { headers: json, body: 'null' }, 'reject'],
    ['JSON string', { headers: json, body: '"{ me { id } }"' }, 'reject'],
    ['JSON number', { headers: json, body: '9007199254740993' }, 'reject'],
    ['JSON true', { headers: json, body: 'true' }, 'reject'],
    ['query is a number', { headers: json, body: '{"query": 1}' }, 'reject'],
    ['query is an object', { headers: json, body: '{"query": {"kind": "Document"}}' }, 'reject'],
    ['query is null', { headers: json, body: '{"query": null}' }, 'reject'],
    ['no query', { headers: json, body: '{"variables": {}}' }, 'reject'],
    [
      'variables a string',
      { headers: json, body: '{"query": "{ me { id } }", "variables": "{}"}' },
      'reject',
    ],
    ['variables a list', { headers: json, body: '{"query": "{ me { id } }", "variables": [1]}' }, 'reject'],
    [
      'extensions a string',
      { headers: json, body: '{"query": "{ me { id } }", "extensions": "x"}' },
      'reject',
    ],
    [
      'persisted query hash only',
      {
        headers: json,
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
      },
      'reject',
    ],
    [
      'persisted query with a query',
      {
        headers: json,
        body: JSON.stringify({
          query: '{ me { id } }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
        }),
      },
      'reject',
    ],
    [
      'deeply nested JSON arrays',
      {
        headers: json,
        body: `{"query": "{ me { id } }", "variables": {"x": ${'['.repeat(60_000)}${']'.repeat(60_000)}}}`,
      },
      'any',
    ],
    [
      // A custom scalar takes any JSON at the gateway; forwarding 50,000 levels overflowed its stack.
      'a date nested 50,000 arrays deep',
      {
        headers: json,
        body: `{"query": "query($f: TaskFilter) { myTasks(filter: $f) { totalCount } }", "variables": {"f": {"dueBefore": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`,
      },
      'reject',
    ],
    [
      'deeply nested JSON objects',
      {
        headers: json,
        body: `{"query": "{ me { id } }", "extensions": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`,
      },
      'any',
    ],
    [
      'invalid UTF-8',
      {
        headers: json,
        body: Buffer.concat([
          Buffer.from('{"query": "{ me { id } }", "x": "'),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from('"}'),
        ]),
      },
      'any',
    ],
    ['UTF-16 body', { headers: json, body: Buffer.from(q, 'utf16le') }, 'reject'],
    [
      'oversized body (300 kB)',
      {
        headers: json,
        body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(300_000) } }),
      },
      'reject',
    ],
    [
      'oversized body (2 MB)',
      { headers: json, body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(2_000_000)}` }) },
      'reject',
    ],
    [
      'a body claiming 50 MB',
      { headers: { ...json, 'content-length': String(50 * 1024 * 1024) }, body: '' },
      'reject',
    ],
    ['PUT', { method: 'PUT', headers: json, body: q }, 'reject'],
    ['DELETE', { method: 'DELETE', headers: json }, 'reject'],
    ['PATCH', { method: 'PATCH', headers: json, body: q }, 'reject'],
    [
      'OPTIONS',
      {
        method: 'OPTIONS',
        headers: { ...auth, origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      },
      'reject',
    ],
    ['TRACE', { method: 'TRACE', headers: auth }, 'reject'],
    ['unknown path', { target: '/admin', headers: json, body: q }, 'reject'],
    ['path traversal', { target: '/graphql/../../etc/passwd', headers: json, body: q }, 'reject'],
    ['encoded path', { target: '/%67raphql%00', headers: json, body: q }, 'reject'],
    ['malformed request target', { target: '//', headers: json, body: q }, 'reject'],
    ['absolute-form target', { target: 'http://internal.example/graphql', headers: json, body: q }, 'any'],
    ['huge header', { headers: { ...json, cookie: 'a='.concat('x'.repeat(20_000)) }, body: q }, 'reject'],
    [
      'many headers',
      {
        headers: { ...json, ...Object.fromEntries([...Array(150)].map((_, i) => [`x-h${i}`, 'y'])) },
        body: q,
      },
      'any',
    ],
  ];
  return ops.map(([name, request, expect]) => ({ family: 'transport', name, request, expect }));
}

function authOperations(ctx: CorpusContext): HostileOperation[] {
  const query = JSON.stringify({ query: '{ me { id name } problems { id } }' });
  const request = (authorization?: string, extra: Record<string, string> = {}): RawRequest => ({
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
      ...extra,
    },
    body: query,
  });
  const ops: [string, RawRequest][] = [
    ...forgedTokens(ctx.partnerClaims).map(({ name, token }): [string, RawRequest] => [
      name,
      request(`Bearer ${token}`),
    ]),
    ['no token', request()],
    ['empty bearer', request('Bearer ')],
    ['bearer only', request('Bearer')],
    ['basic auth', request(`Basic ${Buffer.from('admin:admin').toString('base64')}`)],
    ['token without the scheme', request(ctx.tokens.bureau)],
    ['two tokens', request(`Bearer ${ctx.tokens.partner} ${ctx.tokens.bureau}`)],
    ['token in the query string', { ...request(), target: `/graphql?access_token=${ctx.tokens.bureau}` }],
    ['token in a cookie', request(undefined, { cookie: `token=${ctx.tokens.bureau}` })],
    ['the gateway token as a bearer token', request(`Bearer ${ctx.bureauGatewayToken}`)],
    ['the gateway token header alone', request(undefined, { 'x-eco-gateway-token': ctx.bureauGatewayToken })],
    [
      'identity headers alone',
      request(undefined, { 'x-user-id': 'xue-jialiang', 'x-roles': 'BUREAU_CHIEF' }),
    ],
  ];
  return ops.map(([name, req]) => ({
    family: 'authentication',
    name,
    request: req,
    expect: 'unauthenticated' as const,
  }));
}

function forgedIdentityOperations(ctx: CorpusContext): HostileOperation[] {
  const query = '{ me { id name agency { id } } problems { id } myTasks { totalCount } }';
  const control = post(ctx.tokens.partner, query);
  const sets: [string, Record<string, string>][] = [
    ["the bureau chief's gateway token", { 'x-eco-gateway-token': ctx.bureauGatewayToken }],
    ['a forged gateway token', { 'x-eco-gateway-token': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }],
    [
      'x-user-id and friends',
      {
        'x-user-id': '00000000-0000-0000-0000-000000000001',
        'x-agency-id': 'bureau',
        'x-roles': 'BUREAU_CHIEF',
        'x-user-roles': 'BUREAU_CHIEF',
      },
    ],
    [
      'x-forwarded-user',
      { 'x-forwarded-user': 'xue-jialiang', 'x-remote-user': 'xue-jialiang', 'remote-user': 'admin' },
    ],
    [
      'x-forwarded-for',
      { 'x-forwarded-for': '10.0.0.1, 127.0.0.1', 'x-real-ip': '127.0.0.1', forwarded: 'for=127.0.0.1' },
    ],
    ['x-principal JSON', { 'x-principal': JSON.stringify({ personId: 'x', roles: ['BUREAU_CHIEF'] }) }],
    [
      'apollo headers',
      {
        'apollographql-client-name': 'internal',
        'x-apollo-operation-name': 'Admin',
        'apollo-federation-include-trace': 'ftv1',
      },
    ],
    ['x-internal and x-admin', { 'x-internal': 'true', 'x-admin': '1', 'x-debug': '1' }],
    [
      'host override',
      { 'x-forwarded-host': 'rectification.internal', 'x-original-url': '/admin', 'x-rewrite-url': '/admin' },
    ],
  ];
  return sets.map(([name, headers]) => ({
    family: 'forged identity',
    name,
    request: post(ctx.tokens.partner, query, undefined, headers),
    expect: 'any' as const,
    control,
  }));
}

interface PreparedTarget {
  target: MutationTarget;
  base: Record<string, unknown>;
}

function prepareTargets(ctx: CorpusContext, random: Random): PreparedTarget[] {
  return mutationTargets().map((target) => ({
    target,
    base: Object.fromEntries(
      target.args.map((a) => [a.name, plausibleValue(a.type, a.name, ctx.pools, random.pick)]),
    ),
  }));
}

/** Whose token a mutation runs with: in turn the bureau chief, the office and a township. */
function mutationToken(ctx: CorpusContext, index: number): string {
  return [ctx.tokens.bureau, ctx.tokens.office, ctx.tokens.partner][index % 3]!;
}

function mutationOperation(
  ctx: CorpusContext,
  prepared: PreparedTarget,
  variant: MutationVariant,
  expect: Expectation,
  index: number,
): HostileOperation {
  return {
    family: 'mutations',
    name: `${prepared.target.field}: ${variant.label}`,
    request: post(mutationToken(ctx, index), prepared.target.document, variant.variables),
    expect,
    mutationOf: prepared.target.subgraph,
  };
}

/** Every mutation of every subgraph: structural faults, then one fault per leaf and per list. */
function mutationOperations(ctx: CorpusContext, targets: PreparedTarget[]): HostileOperation[] {
  const ops: HostileOperation[] = [];
  let index = 0;
  for (const prepared of targets) {
    const { target, base } = prepared;
    for (const variant of structuralVariants(target, base))
      ops.push(mutationOperation(ctx, prepared, variant, 'reject', index++));
    ops.push(mutationOperation(ctx, prepared, { label: 'plausible input', variables: base }, 'any', index++));
    for (const arg of target.args) {
      for (const [n, leaf] of leavesOf(arg.type).entries()) {
        ops.push(
          mutationOperation(
            ctx,
            prepared,
            leafVariant(base, arg.name, leaf.path, wrongTypeLeafValue(leaf), 'of the wrong type'),
            'reject',
            index++,
          ),
        );
        const values = hostileLeafValues(leaf);
        const value = values[(n * 7 + index) % values.length];
        ops.push(
          mutationOperation(
            ctx,
            prepared,
            leafVariant(base, arg.name, leaf.path, value, 'hostile'),
            'any',
            index++,
          ),
        );
      }
      if (!isInputObjectType(getNullableType(arg.type))) continue;
      for (const path of listsOf(arg.type)) {
        const element = valueAt(base[arg.name], [...path, 0]);
        ops.push(
          mutationOperation(
            ctx,
            prepared,
            leafVariant(base, arg.name, path, new Array(1000).fill(element), '1000 elements'),
            'any',
            index++,
          ),
        );
        ops.push(
          mutationOperation(
            ctx,
            prepared,
            leafVariant(base, arg.name, path, [null], 'a null element'),
            'reject',
            index++,
          ),
        );
      }
    }
  }
  return ops;
}

/** More of the same, drawn at random: hostile values in mutation leaves and read arguments. */
function fuzzOperation(
  ctx: CorpusContext,
  targets: PreparedTarget[],
  random: Random,
  index: number,
): HostileOperation {
  if (random.next() < 0.7 && targets.length > 0) {
    const prepared = random.pick(targets);
    const arg = random.pick(prepared.target.args);
    const leaves = leavesOf(arg.type);
    const leaf = random.pick(leaves);
    const value = random.pick(hostileLeafValues(leaf));
    return {
      ...mutationOperation(
        ctx,
        prepared,
        leafVariant(prepared.base, arg.name, leaf.path, value, 'fuzzed'),
        'any',
        index,
      ),
      family: 'mutations (fuzzed)',
    };
  }
  const template = random.pick(scalarTemplates(ctx));
  const value =
    random.next() < 0.8
      ? random.pick(template.values)
      : new RawJson(String(random.int(-2_000_000_000, 2_000_000_000) * 4096));
  return {
    family: 'bad scalars (fuzzed)',
    name: `${template.name} fuzzed`,
    request: post(template.token, template.query, { ...template.fixed, [template.variable]: value }),
    expect: 'any',
  };
}

/**
 * The corpus: every fixed case once (each family, every mutation of the supergraph), then random
 * cases from `seed` up to `size` operations.
 */
export function buildCorpus(ctx: CorpusContext, size: number, seed: number): HostileOperation[] {
  const random = seededRandom(seed);
  const targets = prepareTargets(ctx, random);
  const corpus = [
    ...shapeOperations(ctx),
    ...scalarOperations(ctx),
    ...transportOperations(ctx),
    ...authOperations(ctx),
    ...forgedIdentityOperations(ctx),
    ...mutationOperations(ctx, targets),
  ];
  for (let i = corpus.length; i < size; i++) corpus.push(fuzzOperation(ctx, targets, random, i));
  return corpus;
}

/** Every string the corpus may send, so the leak scan can tell an echo from a leak. */
export function sentStrings(corpus: HostileOperation[]): string[] {
  const strings = new Set<string>(HOSTILE_STRINGS);
  for (const value of [...HOSTILE_IDS, ...HOSTILE_DATES, ...HOSTILE_DATE_TIMES, ...HOSTILE_ENUMS])
    if (typeof value === 'string') strings.add(value);
  for (const op of corpus) {
    const body = op.request.body;
    if (typeof body !== 'string') continue;
    try {
      const parsed = JSON.parse(body) as { query?: unknown };
      if (typeof parsed.query === 'string') strings.add(parsed.query);
    } catch {
      strings.add(body);
    }
  }
  return [...strings];
}
