import { agencyIdOf, SEED_003_CAMPAIGN } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';

jest.setTimeout(60_000);

/** The seed-003 demo campaign read back as the office reads it: weekly obligations, ledger, notice. */
describe('the seed-003 demo campaign', () => {
  let t: TestStack;
  let office: string;
  const campaignId = SEED_003_CAMPAIGN.id;

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-seed-003', demo: 'all' });
    office = await t.tokenFor('demo-rectification-office');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('owes its first weekly reports on Wednesday 2023-09-13 from the three responsible departments', async () => {
    const response = await t.gql<{
      weeklyBureauReport: { dueAt: string; obligations: { agency: { name: string }; status: string }[] };
    }>(
      office,
      `query($c: ID!) { weeklyBureauReport(campaignId: $c, weekDate: "2023-09-13", asOf: "2023-09-14T00:00:00Z") {
        dueAt obligations { agency { name } status } } }`,
      { c: campaignId },
    );
    expect(response.data?.weeklyBureauReport.dueAt).toBe('2023-09-13T07:00:00.000Z');
    expect(
      response.data?.weeklyBureauReport.obligations.map((o) => [o.agency.name, o.status]).sort(),
    ).toEqual([
      ['基建处', 'MISSING'],
      ['市容环卫处', 'MISSING'],
      ['生态环境督察处', 'MISSING'],
    ]);
  });

  it('prints the ledger as annex 1 numbers it, one row per measure', async () => {
    const response = await t.gql<{
      rectificationLedger: {
        displayNumber: string | null;
        deadlineLabel: string;
        responsibleDepartment: { id: string };
      }[];
    }>(
      office,
      `query($c: ID!) { rectificationLedger(campaignId: $c) { displayNumber deadlineLabel responsibleDepartment { id } } }`,
      { c: campaignId },
    );
    const rows = response.data!.rectificationLedger;
    expect(rows.map((r) => r.displayNumber)).toEqual([
      '1-1 (21)',
      null,
      '1-2 (21)',
      null,
      null,
      '2 (36)',
      null,
      '3 (41)',
      null,
      null,
    ]);
    expect(rows.map((r) => r.deadlineLabel)).toEqual([
      '已完成',
      '长期坚持',
      '已完成整改',
      '已完成整改',
      '长期坚持',
      '9月底',
      '9月底',
      '自9月7日起至8日',
      '自9月11日起至14日',
      '自9月15日起至26日',
    ]);
    expect(rows[0]!.responsibleDepartment.id).toBe(agencyIdOf('sanitation'));
  });

  it('counts its measures for the notice at the end of the concentrated period', async () => {
    const response = await t.gql<{ progressNotice: Record<string, unknown> }>(
      office,
      `query($c: ID!) { progressNotice(campaignId: $c, asOf: "2023-09-28") {
        problems problemsCompleted measures measuresCompleted measuresLongTerm measuresInProgress summary } }`,
      { c: campaignId },
    );
    expect(response.data?.progressNotice).toEqual({
      problems: 4,
      problemsCompleted: 0,
      measures: 10,
      measuresCompleted: 3,
      measuresLongTerm: 2,
      measuresInProgress: 5,
      summary: '截至2023年9月28日，3个方面4项问题已完成整改0项；提出整改措施10条，已经完成3条。',
    });
  });
});
