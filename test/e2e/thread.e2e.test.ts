import { agencyIdOf } from '@eco/demo-data';
import { postGraphQL, startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

/**
 * The thread that makes four subgraphs one system (issue #2, §6), through the gateway, on real
 * PostgreSQL and NATS JetStream: finding → problem → measure → township task → acknowledgement and
 * progress → the measure's timeline; and another township sees none of it.
 */
describe('a finding travels to a township and its progress comes back', () => {
  let t: TestStack;
  let office: string;
  let zhuqiao: string;
  let caolu: string;
  const zhuqiaoId = agencyIdOf('zhuqiao');
  const ids: { round?: string; finding?: string; problem?: string; measure?: string; task?: string } = {};

  beforeAll(async () => {
    t = await startTestStack({ label: 'thread', demo: 'directory' });
    office = await t.tokenFor('demo-rectification-office');
    zhuqiao = await t.tokenFor('demo-zhuqiao');
    caolu = await t.tokenFor('demo-caolu');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
    expect(t.stack.transport.kind).toBe(t.fallback ? t.stack.transport.kind : 'jetstream');
  });

  it('1. records a finding in an inspection round and confirms it', async () => {
    const round = await t.gql<{ createInspectionRound: { ok: boolean; round: { id: string } } }>(
      office,
      `mutation($input: CreateInspectionRoundInput!) { createInspectionRound(input: $input) { ok error { code } round { id } } }`,
      { input: { name: '2023年内部巡察', roundNumber: 3, startYear: 2021, endYear: 2023, year: 2023 } },
    );
    expect(round.data?.createInspectionRound.ok).toBe(true);
    ids.round = round.data!.createInspectionRound.round.id;

    const recorded = await t.gql<{
      recordFinding: { ok: boolean; finding: { id: string; status: string; number: string } };
    }>(
      office,
      `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { ok error { code message } finding { id status number } } }`,
      {
        input: {
          roundId: ids.round,
          targetAgencyId: agencyIdOf('waste-centre'),
          category: '内控、招投标和预算执行',
          title: '中转站转运项目未经公开招投标续签',
          description: '张江中转站生活垃圾转运项目协议到期后，未经上会和公开招投标，两次续签合同。',
        },
      },
    );
    expect(recorded.data?.recordFinding).toMatchObject({
      ok: true,
      finding: { status: 'DRAFT', number: '1' },
    });
    ids.finding = recorded.data!.recordFinding.finding.id;

    const confirmed = await t.gql<{ confirmFinding: { ok: boolean; finding: { status: string } } }>(
      office,
      `mutation($id: ID!) { confirmFinding(input: { findingId: $id }) { ok error { code } finding { status confirmedAt } } }`,
      { id: ids.finding },
    );
    expect(confirmed.data?.confirmFinding).toMatchObject({ ok: true, finding: { status: 'CONFIRMED' } });
  });

  it('2. opens a rectification problem linked to the finding, by event', async () => {
    const problem = await waitFor('the problem opened from the finding', async () => {
      const response = await t.gql<{
        finding: { problem: { id: string; title: string; sourceFinding: { id: string } } | null };
      }>(
        office,
        `query($id: ID!) { finding(id: $id) { problem { id title status sourceFinding { id } responsibleDepartment { name } } } }`,
        { id: ids.finding },
      );
      return response.data?.finding.problem ?? undefined;
    });
    expect(problem).toMatchObject({
      title: '中转站转运项目未经公开招投标续签',
      status: 'OPEN',
      sourceFinding: { id: ids.finding },
      responsibleDepartment: { name: '废管中心' },
    });
    ids.problem = problem.id;
  });

  it('3. the rectification office adds a measure naming 祝桥镇', async () => {
    const added = await t.gql<{ addMeasure: { ok: boolean; measure: { id: string } } }>(
      office,
      `mutation($input: AddMeasureInput!) {
        addMeasure(input: $input) { ok error { code message fieldErrors { field message } } measure { id status deadline { kind dueOn label } dueAt } }
      }`,
      {
        input: {
          problemId: ids.problem,
          text: '督促相关单位补充审议招标事宜，并纳入年度招标计划。',
          coordinatingAgencyIds: [zhuqiaoId],
          deadline: { kind: 'MONTH_END', dueOn: '2023-09-15' },
        },
      },
    );
    expect(added.data?.addMeasure).toMatchObject({
      ok: true,
      measure: {
        status: 'NOT_STARTED',
        deadline: { kind: 'MONTH_END', dueOn: '2023-09-30', label: '9月底' },
      },
    });
    ids.measure = added.data!.addMeasure.measure.id;
  });

  it('4–5. 祝桥镇 sees, in one query, its task with the measure, problem and finding', async () => {
    const query = `{ myTasks(first: 10) { totalCount edges { node {
        id status title agency { name }
        measure { id text deadline { label } }
        problem { id title displayNumber }
        finding { id title description round { name } }
    } } } }`;
    const tasks = await waitFor('the task in 祝桥镇 inbox (and the finding visible to it)', async () => {
      const response = await t.gql<{
        myTasks: { totalCount: number; edges: { node: Record<string, any> }[] };
      }>(zhuqiao, query);
      const node = response.data?.myTasks.edges[0]?.node;
      return node?.finding ? response : undefined;
    });
    expect(tasks.errors).toBeUndefined();
    expect(tasks.data!.myTasks.totalCount).toBe(1);
    const node = tasks.data!.myTasks.edges[0]!.node;
    expect(node).toMatchObject({
      status: 'OPEN',
      agency: { name: '祝桥镇' },
      measure: {
        id: ids.measure,
        text: '督促相关单位补充审议招标事宜，并纳入年度招标计划。',
        deadline: { label: '9月底' },
      },
      problem: { id: ids.problem, title: '中转站转运项目未经公开招投标续签' },
      finding: {
        id: ids.finding,
        title: '中转站转运项目未经公开招投标续签',
        round: { name: '2023年内部巡察' },
      },
    });
    ids.task = node.id;
  });

  it('6. 祝桥镇 signs for the task and reports progress with evidence', async () => {
    const acknowledged = await t.gql<{ acknowledgeTask: { ok: boolean; task: { status: string } } }>(
      zhuqiao,
      `mutation($id: ID!) { acknowledgeTask(input: { taskId: $id }) { ok error { code } task { status acknowledgedAt acknowledgedBy { name } } } }`,
      { id: ids.task },
    );
    expect(acknowledged.data?.acknowledgeTask).toMatchObject({
      ok: true,
      task: { status: 'ACKNOWLEDGED', acknowledgedBy: { name: '祝桥镇联络员（演示）' } },
    });

    const again = await t.gql<{ acknowledgeTask: { ok: boolean; error: { code: string } } }>(
      zhuqiao,
      `mutation($id: ID!) { acknowledgeTask(input: { taskId: $id }) { ok error { code } } }`,
      { id: ids.task },
    );
    expect(again.data?.acknowledgeTask).toMatchObject({
      ok: false,
      error: { code: 'TASK_ALREADY_ACKNOWLEDGED' },
    });

    const progress = await t.gql<{ reportTaskProgress: { ok: boolean; task: { status: string } } }>(
      zhuqiao,
      `mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { ok error { code } task { status latestUpdate { note evidence { name sha256 } } } } }`,
      {
        input: {
          taskId: ids.task,
          note: '已会同执法局现场核查，企业设备已拆除。',
          evidence: [{ name: '现场照片.jpg', sha256: 'a'.repeat(64), sizeBytes: 1024 }],
        },
      },
    );
    expect(progress.data?.reportTaskProgress).toMatchObject({
      ok: true,
      task: {
        status: 'IN_PROGRESS',
        latestUpdate: {
          note: '已会同执法局现场核查，企业设备已拆除。',
          evidence: [{ name: '现场照片.jpg' }],
        },
      },
    });
  });

  it("7. the measure's timeline shows the township's updates with who and when", async () => {
    const timeline = await waitFor('both agency updates on the timeline', async () => {
      const response = await t.gql<{ measure: { status: string; timeline: Record<string, any>[] } }>(
        office,
        `query($id: ID!) { measure(id: $id) { status timeline { kind note at actorName actor { name } actorAgency { name } evidence { name } } } }`,
        { id: ids.measure },
      );
      const entries = response.data?.measure.timeline ?? [];
      // The row and its timeline are read by two statements: wait until both show the update.
      const done =
        entries.some((e) => e.kind === 'AGENCY_PROGRESS') && response.data?.measure.status === 'IN_PROGRESS';
      return done ? response.data!.measure : undefined;
    });
    expect(timeline.status).toBe('IN_PROGRESS');
    const agencyEntries = timeline.timeline.filter((e) => e.kind.startsWith('AGENCY_'));
    expect(agencyEntries).toEqual([
      expect.objectContaining({
        kind: 'AGENCY_ACKNOWLEDGED',
        actor: { name: '祝桥镇联络员（演示）' },
        actorAgency: { name: '祝桥镇' },
      }),
      expect.objectContaining({
        kind: 'AGENCY_PROGRESS',
        note: '已会同执法局现场核查，企业设备已拆除。',
        actorName: '祝桥镇联络员（演示）',
        actorAgency: { name: '祝桥镇' },
        evidence: [{ name: '现场照片.jpg' }],
      }),
    ]);
    for (const entry of agencyEntries) expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
  });

  it('8. a 曹路镇 user sees none of it', async () => {
    const list = await t.gql<{ myTasks: { totalCount: number; edges: unknown[] } }>(
      caolu,
      '{ myTasks { totalCount edges { cursor } } }',
    );
    expect(list.data?.myTasks).toEqual({ totalCount: 0, edges: [] });

    const byId = await t.gql(caolu, 'query($id: ID!) { task(id: $id) { id title } }', { id: ids.task });
    // Row-level security hides the row itself: refused as if it did not exist (no existence oracle).
    expect(byId.data).toEqual({ task: null });
    expect(byId.errors).toBeUndefined();

    // Row-level security hides the rows themselves: null, as if they did not exist.
    for (const [field, id, code] of [
      ['measure', ids.measure, undefined],
      ['problem', ids.problem, undefined],
      ['finding', ids.finding, undefined],
    ] as const) {
      const response = await t.gql(caolu, `query($id: ID!) { ${field}(id: $id) { id } }`, { id });
      expect(response.data).toEqual({ [field]: null });
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
    }
    const problems = await t.gql<{ problems: unknown[] }>(caolu, '{ problems { id } }');
    expect(problems.data?.problems).toEqual([]);

    const theirs = await t.gql(caolu, 'query($a: ID!) { agencyTasks(agencyId: $a) { totalCount } }', {
      a: zhuqiaoId,
    });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("8b. _entities in every subgraph refuses 曹路镇 the others' records", async () => {
    const token = await t.gatewayTokenFor('demo-caolu');
    // Every one sits behind row-level security: null, as if absent, and no error to probe with.
    const probes: [keyof TestStack['stack']['subgraphs'], string, string, string | undefined][] = [
      ['agencies', 'CoordinationTask', ids.task!, undefined],
      ['rectification', 'Measure', ids.measure!, undefined],
      ['rectification', 'Problem', ids.problem!, undefined],
      ['inspections', 'Finding', ids.finding!, undefined],
    ];
    for (const [subgraph, typename, id, code] of probes) {
      const response = await postGraphQL(t.stack.subgraphs[subgraph].url, {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
        variables: { r: [{ __typename: typename, id }] },
        headers: { 'x-eco-gateway-token': token },
      });
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      expect((response.data as { _entities: unknown[] } | undefined)?._entities).toEqual([null]);
    }
  });

  it('replaying any event of the thread a second time changes nothing', async () => {
    const { subgraphs } = t.stack;
    const outbox = async (service: 'inspections' | 'rectification' | 'agencies') =>
      (await subgraphs[service].runtime.dataSource.query(
        `SELECT subject, envelope FROM "${service}".outbox ORDER BY position`,
      )) as {
        subject: string;
        envelope: unknown;
      }[];
    const published = [
      ...(await outbox('inspections')),
      ...(await outbox('rectification')),
      ...(await outbox('agencies')),
    ];
    const consumers: Record<string, [keyof typeof subgraphs, string][]> = {
      'inspections.finding.confirmed.v1': [['rectification', 'open-problem-from-finding']],
      'rectification.measure.assigned.v1': [
        ['agencies', 'open-tasks-for-measure'],
        ['inspections', 'grant-finding-to-agencies'],
      ],
      'agencies.task.acknowledged.v1': [
        ['rectification', 'timeline-from-task-acknowledged'],
        ['supervision', 'item-timeline-from-task-acknowledged'],
      ],
      'agencies.task.progress-reported.v1': [
        ['rectification', 'timeline-from-task-progress'],
        ['supervision', 'item-timeline-from-task-progress'],
      ],
    };
    // Every event of the thread that another subgraph consumes (others, e.g. problem.opened, have no consumer yet).
    const events = published.filter((e) => e.subject in consumers);
    expect([...new Set(events.map((e) => e.subject))].sort()).toEqual(Object.keys(consumers).sort());

    // Counted as the system would see them (row-level security hides agency rows from no scope).
    const count = (service: keyof typeof subgraphs, table: string) =>
      subgraphs[service].runtime.transaction(
        'all',
        async (m) => (await m.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n,
      );
    const snapshot = async () => ({
      problems: await count('rectification', 'rectification.problems'),
      updates: await count('rectification', 'rectification.measure_updates'),
      tasks: await count('agencies', 'agencies.coordination_tasks'),
      grants: await count('inspections', 'inspections.finding_grants'),
    });
    const before = await snapshot();
    expect(before).toEqual({ problems: 1, updates: 4, tasks: 1, grants: 1 });
    for (const event of events) {
      for (const [service, handler] of consumers[event.subject]!) {
        await expect(subgraphs[service].consumer.replay(handler, event.envelope)).resolves.toBe('duplicate');
      }
    }
    // And through the bus: republished under a new message id, past JetStream's de-duplication.
    for (const event of events) {
      await t.stack.transport.publish(
        event.subject,
        new TextEncoder().encode(JSON.stringify(event.envelope)),
        crypto.randomUUID(),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await snapshot()).toEqual(before);
  });
});
