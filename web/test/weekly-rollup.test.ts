import type { WeeklyRollupWeek } from '../src/api/types';
import {
  defaultWeekChoice,
  figureChanges,
  formatChange,
  partState,
  previousReportingWeek,
  weekChoices,
} from '../src/model/weekly-rollup';

/** A roll-up of the week whose Monday is `monday`, cut off on `weekOf` at 15:00 Shanghai. */
function rollup(weekOf: string, monday: string, previousCutOff: string): WeeklyRollupWeek {
  const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  return {
    weekOf,
    cutOffAt: `${weekOf}T07:00:00.000Z`,
    moved: false,
    periodStartsAt: `${previousCutOff}T07:00:00.000Z`,
    weekStartsOn: monday,
    weekEndsOn: sunday,
    weeklyReportsOwed: true,
    takenAt: `${weekOf}T07:00:00.000Z`,
    parts: ['RECTIFICATION', 'SUPERVISION', 'AGENCIES'],
    readyAt: `${weekOf}T07:00:05.000Z`,
  };
}

const reportingWeek = (weekDate: string, skipped = false) => ({
  weekDate,
  dueAt: skipped ? null : `${weekDate}T07:00:00.000Z`,
  skipped,
});

describe('the weekly page’s choice of weeks', () => {
  const w1111 = rollup('2026-11-11', '2026-11-09', '2026-11-04');
  const w1118 = rollup('2026-11-18', '2026-11-16', '2026-11-11');

  it('matches each roll-up with the reporting Wednesday of its calendar week, newest first', () => {
    const choices = weekChoices(
      [w1111, w1118],
      [reportingWeek('2026-11-11'), reportingWeek('2026-11-18'), reportingWeek('2026-11-25')],
    );
    expect(
      choices.map((c) => [c.monday, c.day, c.rollup?.weekOf ?? null, c.reportingWeek?.weekDate ?? null]),
    ).toEqual([
      ['2026-11-23', '2026-11-25', null, '2026-11-25'],
      ['2026-11-16', '2026-11-18', '2026-11-18', '2026-11-18'],
      ['2026-11-09', '2026-11-11', '2026-11-11', '2026-11-11'],
    ]);
  });

  it('compares each roll-up with the one taken before it, whatever order the API lists them in', () => {
    const choices = weekChoices([w1118, w1111], []);
    expect(choices.map((c) => [c.day, c.previousRollup?.weekOf ?? null])).toEqual([
      ['2026-11-18', '2026-11-11'],
      ['2026-11-11', null],
    ]);
  });

  it('matches by week, not by day, when the schedule names another weekday', () => {
    const friday = { ...rollup('2026-11-20', '2026-11-16', '2026-11-13') };
    const choices = weekChoices([friday], [reportingWeek('2026-11-18')]);
    expect(choices).toHaveLength(1);
    expect(choices[0]).toMatchObject({ day: '2026-11-20', reportingWeek: { weekDate: '2026-11-18' } });
  });

  it('opens on the latest roll-up, else on the latest reporting Wednesday already due', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    const withRollups = weekChoices([w1111], [reportingWeek('2026-11-18'), reportingWeek('2026-11-25')]);
    expect(defaultWeekChoice(withRollups, now)?.day).toBe('2026-11-11');
    const withoutRollups = weekChoices([], [reportingWeek('2026-11-18'), reportingWeek('2026-11-25')]);
    expect(defaultWeekChoice(withoutRollups, now)?.day).toBe('2026-11-18');
    expect(defaultWeekChoice([], now)).toBeNull();
  });

  it('compares reporting statuses with the previous Wednesday that was not a holiday', () => {
    const weeks = [
      reportingWeek('2026-09-23'),
      reportingWeek('2026-09-30', true),
      reportingWeek('2026-10-07'),
    ];
    expect(previousReportingWeek(weeks, '2026-10-07')?.weekDate).toBe('2026-09-23');
    expect(previousReportingWeek(weeks, '2026-09-23')).toBeNull();
  });
});

describe('the standing figures against the previous roll-up', () => {
  const specs = [
    { key: 'measuresOpen' as const, label: '未完成措施' },
    { key: 'measuresOverdue' as const, label: '逾期措施', riseIsBad: true },
  ];

  it('gives each figure now, before and the change', () => {
    expect(
      figureChanges(
        specs,
        { measuresOpen: 10, measuresOverdue: 4 },
        { measuresOpen: 12, measuresOverdue: 1 },
      ),
    ).toEqual([
      { key: 'measuresOpen', label: '未完成措施', now: 10, before: 12, change: -2, riseIsBad: false },
      { key: 'measuresOverdue', label: '逾期措施', now: 4, before: 1, change: 3, riseIsBad: true },
    ]);
  });

  it('has no change to show for the first roll-up', () => {
    expect(figureChanges(specs, { measuresOpen: 10, measuresOverdue: 4 }, null).map((f) => f.change)).toEqual(
      [null, null],
    );
  });

  it('writes a change as people read it', () => {
    expect([3, -2, 0, null].map(formatChange)).toEqual(['+3', '−2', '持平', '—']);
  });
});

describe("one part's request", () => {
  const base = { data: null, error: null, partialErrors: [] };
  const part = { totals: {} };

  it('is internal when it was not asked for on a partner’s behalf', () => {
    expect(partState({ ...base, skipped: true }, undefined, undefined)).toEqual({ kind: 'refused' });
  });

  it('is internal, not a failure, when the API refuses it (the whole request or the part)', () => {
    expect(partState({ ...base, error: { code: 'FORBIDDEN', message: 'no' } }, undefined, undefined)).toEqual(
      {
        kind: 'refused',
      },
    );
    // rectification's part is non-null: refused, it nulls the week next to a FORBIDDEN error.
    const refused = {
      data: { week: null },
      error: null,
      partialErrors: [{ message: 'internal', extensions: { code: 'FORBIDDEN' } }],
    };
    expect(partState(refused, null, null)).toEqual({ kind: 'refused' });
  });

  it('is not taken yet when the week answers without it and without an error', () => {
    expect(partState({ ...base, data: { week: { coordination: null } } }, null, null)).toEqual({
      kind: 'not-taken',
    });
  });

  it('reports any other error', () => {
    expect(
      partState({ ...base, error: { code: 'NETWORK', message: '无法连接' } }, undefined, undefined),
    ).toEqual({
      kind: 'failed',
      code: 'NETWORK',
      message: '无法连接',
    });
    const broken = {
      data: { week: null },
      error: null,
      partialErrors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    };
    expect(partState(broken, null, null)).toMatchObject({ kind: 'failed', code: 'INTERNAL_SERVER_ERROR' });
  });

  it('is loading until data or an error is there, then ready with the previous totals if any', () => {
    expect(partState(base, undefined, undefined)).toEqual({ kind: 'loading' });
    expect(partState({ ...base, data: {} }, part, { measuresOpen: 1 })).toEqual({
      kind: 'ready',
      part,
      previousTotals: { measuresOpen: 1 },
    });
    expect(partState({ ...base, data: {} }, part, undefined)).toMatchObject({ previousTotals: null });
  });
});
