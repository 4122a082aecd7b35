import type { OverviewMeasure, OverviewProblem, WeeklyWeek } from '../src/api/types';
import {
  byDepartment,
  completionSeries,
  endOfWeek,
  lightCounts,
  measuresDueThisWeek,
  overdueMeasures,
  weeklyObligationSummary,
} from '../src/model/overview-stats';
import { filterLedger, NO_FILTER } from '../src/model/ledger-filter';
import { mondayOf, shanghaiDate, wednesdayOnOrBefore } from '../src/model/shanghai-time';

const sanitation = { id: 'sanitation', name: '市容环卫处' };
const infrastructure = { id: 'infrastructure', name: '基建处' };

function measure(id: string, overrides: Partial<OverviewMeasure> = {}): OverviewMeasure {
  return {
    id,
    sequence: id,
    text: `措施${id}`,
    status: 'IN_PROGRESS',
    dueAt: null,
    completedAt: null,
    deadline: { kind: 'DATE', label: '' },
    responsibleAgency: null,
    ...overrides,
  };
}

function problem(
  id: string,
  measures: OverviewMeasure[],
  overrides: Partial<OverviewProblem> = {},
): OverviewProblem {
  return {
    id,
    displayNumber: id,
    title: `问题${id}`,
    status: 'IN_PROGRESS',
    openedAt: '2023-08-29T01:00:00.000Z',
    closedAt: null,
    responsibleDepartment: sanitation,
    measures,
    ...overrides,
  };
}

// Thursday 2023-09-14, 10:00 in Shanghai.
const now = new Date('2023-09-14T02:00:00.000Z');

describe('the overview figures', () => {
  it('counts the Shanghai calendar week, whatever the machine clock zone says', () => {
    expect(mondayOf('2023-09-14')).toBe('2023-09-11');
    expect(wednesdayOnOrBefore('2023-09-14')).toBe('2023-09-13');
    expect(wednesdayOnOrBefore('2023-09-13')).toBe('2023-09-13');
    // 23:30 UTC on the 17th is already Monday the 18th in Shanghai.
    expect(shanghaiDate(new Date('2023-09-17T16:30:00.000Z'))).toBe('2023-09-18');
    expect(endOfWeek(now).toISOString()).toBe('2023-09-17T16:00:00.000Z');
  });

  it('lists unfinished measures past their deadline as overdue, and those due by Sunday as due this week', () => {
    const problems = [
      problem('1', [
        measure('a', { dueAt: '2023-09-08T09:30:00.000Z' }),
        measure('b', { dueAt: '2023-09-08T09:30:00.000Z', status: 'COMPLETED' }),
        measure('c', { dueAt: '2023-09-15T09:30:00.000Z' }),
        measure('d', { dueAt: '2023-09-25T09:30:00.000Z' }),
        measure('e', { deadline: { kind: 'LONG_TERM', label: '长期坚持' } }),
      ]),
    ];
    expect(overdueMeasures(problems, now).map((m) => m.id)).toEqual(['a']);
    expect(measuresDueThisWeek(problems, now).map((m) => m.id)).toEqual(['c']);
  });

  it("groups by department, a measure under its own unit and otherwise under its problem's", () => {
    const problems = [
      problem('1', [
        measure('a', { dueAt: '2023-09-01T09:30:00.000Z' }),
        measure('b', { responsibleAgency: infrastructure, status: 'COMPLETED' }),
      ]),
      problem('2', [], { status: 'CLOSED', responsibleDepartment: infrastructure }),
    ];
    expect(byDepartment(problems, now)).toEqual([
      {
        ...sanitation,
        problems: 1,
        problemsClosed: 0,
        measures: 1,
        measuresCompleted: 0,
        measuresOverdue: 1,
      },
      {
        ...infrastructure,
        problems: 1,
        problemsClosed: 1,
        measures: 1,
        measuresCompleted: 1,
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
  });

  it('draws completion per campaign week, counting measures done before times were recorded from the start', () => {
    const problems = [
      problem('1', [
        measure('a', { status: 'COMPLETED', completedAt: null, dueAt: '2023-09-01T09:30:00.000Z' }),
        measure('b', {
          status: 'COMPLETED',
          completedAt: '2023-09-12T08:00:00.000Z',
          dueAt: '2023-09-14T09:30:00.000Z',
        }),
        measure('c', { dueAt: '2023-09-28T09:30:00.000Z' }),
      ]),
    ];
    const { points, total } = completionSeries(
      problems,
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
    const problems = [
      problem('1', [
        measure('a', { status: 'COMPLETED', completedAt: '2026-11-17T02:00:00.000Z' }),
        measure('b', { dueAt: '2027-03-31T09:30:00.000Z' }),
      ]),
    ];
    const { points } = completionSeries(
      problems,
      { periodStart: '2023-08-29', periodEnd: '2023-09-28' },
      later,
      40,
    );
    expect(points.length).toBeLessThanOrEqual(41);
    expect(points[0]!.weekStart).toBe('2023-08-28');
    expect(points[points.length - 1]!.weekStart).toBe('2026-11-16');
  });

  it('sums report obligations over the weeks owed and picks the latest one already due', () => {
    const obligation = (status: 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE') => ({
      status,
      dueAt: '',
      agency: sanitation,
    });
    const weeks: WeeklyWeek[] = [
      {
        weekDate: '2023-09-13',
        dueAt: '2023-09-13T07:00:00.000Z',
        skipped: false,
        holidayName: null,
        obligations: [obligation('ON_TIME'), obligation('MISSING')],
      },
      {
        weekDate: '2023-09-20',
        dueAt: '2023-09-20T07:00:00.000Z',
        skipped: false,
        holidayName: null,
        obligations: [obligation('DUE')],
      },
      { weekDate: '2023-10-04', dueAt: null, skipped: true, holidayName: '国庆节', obligations: [] },
    ];
    const summary = weeklyObligationSummary(weeks, now);
    expect(summary.latest?.weekDate).toBe('2023-09-13');
    expect(summary.weeks).toBe(2);
    expect(summary.totals).toEqual([
      { key: 'ON_TIME', count: 1 },
      { key: 'LATE', count: 0 },
      { key: 'MISSING', count: 1 },
      { key: 'DUE', count: 1 },
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
