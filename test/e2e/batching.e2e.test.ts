import { randomUUID } from 'node:crypto';
import { agencyIdOf, personIdOf } from '@eco/demo-data';
import { insertRows, startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';

const INBOX_QUERY = `query($first: Int!) { myTasks(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
  id title status dueAt agency { name } latestUpdate { note byName } updates { kind }
  measure { id text status deadline { kind label } responsibleAgency { name } coordinatingAgencies { name } timeline { kind actorName } }
  problem { id displayNumber title status leadLeader { name } responsibleDepartment { name } }
  finding { id title status targetAgency { name } round { name year } }
} } } }`;

/**
 * List endpoints must not issue one query per row (issue #2): the statements behind one page of a
 * partner's inbox, joined across three subgraphs, are the same for 10, 50 and 200 rows.
 */
describe('a page of tasks with their problem, measure and finding', () => {
  let t: TestStack;
  let zhuqiao: string;
  const rows = 220;

  beforeAll(async () => {
    t = await startTestStack({ label: 'batching', demo: 'directory' });
    zhuqiao = await t.tokenFor('demo-zhuqiao');
    const { inspections, rectification, agencies } = t.stack.subgraphs;
    const zhuqiaoId = agencyIdOf('zhuqiao');
    const roundId = randomUUID();
    await insertRows(inspections.runtime.dataSource, 'inspections.rounds', [
      {
        id: roundId,
        name: '批量巡察',
        round_number: 3,
        start_year: 2021,
        end_year: 2023,
        year: 2023,
        finding_count: rows,
      },
    ]);
    const chains = Array.from({ length: rows }, (_, i) => ({
      i,
      finding: randomUUID(),
      problem: randomUUID(),
      measure: randomUUID(),
      task: randomUUID(),
    }));
    const now = Date.now();
    await insertRows(
      inspections.runtime.dataSource,
      'inspections.findings',
      chains.map((c) => ({
        id: c.finding,
        round_id: roundId,
        number: String(c.i + 1),
        target_agency_id: agencyIdOf('waste-centre'),
        title: `问题${c.i}`,
        description: '批量',
        status: 'CONFIRMED',
        recorded_by: personIdOf('demo-rectification-office'),
        recorded_at: new Date(now).toISOString(),
        version: 1,
      })),
    );
    await insertRows(
      inspections.runtime.dataSource,
      'inspections.finding_grants',
      chains.map((c) => ({ finding_id: c.finding, agency_id: zhuqiaoId })),
    );
    await insertRows(
      rectification.runtime.dataSource,
      'rectification.problems',
      chains.map((c) => ({
        id: c.problem,
        number: String(c.i + 1),
        source_number: String(c.i + 1),
        title: `问题${c.i}`,
        description: '批量',
        lead_leader_id: personIdOf('xue-jialiang'),
        responsible_department_id: agencyIdOf('sanitation'),
        coordinating_agency_ids: `{${zhuqiaoId}}`,
        visible_to_agency_ids: `{${zhuqiaoId}}`,
        source_finding_id: c.finding,
        opened_at: new Date(now).toISOString(),
      })),
    );
    await insertRows(
      rectification.runtime.dataSource,
      'rectification.measures',
      chains.map((c) => ({
        id: c.measure,
        problem_id: c.problem,
        sequence: '1',
        text: `措施${c.i}`,
        responsible_agency_id: agencyIdOf('sanitation'),
        coordinating_agency_ids: `{${zhuqiaoId}}`,
        deadline_kind: 'LONG_TERM',
        deadline_label: '长期坚持',
        status: 'IN_PROGRESS',
        evidence_notes: '{}',
        created_at: new Date(now).toISOString(),
      })),
    );
    await insertRows(
      rectification.runtime.dataSource,
      'rectification.measure_updates',
      chains.map((c) => ({
        id: randomUUID(),
        measure_id: c.measure,
        kind: 'CREATED',
        actor_name: '整改办',
        evidence: '[]',
        at: new Date(now).toISOString(),
      })),
    );
    await insertRows(
      agencies.runtime.dataSource,
      'agencies.coordination_tasks',
      chains.map((c) => ({
        id: c.task,
        agency_id: zhuqiaoId,
        subject_kind: 'MEASURE',
        subject_id: c.measure,
        problem_id: c.problem,
        finding_id: c.finding,
        title: `任务${c.i}`,
        status: 'ACKNOWLEDGED',
        opened_at: new Date(now + c.i).toISOString(),
        source_event_id: randomUUID(),
        version: 1,
      })),
    );
    await insertRows(
      agencies.runtime.dataSource,
      'agencies.task_updates',
      chains.map((c) => ({
        id: randomUUID(),
        task_id: c.task,
        kind: 'ACKNOWLEDGED',
        person_id: personIdOf('demo-zhuqiao'),
        person_name: '祝桥镇联络员（演示）',
        evidence: '[]',
        at: new Date(now).toISOString(),
      })),
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  async function statementsFor(first: number) {
    const before = t.stack.statementsServed();
    const response = await t.gql<{ myTasks: { totalCount: number; edges: { node: Record<string, any> }[] } }>(
      zhuqiao,
      INBOX_QUERY,
      { first },
    );
    const statements = t.stack.statementsServed() - before;
    expect(response.errors).toBeUndefined();
    return { statements, response: response.data!.myTasks };
  }

  it('returns complete rows across three subgraphs', async () => {
    const { response } = await statementsFor(50);
    expect(response.totalCount).toBe(rows);
    expect(response.edges).toHaveLength(50);
    for (const { node } of response.edges) {
      expect(node.measure.text).toMatch(/^措施\d+$/);
      expect(node.problem.leadLeader.name).toBe('薛加良');
      expect(node.finding.round.name).toBe('批量巡察');
      expect(node.agency.name).toBe('祝桥镇');
      expect(node.latestUpdate.byName).toBe('祝桥镇联络员（演示）');
    }
  });

  it('costs the same number of SQL statements for 10, 50 and 200 rows', async () => {
    await statementsFor(10); // warm the gateway's query plan cache
    const counts = [];
    for (const first of [10, 50, 200]) counts.push((await statementsFor(first)).statements);
    console.info(`SQL statements per inbox page (10 / 50 / 200 rows): ${counts.join(' / ')}`);
    expect(new Set(counts).size).toBe(1);
    // Each subgraph request that reads adds its scoped read transaction: two round trips (`BEGIN
    // READ ONLY; set_config(…)` as one, then COMMIT); four apiece made 53. The fetches of agency
    // and person names are answered from the agencies subgraph's directory cache, opening none
    // (35 → 19), the gateway sends rectification's two fetches as one batch (19 → 17), and a
    // problem's status comes from one query of its facts instead of its measures and close-outs (→ 16).
    expect(counts[0]).toBeLessThanOrEqual(16);
  });

  it('pages through the whole inbox with cursors, newest first, without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: any = await t.gql(
        zhuqiao,
        'query($after: String) { myTasks(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id title } } } }',
        { after },
      );
      for (const edge of response.data.myTasks.edges) seen.add(edge.node.id);
      if (page === 0) expect(response.data.myTasks.edges[0].node.title).toBe(`任务${rows - 1}`);
      if (!response.data.myTasks.pageInfo.hasNextPage) break;
      after = response.data.myTasks.pageInfo.endCursor;
    }
    expect(seen.size).toBe(rows);
  });

  it('refuses a page size out of bounds or a forged cursor with a coded error', async () => {
    const tooMany = await t.gql(zhuqiao, '{ myTasks(first: 1000) { totalCount } }');
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGINATION_INVALID_FIRST');
    const forged = await t.gql(zhuqiao, '{ myTasks(after: "not-a-cursor") { totalCount } }');
    expect(forged.errors?.[0]?.extensions?.code).toBe('PAGINATION_INVALID_CURSOR');
  });
});
