import { agencyIdOf, personIdOf, SEED_004_NOTICE } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { createCampaign, mutate } from './support/rectification-fixtures';
import { loadSeed004 } from './support/seed-004';

jest.setTimeout(60_000);

/**
 * Issue #5 §4–6: campaign deadlines through the calendar, the ledger (台账) and the public progress
 * notice reproducing seed 004's figures.
 */
describe('campaign deadlines, ledger and progress notice', () => {
  let t: TestStack;
  let office: string;
  let zhuqiao: string;
  let seed004Id: string;

  const CAMPAIGN = `campaign { id reportReceivedOn planDueAt reportDueAt weeklyReportsStartOn
    deadlines { kind dueAt explanation provisional } }`;

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-reports', demo: 'directory' });
    [office, zhuqiao] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-zhuqiao'),
    ]);
    seed004Id = await createCampaign(t, office, {
      name: '十二届市委第五轮巡视整改',
      sourceTitle: '市委第十巡视组巡视反馈意见',
      periodStart: '2025-02-28',
      periodEnd: '2025-09-10',
      reportReceivedOn: SEED_004_NOTICE.feedbackOn,
    });
    await loadSeed004(t, seed004Id);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('gives an audited unit 15 working days for its plan and two months for its report, explained', async () => {
    const created = await mutate<{
      campaign: { planDueAt: string; reportDueAt: string; deadlines: unknown[] };
    }>(
      t,
      office,
      'createRectificationCampaign',
      'CreateRectificationCampaignInput',
      {
        name: '经济责任审计整改',
        sourceKind: 'AUDIT',
        sourceTitle: '废管中心主任经济责任审计报告',
        periodStart: '2023-09-26',
        periodEnd: '2023-11-27',
        reportReceivedOn: '2023-09-26',
      },
      CAMPAIGN,
    );
    expect(created.campaign).toMatchObject({
      planDueAt: '2023-10-23T09:30:00.000Z',
      reportDueAt: '2023-11-27T09:30:00.000Z',
      deadlines: [
        {
          kind: 'PLAN',
          dueAt: '2023-10-23T09:30:00.000Z',
          explanation:
            '自2023-09-26 17:30起，15个工作日：截止2023-10-23 17:30（北京时间）；跳过周末4天；跳过节假日中秋、国庆节（2023-09-29至2023-10-06）；计入调休上班日2023-10-07、2023-10-08。',
          provisional: false,
        },
        {
          kind: 'REPORT',
          dueAt: '2023-11-27T09:30:00.000Z',
          explanation:
            '自2023-09-26 17:30起，2个月：截止2023-11-27 17:30（北京时间）；跳过周末1天；2023-11-26为非工作日，顺延至2023-11-27。',
          provisional: false,
        },
      ],
    });
  });

  it('gives an inspected unit two weeks for its plan once the report-received date is recorded', async () => {
    const id = await createCampaign(t, office);
    const before = await t.gql<{ rectificationCampaign: { planDueAt: string | null; deadlines: unknown[] } }>(
      office,
      `query($id: ID!) { rectificationCampaign(id: $id) { planDueAt deadlines { kind } } }`,
      { id },
    );
    expect(before.data?.rectificationCampaign).toEqual({ planDueAt: null, deadlines: [] });
    const recorded = await mutate<{
      campaign: { reportReceivedOn: string; planDueAt: string; reportDueAt: string };
    }>(
      t,
      office,
      'recordReportReceived',
      'RecordReportReceivedInput',
      { campaignId: id, receivedOn: '2023-08-29' },
      CAMPAIGN,
    );
    expect(recorded.campaign).toMatchObject({
      reportReceivedOn: '2023-08-29',
      planDueAt: '2023-09-12T09:30:00.000Z',
      reportDueAt: '2023-10-30T09:30:00.000Z',
    });
  });

  it('rejects a campaign whose weekly reports would not start on a Wednesday, creating nothing', async () => {
    const count = async () =>
      (await t.gql<{ rectificationCampaigns: unknown[] }>(office, `{ rectificationCampaigns { id } }`)).data!
        .rectificationCampaigns.length;
    const before = await count();
    const result = await mutate<{ campaign: null }>(
      t,
      office,
      'createRectificationCampaign',
      'CreateRectificationCampaignInput',
      {
        name: 'x',
        sourceKind: 'AUDIT',
        sourceTitle: 'x',
        periodStart: '2023-09-28',
        periodEnd: '2023-09-01',
        weeklyReportsStartOn: '2023-09-14',
      },
      'campaign { id }',
    );
    expect(result.error?.code).toBe('RECTIFICATION_INVALID_INPUT');
    expect(result.error?.fieldErrors.map((f) => f.field).sort()).toEqual([
      'periodEnd',
      'weeklyReportsStartOn',
    ]);
    expect(await count()).toBe(before);
  });

  it('reproduces seed 004: 59 of 64 problems and 179 of 186 measures completed, with the discipline figures', async () => {
    const figures = await mutate<{ figures: { casesFiled: number } }>(
      t,
      office,
      'recordDisciplineFigures',
      'RecordDisciplineFiguresInput',
      { campaignId: seed004Id, asOf: SEED_004_NOTICE.asOf, ...SEED_004_NOTICE.discipline },
      'figures { casesFiled }',
    );
    expect(figures).toMatchObject({ ok: true, figures: { casesFiled: 11 } });
    const response = await t.gql<{ progressNotice: Record<string, unknown> }>(
      office,
      `query($c: ID!) { progressNotice(campaignId: $c, asOf: "2025-09-10") {
        asOf aspects problems problemsCompleted measures measuresCompleted measuresLongTerm measuresInProgress
        problemCompletionRate measureCompletionRate summary
        discipline { asOf casesFiled peopleDisciplined admonishmentTalks regulationsCreated regulationsRevised } } }`,
      { c: seed004Id },
    );
    expect(response.data?.progressNotice).toEqual({
      asOf: '2025-09-10',
      aspects: 8,
      problems: 64,
      problemsCompleted: 59,
      measures: 186,
      measuresCompleted: 179,
      measuresLongTerm: 3,
      measuresInProgress: 4,
      problemCompletionRate: 0.9219,
      measureCompletionRate: 0.9624,
      summary:
        '截至2025年9月10日，8个方面64项问题已完成整改59项；提出整改措施186条，已经完成179条。' +
        '党纪政务立案11件，党纪政务处分9人。诫勉谈话6人。已新建制度18项，修订完善7项。',
      discipline: {
        asOf: '2025-09-10',
        casesFiled: 11,
        peopleDisciplined: 9,
        admonishmentTalks: 6,
        regulationsCreated: 18,
        regulationsRevised: 7,
      },
    });
  });

  it('counts only what was completed by the cut-off', async () => {
    const response = await t.gql<{
      progressNotice: {
        problems: number;
        problemsCompleted: number;
        measuresCompleted: number;
        discipline: null;
      };
    }>(
      office,
      `query($c: ID!) { progressNotice(campaignId: $c, asOf: "2025-02-28") { problems problemsCompleted measuresCompleted discipline { casesFiled } } }`,
      { c: seed004Id },
    );
    expect(response.data?.progressNotice).toEqual({
      problems: 64,
      problemsCompleted: 0,
      measuresCompleted: 0,
      discipline: null,
    });
  });

  interface LedgerRowData {
    displayNumber: string | null;
    problemDescription: string;
    leadLeader: { id: string } | null;
    responsibleDepartment: { id: string; name: string } | null;
    measureText: string;
    deadlineLabel: string;
    status: string;
  }

  async function ledgerOf(campaignId: string): Promise<{ rows: LedgerRowData[]; statements: number }> {
    const before = t.stack.statementsServed();
    const response = await t.gql<{ rectificationLedger: LedgerRowData[] }>(
      office,
      `query($c: ID!) { rectificationLedger(campaignId: $c) { displayNumber problemDescription leadLeader { id }
        responsibleDepartment { id name } measureText deadlineLabel status measure { id timeline { kind } } problem { id status } } }`,
      { c: campaignId },
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return { rows: response.data!.rectificationLedger, statements: t.stack.statementsServed() - before };
  }

  it('lists the ledger one row per measure in the seed’s columns', async () => {
    const { rows } = await ledgerOf(seed004Id);
    expect(rows).toHaveLength(186);
    expect(rows.slice(0, 4).map((r) => [r.displayNumber, r.measureText, r.deadlineLabel, r.status])).toEqual([
      ['1', '第1项问题整改措施1', '3月底', 'COMPLETED'],
      [null, '第1项问题整改措施2', '4月底', 'COMPLETED'],
      [null, '第1项问题整改措施3', '5月底', 'COMPLETED'],
      ['2', '第2项问题整改措施1', '4月底', 'COMPLETED'],
    ]);
    expect(rows[0]).toMatchObject({
      problemDescription: '巡视反馈的第1个具体问题',
      leadLeader: { id: personIdOf('kang-yongliang') },
      responsibleDepartment: { id: agencyIdOf('sanitation'), name: '市容环卫处' },
    });
    expect(rows.filter((r) => r.deadlineLabel === '长期坚持').map((r) => [r.measureText, r.status])).toEqual([
      ['第60项问题整改措施2', 'IN_PROGRESS'],
      ['第61项问题整改措施2', 'IN_PROGRESS'],
      ['第62项问题整改措施2', 'IN_PROGRESS'],
    ]);
  });

  it('costs the same number of SQL statements for a ledger of 1 row as for 186', async () => {
    const small = await createCampaign(t, office);
    const opened = await mutate<{ problem: { id: string } }>(
      t,
      office,
      'openProblem',
      'OpenProblemInput',
      {
        campaignId: small,
        number: '1',
        title: '问题',
        description: '具体问题',
        leadLeaderId: personIdOf('kang-yongliang'),
        responsibleDepartmentId: agencyIdOf('sanitation'),
      },
      'problem { id }',
    );
    await mutate(
      t,
      office,
      'addMeasure',
      'AddMeasureInput',
      { problemId: opened.problem.id, text: '措施', deadline: { kind: 'LONG_TERM' } },
      'measure { id }',
    );
    await ledgerOf(small); // warm the gateway's query plan cache
    const one = await ledgerOf(small);
    const many = await ledgerOf(seed004Id);
    expect(one.rows).toHaveLength(1);
    expect(many.statements).toBe(one.statements);
    expect(many.statements).toBeLessThanOrEqual(20);
  });

  it('keeps the ledger and the notice from partner agencies', async () => {
    const ledger = await t.gql(
      zhuqiao,
      `query($c: ID!) { rectificationLedger(campaignId: $c) { measureText } }`,
      { c: seed004Id },
    );
    expect(ledger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notice = await t.gql(
      zhuqiao,
      `query($c: ID!) { progressNotice(campaignId: $c, asOf: "2025-09-10") { problems } }`,
      {
        c: seed004Id,
      },
    );
    expect(notice.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
