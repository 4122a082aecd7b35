import { agencyIdOf } from '@eco/demo-data';
import type { ProcessStack } from '@eco/testing';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai keeps UTC+8 all year

/** A Wednesday (YYYY-MM-DD, Shanghai) about three weeks back: inside the overdue job's 28-day look-back. */
function wednesdayWeeksAgo(weeks: number): string {
  const day = new Date(Date.now() + SHANGHAI_OFFSET_MS - weeks * 7 * DAY_MS);
  const back = (day.getUTCDay() - 3 + 7) % 7;
  return new Date(day.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

async function mutate(
  stack: ProcessStack,
  token: string,
  name: string,
  inputType: string,
  input: unknown,
  selection: string,
) {
  const response = await stack.gql<Record<string, { ok: boolean } & Record<string, { id: string }>>>(
    token,
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ok error { code message } ${selection} } }`,
    { input },
  );
  const result = response.data?.[name];
  if (!result?.ok) throw new Error(`${name} failed: ${JSON.stringify(response.errors ?? result)}`);
  return result;
}

/**
 * A campaign whose weekly reports started three weeks ago and whose one department (市容环卫处)
 * never reported: the overdue job owes one notice per past reporting week.
 */
export async function createCampaignOwingReports(stack: ProcessStack): Promise<string> {
  const office = await stack.tokenFor('demo-rectification-office');
  const startOn = wednesdayWeeksAgo(3);
  const campaign = await mutate(
    stack,
    office,
    'createRectificationCampaign',
    'CreateRectificationCampaignInput',
    {
      name: '推进落实区委巡察整改',
      sourceKind: 'MUNICIPAL_INSPECTION',
      sourceTitle: '区委巡察组反馈意见',
      periodStart: startOn,
      periodEnd: new Date(Date.parse(startOn) + 90 * DAY_MS).toISOString().slice(0, 10),
      weeklyReportsStartOn: startOn,
    },
    'campaign { id }',
  );
  const campaignId = campaign['campaign']!.id;
  const problem = await mutate(
    stack,
    office,
    'openProblem',
    'OpenProblemInput',
    {
      campaignId,
      number: '1',
      title: '餐厨垃圾收运不规范',
      description: '部分点位餐厨垃圾收运台账不全。',
      responsibleDepartmentId: agencyIdOf('sanitation'),
    },
    'problem { id }',
  );
  await mutate(
    stack,
    office,
    'addMeasure',
    'AddMeasureInput',
    { problemId: problem['problem']!.id, text: '建立收运台账，每周抽查。', deadline: { kind: 'LONG_TERM' } },
    'measure { id }',
  );
  return campaignId;
}
