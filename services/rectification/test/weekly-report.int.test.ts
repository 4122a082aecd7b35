import type { Role } from '@eco/auth';
import { agencyIdOf, demoPerson } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { WeeklyReportService } from '../src/domain/weekly-report.service';
import { createCampaignOwingWeeklyReports, mutate, outboxEvents } from './support/rectification-fixtures';

jest.setTimeout(60_000);

const sanitation = agencyIdOf('sanitation');
const envInspection = agencyIdOf('env-inspection');

interface Week {
  weekDate: string;
  dueAt: string | null;
  skipped: boolean;
  holidayName: string | null;
  obligations: { agency: { id: string }; status: string; report: { progress: string } | null }[];
}

/**
 * Issue #5 §3 (seed 003 annex 2): each department with open items reports every Wednesday before
 * 15:00 Asia/Shanghai, holidays excepted, from Wednesday 2023-09-13; the office reads the obligations
 * and the merged bureau report.
 */
describe('weekly progress reports (周报)', () => {
  let t: TestStack;
  let office: string;
  let clerk: string;
  let campaignId: string;

  const report = (overrides: Record<string, unknown> = {}) => ({
    campaignId,
    weekDate: '2023-09-13',
    progress: '市容环卫处会同区城管执法局、曹路镇召开协调会，细化避早晚高峰作业时间措施。',
    practices: '管执联动，形成高压态势。',
    ...overrides,
  });
  const submit = (token: string, input: Record<string, unknown>) =>
    mutate<{ report: { weekDate: string; dueAt: string; onTime: boolean; agency: { id: string } } | null }>(
      t,
      token,
      'submitWeeklyReport',
      'SubmitWeeklyReportInput',
      input,
      'report { weekDate dueAt onTime agency { id } }',
    );
  const weeks = async (asOf: string, token = office) => {
    const response = await t.gql<{ weeklyReportWeeks: Week[] }>(
      token,
      `query($c: ID!, $asOf: DateTime) { weeklyReportWeeks(campaignId: $c, from: "2023-09-13", to: "2023-10-11", asOf: $asOf) {
        weekDate dueAt skipped holidayName obligations { agency { id } status report { progress } } } }`,
      { c: campaignId, asOf },
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.weeklyReportWeeks;
  };
  const statusesOf = (list: Week[]) =>
    list.map((w) => [
      w.weekDate,
      w.skipped ? `skipped: ${w.holidayName}` : w.obligations.map((o) => o.status).join(','),
    ]);

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-weekly', demo: 'directory' });
    [office, clerk] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-sanitation-clerk'),
    ]);
    campaignId = await createCampaignOwingWeeklyReports(t, office);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('owes a report from the department with open items each Wednesday, none on the National Day holiday', async () => {
    const list = await weeks('2023-09-13T06:00:00Z');
    expect(list.map((w) => [w.weekDate, w.dueAt, w.skipped, w.holidayName])).toEqual([
      ['2023-09-13', '2023-09-13T07:00:00.000Z', false, null],
      ['2023-09-20', '2023-09-20T07:00:00.000Z', false, null],
      ['2023-09-27', '2023-09-27T07:00:00.000Z', false, null],
      ['2023-10-04', null, true, '国庆节'],
      ['2023-10-11', '2023-10-11T07:00:00.000Z', false, null],
    ]);
    expect(list[0]!.obligations).toEqual([{ agency: { id: sanitation }, status: 'DUE', report: null }]);
    expect(statusesOf(list)).toEqual([
      ['2023-09-13', 'DUE'],
      ['2023-09-20', 'DUE'],
      ['2023-09-27', 'DUE'],
      ['2023-10-04', 'skipped: 国庆节'],
      ['2023-10-11', 'DUE'],
    ]);
  });

  it('rejects a report over the length limits or without practices, with coded field errors and nothing stored', async () => {
    const result = await submit(clerk, report({ progress: '进'.repeat(601), practices: ' ' }));
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('RECTIFICATION_INVALID_INPUT');
    expect(result.error?.fieldErrors.map((f) => f.field).sort()).toEqual(['practices', 'progress']);
    expect((await submit(clerk, report({ practices: '经'.repeat(501) }))).error?.fieldErrors).toEqual([
      { field: 'practices', message: 'practices are at most 500 characters' },
    ]);
    expect((await weeks('2023-09-13T06:00:00Z'))[0]!.obligations[0]!.report).toBeNull();
  });

  it('refuses a holiday Wednesday and a day that is not a reporting Wednesday', async () => {
    const holiday = await submit(clerk, report({ weekDate: '2023-10-04' }));
    expect(holiday.error).toMatchObject({
      code: 'WEEKLY_REPORT_WEEK_INVALID',
      fieldErrors: [{ field: 'weekDate', message: '2023-10-04 is a holiday (国庆节); no report that week' }],
    });
    expect((await submit(clerk, report({ weekDate: '2023-09-06' }))).error?.code).toBe(
      'WEEKLY_REPORT_WEEK_INVALID',
    );
  });

  it('refuses a report for another department, and partners', async () => {
    expect((await submit(clerk, report({ agencyId: envInspection }))).error?.code).toBe('FORBIDDEN');
    const zhuqiao = await t.tokenFor('demo-zhuqiao');
    expect((await submit(zhuqiao, report())).error?.code).toBe('FORBIDDEN');
    const read = await t.gql(
      zhuqiao,
      `query($c: ID!) { weeklyBureauReport(campaignId: $c, weekDate: "2023-09-13") { weekDate } }`,
      {
        c: campaignId,
      },
    );
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('marks a report sent before 15:00 on its Wednesday ON_TIME', async () => {
    const person = demoPerson('demo-sanitation-clerk');
    const service = new WeeklyReportService(
      t.stack.subgraphs.rectification.runtime,
      { personId: person.id, agencyId: person.agencyId, name: person.name, roles: person.roles as Role[] },
      () => new Date('2023-09-20T06:30:00Z'),
    );
    const stored = await service.submitWeeklyReport(report({ weekDate: '2023-09-20' }));
    expect(stored.submittedAt.toISOString()).toBe('2023-09-20T06:30:00.000Z');
  });

  it('marks a report sent after the deadline LATE, and announces every submission', async () => {
    const late = await submit(clerk, report({ difficulties: '渣土车夜间作业监管力量不足。' }));
    expect(late).toMatchObject({
      ok: true,
      report: {
        weekDate: '2023-09-13',
        dueAt: '2023-09-13T07:00:00.000Z',
        onTime: false,
        agency: { id: sanitation },
      },
    });
    const events = (await outboxEvents(t, campaignId)).filter(
      (e) => e.subject === 'rectification.weekly-report.submitted.v1',
    );
    expect(events.map((e) => [e.payload.weekDate, e.payload.onTime])).toEqual([
      ['2023-09-20', true],
      ['2023-09-13', false],
    ]);
  });

  it('lists ON_TIME, LATE, MISSING and DUE as of a given instant', async () => {
    expect(statusesOf(await weeks('2023-10-11T05:00:00Z'))).toEqual([
      ['2023-09-13', 'LATE'],
      ['2023-09-20', 'ON_TIME'],
      ['2023-09-27', 'MISSING'],
      ['2023-10-04', 'skipped: 国庆节'],
      ['2023-10-11', 'DUE'],
    ]);
    expect(statusesOf(await weeks('2023-10-11T07:00:01Z')).at(-1)).toEqual(['2023-10-11', 'MISSING']);
  });

  it('merges every department’s sections into the bureau report of a week', async () => {
    const office2 = await mutate<{ report: { agency: { id: string } } }>(
      t,
      office,
      'submitWeeklyReport',
      'SubmitWeeklyReportInput',
      report({ agencyId: envInspection, progress: '督察处完成制砖厂点位复查。', practices: '执法联动。' }),
      'report { agency { id } }',
    );
    expect(office2.ok).toBe(true);
    const response = await t.gql<{
      weeklyBureauReport: {
        weekDate: string;
        reports: {
          agency: { id: string };
          progress: string;
          practices: string;
          difficulties: string | null;
        }[];
      };
    }>(
      office,
      `query($c: ID!) { weeklyBureauReport(campaignId: $c, weekDate: "2023-09-13") { weekDate reports { agency { id } progress practices difficulties } } }`,
      { c: campaignId },
    );
    const sections = response.data!.weeklyBureauReport.reports;
    expect(sections.map((s) => s.agency.id).sort()).toEqual([sanitation, envInspection].sort());
    expect(sections.find((s) => s.agency.id === sanitation)).toEqual({
      agency: { id: sanitation },
      progress: report().progress,
      practices: '管执联动，形成高压态势。',
      difficulties: '渣土车夜间作业监管力量不足。',
    });
  });
});
