import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Principal, Role } from '@eco/auth';
import { agencyIdOf, DEMO_AGENCIES, personIdOf } from '@eco/demo-data';
import { insertRows, postGraphQL, startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';

/**
 * Partner isolation as a property (issue #7): a seeded random world of agencies, tasks and their
 * subjects, and every read path — gateway root fields, the inbox list, nested subjects, and direct
 * `_entities` calls to each subgraph with a valid gateway token — asked by every partner agency.
 * A read is allowed only where the world says the record is tied to the caller's agency.
 */
const SEED = 20_261_122;
const EXTRA_TOWNS = 12;
const MEASURES = 1_000;
const SUPERVISION_ITEMS = 200;

interface World {
  partners: string[];
  tasks: { id: string; agency: string; measure: string | null; item: string | null }[];
  measures: { id: string; problem: string; agencies: string[] }[];
  problems: { id: string; finding: string; agencies: string[] }[];
  items: { id: string; agencies: string[] }[];
}

function buildWorld(partners: string[]): World {
  const pick = (max: number) =>
    fc.uniqueArray(fc.constantFrom(...partners), { minLength: 1, maxLength: max });
  const [measureAgencies, problemSizes, itemAgencies] = fc.sample(
    fc.tuple(
      fc.array(pick(3), { minLength: MEASURES, maxLength: MEASURES }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: MEASURES, maxLength: MEASURES }),
      fc.array(pick(2), { minLength: SUPERVISION_ITEMS, maxLength: SUPERVISION_ITEMS }),
    ),
    { seed: SEED, numRuns: 1 },
  )[0]!;
  const world: World = { partners, tasks: [], measures: [], problems: [], items: [] };
  for (let i = 0, p = 0; i < MEASURES; p += 1) {
    const size = Math.min(problemSizes[p]!, MEASURES - i);
    const problem = { id: randomUUID(), finding: randomUUID(), agencies: [] as string[] };
    for (const agencies of measureAgencies.slice(i, i + size)) {
      const measure = { id: randomUUID(), problem: problem.id, agencies };
      world.measures.push(measure);
      problem.agencies = [...new Set([...problem.agencies, ...agencies])];
      for (const agency of agencies)
        world.tasks.push({ id: randomUUID(), agency, measure: measure.id, item: null });
    }
    world.problems.push(problem);
    i += size;
  }
  for (const agencies of itemAgencies) {
    const item = { id: randomUUID(), agencies };
    world.items.push(item);
    for (const agency of agencies)
      world.tasks.push({ id: randomUUID(), agency, measure: null, item: item.id });
  }
  return world;
}

async function loadWorld(t: TestStack, world: World): Promise<void> {
  const { agencies, inspections, rectification, supervision } = t.stack.subgraphs;
  const now = new Date().toISOString();
  await insertRows(
    agencies.runtime.dataSource,
    'agencies.agencies',
    Array.from({ length: EXTRA_TOWNS }, (_, i) => ({
      id: world.partners[world.partners.length - EXTRA_TOWNS + i],
      code: `prop-town-${i}`,
      name: `测试镇${i}`,
      kind: 'TOWN',
    })),
  );
  const roundId = randomUUID();
  await insertRows(inspections.runtime.dataSource, 'inspections.rounds', [
    {
      id: roundId,
      name: '隔离测试巡察',
      round_number: 1,
      start_year: 2024,
      end_year: 2026,
      year: 2025,
      finding_count: world.problems.length,
    },
  ]);
  await insertRows(
    inspections.runtime.dataSource,
    'inspections.findings',
    world.problems.map((p, i) => ({
      id: p.finding,
      round_id: roundId,
      number: String(i + 1),
      target_agency_id: agencyIdOf('waste-centre'),
      title: `发现${i}`,
      description: '-',
      status: 'CONFIRMED',
      recorded_by: personIdOf('demo-rectification-office'),
      recorded_at: now,
      version: 1,
    })),
  );
  await insertRows(
    inspections.runtime.dataSource,
    'inspections.finding_grants',
    world.problems.flatMap((p) => p.agencies.map((agency) => ({ finding_id: p.finding, agency_id: agency }))),
  );
  await insertRows(
    rectification.runtime.dataSource,
    'rectification.problems',
    world.problems.map((p, i) => ({
      id: p.id,
      number: String(i + 1),
      title: `问题${i}`,
      description: '-',
      coordinating_agency_ids: `{${p.agencies.join(',')}}`,
      visible_to_agency_ids: `{${p.agencies.join(',')}}`,
      source_finding_id: p.finding,
      opened_at: now,
    })),
  );
  await insertRows(
    rectification.runtime.dataSource,
    'rectification.measures',
    world.measures.map((m) => ({
      id: m.id,
      problem_id: m.problem,
      sequence: '1',
      text: '措施',
      coordinating_agency_ids: `{${m.agencies.join(',')}}`,
      deadline_kind: 'LONG_TERM',
      deadline_label: '长期坚持',
      status: 'IN_PROGRESS',
      evidence_notes: '{}',
      created_at: now,
    })),
  );
  await insertRows(
    supervision.runtime.dataSource,
    'supervision.items',
    world.items.map((item, i) => ({
      id: item.id,
      title: `督办${i}`,
      category: 'BUREAU_KEY_TASK',
      involved_agency_ids: `{${item.agencies.join(',')}}`,
      created_at: now,
    })),
  );
  const problemOf = new Map(
    world.measures.map((m) => [m.id, world.problems.find((p) => p.id === m.problem)!]),
  );
  await insertRows(
    agencies.runtime.dataSource,
    'agencies.coordination_tasks',
    world.tasks.map((task, i) => ({
      id: task.id,
      agency_id: task.agency,
      subject_kind: task.measure ? 'MEASURE' : 'SUPERVISION_ITEM',
      subject_id: task.measure ?? task.item,
      problem_id: task.measure ? problemOf.get(task.measure)!.id : null,
      finding_id: task.measure ? problemOf.get(task.measure)!.finding : null,
      title: `任务${i}`,
      status: 'OPEN',
      opened_at: now,
      source_event_id: randomUUID(),
      version: 1,
    })),
  );
}

describe('partner isolation over every read path, as a property', () => {
  let t: TestStack;
  let world: World;
  let checks = 0;
  const partnerRoles: Role[][] = [
    ['PARTNER_USER'],
    ['PARTNER_USER', 'UNIT_LIAISON'],
    ['PARTNER_USER', 'DEPARTMENT_CLERK'],
  ];
  const principalOf = (agency: string, variant: number): Principal => ({
    personId: randomUUID(),
    agencyId: agency,
    name: '伙伴用户',
    roles: partnerRoles[variant % partnerRoles.length]!,
  });

  beforeAll(async () => {
    t = await startTestStack({ label: 'isolation', demo: 'directory' });
    const demoPartners = DEMO_AGENCIES.filter((a) =>
      ['TOWN', 'SUB_DISTRICT', 'ENFORCEMENT_BUREAU', 'OTHER_OFFICE'].includes(a.kind),
    ).map((a) => agencyIdOf(a.code));
    world = buildWorld([...demoPartners, ...Array.from({ length: EXTRA_TOWNS }, () => randomUUID())]);
    await loadWorld(t, world);
  }, 120_000);

  afterAll(async () => {
    console.info(
      `partner isolation: ${checks} access checks over ${world?.partners.length} agencies and ${world?.tasks.length} tasks, 0 cross-agency reads`,
    );
    await t?.stop();
  });

  it('builds a world of at least 20 partner agencies and 2,000 tasks', () => {
    expect(world.partners.length).toBeGreaterThanOrEqual(20);
    expect(world.tasks.length).toBeGreaterThanOrEqual(2_000);
  });

  it("lets no subgraph resolve another agency's record through _entities", async () => {
    const kinds = [
      {
        subgraph: 'agencies',
        typename: 'CoordinationTask',
        records: world.tasks.map((x) => ({ id: x.id, agencies: [x.agency] })),
      },
      { subgraph: 'rectification', typename: 'Measure', records: world.measures },
      { subgraph: 'rectification', typename: 'Problem', records: world.problems },
      {
        subgraph: 'inspections',
        typename: 'Finding',
        records: world.problems.map((p) => ({ id: p.finding, agencies: p.agencies })),
      },
      { subgraph: 'supervision', typename: 'SupervisionItem', records: world.items },
    ] as const;
    // Every record of every kind, asked by a seeded sample of agencies (each call carries them all).
    const askers = fc.sample(
      fc.shuffledSubarray([...world.partners.keys()], { minLength: 8, maxLength: 8 }),
      { seed: SEED, numRuns: 1 },
    )[0]!;
    for (const index of askers) {
      const agency = world.partners[index]!;
      const token = await t.gatewayTokenFor(principalOf(agency, index));
      for (const kind of kinds) {
        const response = await postGraphQL<{ _entities: ({ id: string } | null)[] }>(
          t.stack.subgraphs[kind.subgraph].url,
          {
            query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${kind.typename} { id } } }`,
            variables: { r: kind.records.map((r) => ({ __typename: kind.typename, id: r.id })) },
            headers: { 'x-eco-gateway-token': token },
          },
        );
        const resolved = response.data!._entities.map((entity) => entity?.id ?? null);
        const expected = kind.records.map((record) => (record.agencies.includes(agency) ? record.id : null));
        checks += expected.length;
        expect(resolved).toEqual(expected);
        // Refusals are FORBIDDEN, or plain absence behind row-level security; no error carries data.
        for (const error of response.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
      }
    }
  }, 120_000);

  it('shows each agency exactly its own tasks in its inbox, with their subjects resolved', async () => {
    for (const [index, agency] of world.partners.entries()) {
      const token = await t.tokenFor(principalOf(agency, index));
      const expected = new Set(world.tasks.filter((x) => x.agency === agency).map((x) => x.id));
      const seen = new Set<string>();
      for (let after: string | null = null, more = true; more;) {
        const response: any = await t.gql(
          token,
          `query($after: String) { myTasks(first: 200, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { id agency { id } measure { id } problem { id } finding { id } supervisionItem { id } } } } }`,
          { after },
        );
        expect(response.errors).toBeUndefined();
        for (const { node } of response.data.myTasks.edges) {
          checks += 1;
          expect(node.agency.id).toBe(agency);
          expect(expected.has(node.id)).toBe(true);
          seen.add(node.id);
          // Subjects of one's own task are one's own: every one resolves.
          if (node.measure)
            expect(
              [node.measure, node.problem, node.finding].every((s: { id: string } | null) => s !== null),
            ).toBe(true);
          else expect(node.supervisionItem).not.toBeNull();
        }
        more = response.data.myTasks.pageInfo.hasNextPage;
        after = response.data.myTasks.pageInfo.endCursor;
      }
      expect(seen.size).toBe(expected.size);
    }
  }, 120_000);

  it("answers gateway root fields by id only for the caller's own records (random probes)", async () => {
    const fields = [
      { field: 'task', ids: world.tasks.map((x) => ({ id: x.id, agencies: [x.agency] })) },
      { field: 'measure', ids: world.measures },
      { field: 'problem', ids: world.problems },
      { field: 'finding', ids: world.problems.map((p) => ({ id: p.finding, agencies: p.agencies })) },
      { field: 'supervisionItem', ids: world.items },
    ];
    const probe = fc.record({
      agency: fc.integer({ min: 0, max: world.partners.length - 1 }),
      lookups: fc.array(fc.tuple(fc.integer({ min: 0, max: fields.length - 1 }), fc.nat()), {
        minLength: 25,
        maxLength: 25,
      }),
    });
    await fc.assert(
      fc.asyncProperty(probe, async ({ agency: index, lookups }) => {
        const agency = world.partners[index]!;
        const token = await t.tokenFor(principalOf(agency, index));
        const chosen = lookups.map(([f, n]) => ({
          field: fields[f]!.field,
          record: fields[f]!.ids[n % fields[f]!.ids.length]!,
        }));
        const query = `{ ${chosen.map((c, i) => `q${i}: ${c.field}(id: "${c.record.id}") { id }`).join(' ')} }`;
        const response: any = await t.gql(token, query);
        chosen.forEach((c, i) => {
          checks += 1;
          const allowed = c.record.agencies.includes(agency);
          expect([c.field, response.data?.[`q${i}`]?.id ?? null]).toEqual([
            c.field,
            allowed ? c.record.id : null,
          ]);
        });
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 120_000);
});
