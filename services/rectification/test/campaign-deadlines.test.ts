import { createWorkingCalendar } from '@eco/calendar';
import { campaignDeadlines } from '../src/domain/campaign-deadlines';

const calendar = createWorkingCalendar();
const summary = (sourceKind: 'MUNICIPAL_INSPECTION' | 'AUDIT', reportReceivedOn: string | null) =>
  campaignDeadlines(calendar, { sourceKind, reportReceivedOn }).map((d) => [d.kind, d.dueAt.toISOString()]);

describe('campaign plan and report deadlines (seed 002)', () => {
  it('gives an inspected unit two weeks for its plan and two months for its report', () => {
    expect(summary('MUNICIPAL_INSPECTION', '2023-09-26')).toEqual([
      ['PLAN', '2023-10-10T09:30:00.000Z'],
      ['REPORT', '2023-11-27T09:30:00.000Z'],
    ]);
  });

  it('gives an audited unit 15 working days for its plan, skipping the National Day holiday', () => {
    const [plan] = campaignDeadlines(calendar, { sourceKind: 'AUDIT', reportReceivedOn: '2023-09-26' });
    expect(plan?.dueAt.toISOString()).toBe('2023-10-23T09:30:00.000Z');
    expect(plan?.explanationZh).toBe(
      '自2023-09-26 17:30起，15个工作日：截止2023-10-23 17:30（北京时间）；跳过周末4天；跳过节假日中秋、国庆节（2023-09-29至2023-10-06）；计入调休上班日2023-10-07、2023-10-08。',
    );
  });

  it('rolls a report deadline that falls on a Sunday to the Monday, and says so', () => {
    const [, report] = campaignDeadlines(calendar, { sourceKind: 'AUDIT', reportReceivedOn: '2023-09-26' });
    expect(report?.explanationZh).toContain('2023-11-26为非工作日，顺延至2023-11-27');
  });

  it('has no deadlines until the report-received date is known', () => {
    expect(summary('AUDIT', null)).toEqual([]);
  });
});
