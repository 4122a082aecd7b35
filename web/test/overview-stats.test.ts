import type { MeasureCount, ProblemCount, WeeklyReportWeekCounts } from '../src/api/types';
import {
  byDepartment,
  campaignTotals,
  completionSeries,
  endOfWeek,
  itemTotals,
  lightCounts,
  weeklyObligationSummary,
} from '../src/model/overview-stats';
import { filterLedger, NO_FILTER } from '../src/model/ledger-filter';
import { mondayOf, shanghaiDate, wednesdayOnOrBefore } from '../src/model/shanghai-time';

const sanitation = { id: 'sanitation', name: '市容环卫处' };
const infrastructure = { id: 'infrastructure', name: '基建处' };

function measures(
  department: MeasureCount['department'],
  status: MeasureCount['status'],
  count: number,
  overdue = 0,
  dueThisWeek = 0,
): MeasureCount {
  return { department, status, count, overdue, dueThisWeek };
}

const problems = (
  department: ProblemCount['department'],
  status: ProblemCount['status'],
  count: number,
): ProblemCount => ({ department, status, count });

// Thursday 2023-09-14, 10:00 in Shanghai.
const now = new Date('2023-09-14T02:00:00.000Z');

describe('the overview figures (from the counts the API computes)', () => {
  it('counts the Shanghai calendar week, whatever the machine clock zone says', () => {
    expect(mondayOf('2023-09-14')).toBe('2023-09-11');
    expect(wednesdayOnOrBefore('2023-09-14')).toBe('2023-09-13');
    expect(wednesdayOnOrBefore('2023-09-13')).toBe('2023-09-13');
    // 23:30 UTC on the 17th is already Monday the 18th in Shanghai.
    expect(shanghaiDate(new Date('2023-09-17T16:30:00.000Z'))).toBe('2023-09-18');
    expect(endOfWeek(now).toISOString()).toBe('2023-09-17T16:00:00.000Z');
  });

  it('sums the tiles and the status bars over departments, every status shown', () => {
    const totals = campaignTotals(
      [problems(sanitation, 'CLOSED', 2), problems(infrastructure, 'CLOSED', 1), problems(null, 'OPEN', 4)],
      [
        measures(sanitation, 'IN_PROGRESS', 5, 2, 1),
        measures(infrastructure, 'IN_PROGRESS', 3, 1, 0),
        measures(sanitation, 'COMPLETED', 6),
      ],
    );
    expect(totals).toMatchObject({
      problems: 7,
      problemsClosed: 3,
      measures: 14,
      measuresCompleted: 6,
      measuresOverdue: 3,
      measuresDueThisWeek: 1,
    });
    expect(totals.problemStatus).toEqual([
      { key: 'OPEN', count: 4 },
      { key: 'IN_PROGRESS', count: 0 },
      { key: 'MEASURES_COMPLETED', count: 0 },
      { key: 'REOPENED', count: 0 },
      { key: 'CLOSED', count: 3 },
    ]);
    expect(totals.measureStatus).toEqual([
      { key: 'NOT_STARTED', count: 0 },
      { key: 'IN_PROGRESS', count: 8 },
      { key: 'COMPLETED', count: 6 },
    ]);
  });

  it('puts problems and measures counted per department side by side, most overdue first', () => {
    expect(
      byDepartment(
        [
          problems(sanitation, 'IN_PROGRESS', 1),
          problems(infrastructure, 'CLOSED', 1),
          problems(null, 'OPEN', 1),
        ],
        [
          measures(infrastructure, 'COMPLETED', 1),
          measures(sanitation, 'IN_PROGRESS', 1, 1),
          measures(sanitation, 'NOT_STARTED', 2, 1),
        ],
      ),
    ).toEqual([
      {
        ...sanitation,
        problems: 1,
        problemsClosed: 0,
        measures: 3,
        measuresCompleted: 0,
        measuresOverdue: 2,
      },
      {
        ...infrastructure,
        problems: 1,
        problemsClosed: 1,
        measures: 1,
        measuresCompleted: 1,
        measuresOverdue: 0,
      },
      {
        id: 'none',
        name: '未指定',
        problems: 1,
        problemsClosed: 0,
        measures: 0,
        measuresCompleted: 0,
        measuresOverdue: 0,
      },
    ]);
  });

  it('counts lights with items not yet lit apart', () => {
    expect(lightCounts([{ light: 'RED' }, { light: null }, { light: 'RED' }])).toEqual([
      { key: 'RED', count: 2 },
      { key: 'YELLOW', count: 0 },
      { key: 'GREEN', count: 0 },
      { key: 'NONE', count: 1 },
    ]);
    const items = itemTotals([
      { light: 'RED', count: 2, overdue: 1, dueThisWeek: 0 },
      { light: null, count: 1, overdue: 0, dueThisWeek: 1 },
      { light: 'RED', count: 3, overdue: 2, dueThisWeek: 0 },
    ]);
    expect(items).toMatchObject({ items: 6, red: 5, overdue: 3, dueThisWeek: 1 });
    expect(items.lights).toEqual([
      { key: 'RED', count: 5 },
      { key: 'YELLOW', count: 0 },
      { key: 'GREEN', count: 0 },
      { key: 'NONE', count: 1 },
    ]);
  });

  it('draws completion per campaign week, counting measures done before times were recorded from the start', () => {
    // a: completed with no time, due 09-01; b: completed 09-12, due 09-14; c: due 09-28.
    const { points, total } = completionSeries(
      [
        { weekStartsOn: '2023-09-25', completed: 0, due: 1 },
        { weekStartsOn: '2023-09-11', completed: 1, due: 1 },
        { weekStartsOn: '2023-08-28', completed: 0, due: 1 },
        { weekStartsOn: null, completed: 1, due: 0 },
      ],
      3,
      { periodStart: '2023-08-29', periodEnd: '2023-09-28' },
      now,
    );
    expect(total).toBe(3);
    // Weeks from the Monday of the start up to this week (the period's end is still ahead).
    expect(points).toEqual([
      { weekStart: '2023-08-28', completed: 1, planned: 1 },
      { weekStart: '2023-09-04', completed: 1, planned: 1 },
      { weekStart: '2023-09-11', completed: 2, planned: 2 },
    ]);
  });

  it('runs to the last deadline or completion (never past today), sampling long campaigns to a readable number of points', () => {
    const later = new Date('2026-11-18T02:00:00.000Z');
    const { points } = completionSeries(
      [
        { weekStartsOn: '2026-11-16', completed: 1, due: 0 },
        { weekStartsOn: '2027-03-29', completed: 0, due: 1 },
      ],
      2,
      { periodStart: '2023-08-29', periodEnd: '2023-09-28' },
      later,
      40,
    );
    expect(points.length).toBeLessThanOrEqual(41);
    expect(points[0]!.weekStart).toBe('2023-08-28');
    expect(points[points.length - 1]).toEqual({ weekStart: '2026-11-16', completed: 1, planned: 0 });
  });

  it('sums report obligations over the weeks owed and picks the latest one already due', () => {
    const weeks: WeeklyReportWeekCounts[] = [
      {
        weekDate: '2023-09-13',
        dueAt: '2023-09-13T07:00:00.000Z',
        skipped: false,
        obligations: [
          { status: 'ON_TIME', count: 1 },
          { status: 'MISSING', count: 2 },
        ],
      },
      {
        weekDate: '2023-09-20',
        dueAt: '2023-09-20T07:00:00.000Z',
        skipped: false,
        obligations: [{ status: 'DUE', count: 1 }],
      },
      { weekDate: '2023-10-04', dueAt: null, skipped: true, obligations: [] },
    ];
    const summary = weeklyObligationSummary(weeks, now);
    expect(summary.latest?.weekDate).toBe('2023-09-13');
    expect(summary.weeks).toBe(2);
    expect(summary.totals).toEqual([
      { key: 'ON_TIME', count: 1 },
      { key: 'LATE', count: 0 },
      { key: 'MISSING', count: 2 },
      { key: 'DUE', count: 1 },
    ]);
    expect(summary.latestCounts).toEqual([
      { key: 'ON_TIME', count: 1 },
      { key: 'LATE', count: 0 },
      { key: 'MISSING', count: 2 },
      { key: 'DUE', count: 0 },
    ]);
  });
});

describe('the ledger filter', () => {
  const row = (id: string, overrides: object = {}) => ({
    displayNumber: id,
    problem: { id, displayNumber: id, status: 'IN_PROGRESS' as const },
    problemDescription: `问题${id}的描述`,
    leadLeader: null,
    responsibleDepartment: sanitation,
    measure: { id: `m${id}`, sequence: '1', dueAt: '2023-09-08T09:30:00.000Z' },
    measureText: `措施${id}`,
    deadlineLabel: '9月8日',
    status: 'IN_PROGRESS' as const,
    verification: 'NONE' as const,
    followUpDueOn: null,
    ...overrides,
  });
  const rows = [
    row('1'),
    row('2', { responsibleDepartment: infrastructure, status: 'COMPLETED', measureText: '取缔制砖厂' }),
    row('3', { measure: { id: 'm3', sequence: '1', dueAt: '2023-10-08T09:30:00.000Z' } }),
  ];

  it('keeps everything without a filter, and narrows by department, status, overdue and text', () => {
    const ids = (filter: Partial<typeof NO_FILTER>) =>
      filterLedger(rows, { ...NO_FILTER, ...filter }, now).map((r) => r.problem.id);
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ departmentId: 'infrastructure' })).toEqual(['2']);
    expect(ids({ status: 'IN_PROGRESS' })).toEqual(['1', '3']);
    expect(ids({ overdueOnly: true })).toEqual(['1']);
    expect(ids({ text: '制砖' })).toEqual(['2']);
  });
});
