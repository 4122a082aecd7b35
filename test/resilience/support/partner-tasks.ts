import { agencyIdOf } from '@eco/demo-data';
import { waitFor } from '@eco/testing';
import type { ProcessStack } from '@eco/testing';

export type TaskSubject = 'MEASURE' | 'SUPERVISION_ITEM';

/** A coordination task signed for by its township, ready for progress reports. */
export interface PartnerTask {
  id: string;
  subject: TaskSubject;
  /** The township user who acts on it. */
  token: string;
}

const PARTNERS = [
  { person: 'demo-zhuqiao', agency: 'zhuqiao' },
  { person: 'demo-caolu', agency: 'caolu' },
] as const;

async function mutate(
  stack: ProcessStack,
  token: string,
  name: string,
  input: Record<string, unknown>,
  selection: string,
) {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const response = await stack.gql<
    Record<string, { ok: boolean; error: unknown } & Record<string, { id: string }>>
  >(
    token,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ok error { code message } ${selection} } }`,
    { input },
  );
  const result = response.data?.[name];
  if (!result?.ok) throw new Error(`${name} failed: ${JSON.stringify(response.errors ?? result?.error)}`);
  return result;
}

/**
 * Opens `count` coordination tasks through the gateway, the way they arise in production: half from
 * measures of a problem (rectification → agencies), half from supervised items (supervision →
 * agencies), spread over two townships; then each township signs for its tasks.
 */
export async function openPartnerTasks(stack: ProcessStack, count: number): Promise<PartnerTask[]> {
  const office = await stack.tokenFor('demo-rectification-office');
  const officer = await stack.tokenFor('demo-supervision-officer');
  const problem = await mutate(
    stack,
    office,
    'openProblem',
    {
      number: '1',
      title: '建筑垃圾偷乱倒',
      description: '建筑垃圾偷乱倒和“两非”点位时有发生。',
      responsibleDepartmentId: agencyIdOf('sanitation'),
    },
    'problem { id }',
  );
  // Every township gets tasks of both kinds.
  const plan = Array.from({ length: count }, (_, i) => ({
    i,
    partner: PARTNERS[Math.floor(i / 2) % PARTNERS.length]!,
    subject: (i % 2 === 0 ? 'MEASURE' : 'SUPERVISION_ITEM') as TaskSubject,
  }));
  for (const { i, partner, subject } of plan) {
    if (subject === 'MEASURE') {
      await mutate(
        stack,
        office,
        'addMeasure',
        {
          problemId: problem['problem']!.id,
          text: `点位${i}：加强巡查，发现一处处置一处。`,
          coordinatingAgencyIds: [agencyIdOf(partner.agency)],
          deadline: { kind: 'LONG_TERM' },
        },
        'measure { id }',
      );
    } else {
      await mutate(
        stack,
        officer,
        'createSupervisionItem',
        {
          title: `点位${i}扬尘整治`,
          category: 'DISTRICT_KEY_TASK',
          responsibleDepartmentId: agencyIdOf('sanitation'),
          involvedAgencyIds: [agencyIdOf(partner.agency)],
          dueAt: '2027-12-31T09:30:00.000Z',
        },
        'item { id }',
      );
    }
  }

  const tasks: PartnerTask[] = [];
  for (const partner of PARTNERS) {
    const token = await stack.tokenFor(partner.person);
    const expected = plan.filter((p) => p.partner === partner).length;
    const nodes = await waitFor(
      `${expected} tasks in ${partner.agency}'s inbox`,
      async () => {
        const response = await stack.gql<{
          myTasks: { totalCount: number; edges: { node: { id: string; measure: { id: string } | null } }[] };
        }>(token, '{ myTasks(first: 100) { totalCount edges { node { id measure { id } } } } }');
        const inbox = response.data?.myTasks;
        return inbox?.totalCount === expected ? inbox.edges.map((e) => e.node) : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    for (const node of nodes) {
      await mutate(stack, token, 'acknowledgeTask', { taskId: node.id }, 'task { id }');
      tasks.push({ id: node.id, subject: node.measure ? 'MEASURE' : 'SUPERVISION_ITEM', token });
    }
  }
  return tasks;
}
