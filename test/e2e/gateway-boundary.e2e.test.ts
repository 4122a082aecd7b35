import { signUserToken } from '@eco/auth';
import { postGraphQL, startTestStack, TEST_AUTH, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

const SUBGRAPHS = ['agencies', 'inspections', 'rectification', 'supervision'] as const;

/** The gateway is the only way in, and what leaves it is a code and a message, never internals. */
describe('the gateway boundary', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack({ label: 'boundary', demo: 'all' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it.each(SUBGRAPHS)('the %s subgraph refuses a request without the gateway token', async (name) => {
    const response = await postGraphQL(t.stack.subgraphs[name].url, { query: '{ __typename }' });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a subgraph refuses a user token presented as the gateway token', async () => {
    const userToken = await t.tokenFor('xue-jialiang');
    const response = await postGraphQL(t.stack.subgraphs.rectification.url, {
      query: '{ problems { id } }',
      headers: { 'x-eco-gateway-token': userToken },
    });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
  });

  it('the gateway refuses a missing, malformed or foreign bearer token', async () => {
    const missing = await postGraphQL(t.gatewayUrl, { query: '{ me { id } }' });
    expect(missing.status).toBe(401);
    expect(missing.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const garbage = await postGraphQL(t.gatewayUrl, { query: '{ me { id } }', token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);

    const foreign = await signUserToken(
      { ...TEST_AUTH, hs256Secret: 'someone-elses-secret-0123456789abcdef' },
      { personId: crypto.randomUUID(), agencyId: crypto.randomUUID(), name: 'x', roles: ['BUREAU_CHIEF'] },
      60,
    );
    const forged = await postGraphQL(t.gatewayUrl, { query: '{ me { id } }', token: foreign });
    expect(forged.status).toBe(401);
  });

  it('ignores identity headers a client sends', async () => {
    const caolu = await t.tokenFor('demo-caolu');
    const bureauGatewayToken = await t.gatewayTokenFor('xue-jialiang');
    const response = await postGraphQL<{ me: { name: string }; problems: { id: string }[] }>(t.gatewayUrl, {
      query: '{ me { name } problems { id } }',
      token: caolu,
      headers: {
        'x-eco-gateway-token': bureauGatewayToken,
        'x-user-id': 'xue-jialiang',
        'x-agency-id': 'bureau',
      },
    });
    expect(response.data?.me.name).toBe('曹路镇联络员（演示）');
    // 曹路镇 is named on problem 1-1 only; the bureau would see all five.
    expect(response.data?.problems).toHaveLength(1);
  });

  it('the seed-003 demo data is what each township sees', async () => {
    // The demo measures reach the inboxes by event: wait until the last township has its tasks.
    const count = async (who: string) =>
      (await t.gql<{ myTasks: { totalCount: number } }>(await t.tokenFor(who), '{ myTasks { totalCount } }'))
        .data?.myTasks.totalCount;
    await waitFor("the demo tasks in the townships' inboxes", async () =>
      (await count('demo-zhuqiao')) === 4 && (await count('demo-caolu')) === 2 ? true : undefined,
    );
    const zhuqiao = { data: { myTasks: { totalCount: await count('demo-zhuqiao') } } };
    const caolu = { data: { myTasks: { totalCount: await count('demo-caolu') } } };
    const bureau = await t.gql<{
      problems: { displayNumber: string; leadLeader: { name: string }; measures: unknown[] }[];
    }>(
      await t.tokenFor('xue-jialiang'),
      '{ problems { displayNumber leadLeader { name } responsibleDepartment { name } measures { id } } }',
    );
    // 祝桥镇: measures 1-1.1, 1-1.2, 1-2.1, 1-2.3; 曹路镇: 1-1.1, 1-1.2.
    expect(zhuqiao.data?.myTasks.totalCount).toBe(4);
    expect(caolu.data?.myTasks.totalCount).toBe(2);
    expect(bureau.data?.problems.map((p) => [p.displayNumber, p.leadLeader.name, p.measures.length])).toEqual(
      [
        ['1-1 (21)', '薛加良', 2],
        ['1-2 (21)', '沈敏', 3],
        ['2 (36)', '薛加良', 2],
        ['3 (41)', '黄海华', 3],
      ],
    );
  });

  it('bad input gets a coded error and changes nothing', async () => {
    const office = await t.tokenFor('demo-rectification-office');
    const before = await t.gql<{ problems: unknown[] }>(office, '{ problems { id } }');
    const bad = await t.gql<{
      addMeasure: { ok: boolean; error: { code: string; fieldErrors: { field: string }[] } };
    }>(
      office,
      'mutation($input: AddMeasureInput!) { addMeasure(input: $input) { ok error { code message fieldErrors { field message } } measure { id } } }',
      { input: { problemId: 'nope', text: '', deadline: { kind: 'DATE_RANGE', dueOn: '2023-09-01' } } },
    );
    expect(bad.data?.addMeasure.ok).toBe(false);
    expect(bad.data?.addMeasure.error.code).toBe('RECTIFICATION_INVALID_INPUT');
    expect(bad.data?.addMeasure.error.fieldErrors.map((e) => e.field).sort()).toEqual([
      'deadline.startsOn',
      'problemId',
      'text',
    ]);

    const unknownProblem = await t.gql<{ addMeasure: { ok: boolean; error: { code: string } } }>(
      office,
      'mutation($input: AddMeasureInput!) { addMeasure(input: $input) { ok error { code } } }',
      { input: { problemId: crypto.randomUUID(), text: '措施', deadline: { kind: 'LONG_TERM' } } },
    );
    expect(unknownProblem.data?.addMeasure.error.code).toBe('PROBLEM_NOT_FOUND');

    const malformedId = await t.gql(office, '{ task(id: "not-an-id") { id } measure(id: "x") { id } }');
    expect(malformedId.errors).toBeUndefined();
    expect(malformedId.data).toEqual({ task: null, measure: null });

    const badFilter = await t.gql(office, '{ problems(campaignId: "x") { id } }');
    expect(badFilter.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const township = await t.gql<{ addMeasure: { ok: boolean; error: { code: string } } }>(
      await t.tokenFor('demo-zhuqiao'),
      'mutation($input: AddMeasureInput!) { addMeasure(input: $input) { ok error { code } } }',
      { input: { problemId: crypto.randomUUID(), text: '措施', deadline: { kind: 'LONG_TERM' } } },
    );
    expect(township.data?.addMeasure.error.code).toBe('FORBIDDEN');

    const after = await t.gql<{ problems: unknown[] }>(office, '{ problems { id } }');
    expect(after.data?.problems).toEqual(before.data?.problems);
  });

  it('caps the request body and rejects malformed JSON with a code', async () => {
    const token = await t.tokenFor('xue-jialiang');
    const huge = await fetch(t.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(400_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(
      ((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');

    const broken = await fetch(t.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
  });

  it('every service answers its health and readiness probes', async () => {
    for (const url of [t.gatewayUrl, ...SUBGRAPHS.map((name) => t.stack.subgraphs[name].url)]) {
      expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);
      expect((await fetch(url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
    }
  });

  it('an unexpected failure reaches the caller as a code and a message, with no internals', async () => {
    const supervision = t.stack.subgraphs.supervision;
    for (const pool of new Set([supervision.readDataSource, supervision.runtime.dataSource]))
      await pool.destroy();
    const response = await t.gql(await t.tokenFor('xue-jialiang'), '{ supervisionItems { id } }');
    expect(response.errors?.[0]).toEqual(
      expect.objectContaining({ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    );
    const text = JSON.stringify(response);
    for (const leak of ['stack', 'DataSource', 'SELECT', '/work/', 'node_modules', '127.0.0.1'])
      expect(text).not.toContain(leak);
    const ready = await fetch(t.stack.subgraphs.supervision.url.replace(/\/graphql$/, '/ready'));
    expect(ready.status).toBe(503);
  });
});
