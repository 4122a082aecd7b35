import { agencyIdOf } from '@eco/demo-data';
import type { TestStack } from '@eco/testing';

export interface MutationError {
  code: string;
  message: string;
  fieldErrors: { field: string; message: string }[];
}

export const ERROR_FIELDS = 'error { code message fieldErrors { field message } currentVersion }';

/** Runs a mutation that returns `{ ok, error, <field> }` and hands back that result. */
export async function mutate<T>(
  t: TestStack,
  token: string,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<{ ok: boolean; error: MutationError | null } & T> {
  const response = await t.gql<Record<string, { ok: boolean; error: MutationError | null } & T>>(
    token,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ok ${ERROR_FIELDS} ${selection} } }`,
    { input },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data![name]!;
}

/** The events this subgraph wrote to its outbox about one aggregate, oldest first. */
export async function outboxEvents(
  t: TestStack,
  aggregateId: string,
): Promise<{ subject: string; payload: Record<string, unknown> }[]> {
  const rows: { subject: string; envelope: { payload: Record<string, unknown> } }[] =
    await t.stack.subgraphs.rectification.runtime.dataSource.query(
      `SELECT subject, envelope FROM rectification.outbox WHERE envelope::text LIKE $1 ORDER BY position`,
      [`%${aggregateId}%`],
    );
  return rows.map((r) => ({ subject: r.subject, payload: r.envelope.payload }));
}

/** Creates a campaign as the rectification office. */
export async function createCampaign(
  t: TestStack,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await mutate<{ campaign: { id: string } }>(
    t,
    token,
    'createRectificationCampaign',
    'CreateRectificationCampaignInput',
    {
      name: '推进落实市委巡视整改',
      sourceKind: 'MUNICIPAL_INSPECTION',
      sourceTitle: '市委第二巡视组巡视浦东新区情况反馈',
      periodStart: '2023-08-29',
      periodEnd: '2023-09-28',
      ...overrides,
    },
    'campaign { id }',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.campaign.id;
}

/**
 * A campaign whose weekly reports start Wednesday 2023-09-13, with one problem of 市容环卫处 and one
 * long-term measure: the department owes a report every reporting week.
 */
export async function createCampaignOwingWeeklyReports(t: TestStack, officeToken: string): Promise<string> {
  const campaignId = await createCampaign(t, officeToken, { weeklyReportsStartOn: '2023-09-13' });
  const opened = await mutate<{ problem: { id: string } }>(
    t,
    officeToken,
    'openProblem',
    'OpenProblemInput',
    {
      campaignId,
      number: '1',
      title: '建筑垃圾偷乱倒',
      description: '建筑垃圾偷乱倒和“两非”点位时有发生。',
      responsibleDepartmentId: agencyIdOf('sanitation'),
    },
    'problem { id }',
  );
  await mutate(
    t,
    officeToken,
    'addMeasure',
    'AddMeasureInput',
    { problemId: opened.problem.id, text: '加强行业监管。', deadline: { kind: 'LONG_TERM' } },
    'measure { id }',
  );
  return campaignId;
}
