import type { Role } from '@eco/auth';
import { agencyIdOf, demoPerson } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { noticeOverdueWeeklyReports } from '../src/domain/weekly-report-overdue';
import { WeeklyReportService } from '../src/domain/weekly-report.service';
import { createCampaignOwingWeeklyReports, outboxEvents } from './support/rectification-fixtures';

jest.setTimeout(60_000);

const sanitation = agencyIdOf('sanitation');
const OVERDUE = 'rectification.weekly-report.overdue.v1';

/**
 * Issue #5: a department's weekly report MISSING after Wednesday 15:00 (Asia/Shanghai) is announced
 * once per campaign, department and week, with the clock fixed by the test.
 */
describe('overdue weekly reports (周报逾期)', () => {
  let t: TestStack;
  let campaignId: string;

  const detect = (at: string) =>
    noticeOverdueWeeklyReports(t.stack.subgraphs.rectification.runtime, new Date(at));
  const weeksNoticed = (notices: { campaignId: string; weekDate: string; agencyId: string }[]) =>
    notices.filter((n) => n.campaignId === campaignId).map((n) => [n.weekDate, n.agencyId]);
  const overdueEvents = async () =>
    (await outboxEvents(t, campaignId)).filter((e) => e.subject === OVERDUE).map((e) => e.payload);
  const submitAt = (weekDate: string, at: string) => {
    const person = demoPerson('demo-sanitation-clerk');
    return new WeeklyReportService(
      t.stack.subgraphs.rectification.runtime,
      { personId: person.id, agencyId: person.agencyId, name: person.name, roles: person.roles as Role[] },
      () => new Date(at),
    ).submitWeeklyReport({ campaignId, weekDate, progress: '已完成点位排查。', practices: '管执联动。' });
  };

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-overdue', demo: 'directory' });
    const office = await t.tokenFor('demo-rectification-office');
    campaignId = await createCampaignOwingWeeklyReports(t, office);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it('announces nothing before the Wednesday 15:00 deadline', async () => {
    expect(weeksNoticed(await detect('2023-09-13T06:59:59Z'))).toEqual([]);
    expect(await overdueEvents()).toEqual([]);
  });

  it('announces a report missing past the deadline once', async () => {
    expect(weeksNoticed(await detect('2023-09-13T07:00:01Z'))).toEqual([['2023-09-13', sanitation]]);
    expect(await overdueEvents()).toEqual([
      {
        campaignId,
        agencyId: sanitation,
        weekDate: '2023-09-13',
        dueAt: '2023-09-13T07:00:00.000Z',
        detectedAt: '2023-09-13T07:00:01.000Z',
      },
    ]);
  });

  it('announces nothing more when the detection runs again', async () => {
    expect(weeksNoticed(await detect('2023-09-13T08:00:00Z'))).toEqual([]);
    expect(weeksNoticed(await detect('2023-09-14T08:00:00Z'))).toEqual([]);
    expect(await overdueEvents()).toHaveLength(1);
  });

  it('announces once when two detectors run at the same time, and not a report submitted on time', async () => {
    await submitAt('2023-09-20', '2023-09-20T06:30:00Z');
    const [a, b] = await Promise.all([detect('2023-09-27T08:00:00Z'), detect('2023-09-27T08:00:00Z')]);
    expect([...weeksNoticed(a), ...weeksNoticed(b)]).toEqual([['2023-09-27', sanitation]]);
    expect((await overdueEvents()).map((e) => e['weekDate'])).toEqual(['2023-09-13', '2023-09-27']);
  });

  it('announces nothing for the National Day holiday Wednesday (2023-10-04)', async () => {
    expect(weeksNoticed(await detect('2023-10-04T12:00:00Z'))).toEqual([]);
    expect(weeksNoticed(await detect('2023-10-10T12:00:00Z'))).toEqual([]);
  });

  it('announces nothing for a report submitted late, before the check ran', async () => {
    await submitAt('2023-10-11', '2023-10-11T09:00:00Z');
    expect(weeksNoticed(await detect('2023-10-11T10:00:00Z'))).toEqual([]);
    expect((await overdueEvents()).map((e) => e['weekDate'])).toEqual(['2023-09-13', '2023-09-27']);
  });
});
