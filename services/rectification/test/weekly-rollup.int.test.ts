import { agencyIdOf } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { EntityManager } from 'typeorm';
import { takeDueWeeklyRollups, takeWeeklyRollup } from '../src/domain/weekly-rollup';
import { DEFAULT_WEEKLY_ROLLUP_SCHEDULE, rollupCutOff, rollupInstants } from '@eco/calendar';
import { rectificationCalendar } from '../src/domain/working-calendar';
import type { WeeklyRollupSchedule } from '@eco/calendar';
import { WeeklyRollupDepartmentEntity } from '../src/persistence/weekly-rollup.entity';
import { departmentWeekParams, departmentWeekSql } from '../src/persistence/weekly-rollup.store';
import { RollupFacts, sh } from './support/rollup-fixtures';

jest.setTimeout(60_000);

const S = agencyIdOf('sanitation');
const E = agencyIdOf('env-inspection');
const I = agencyIdOf('infrastructure');

/** Only the week being tested: an older week taken by the job would be in the way of nothing, but noise. */
const schedule: WeeklyRollupSchedule = { ...DEFAULT_WEEKLY_ROLLUP_SCHEDULE, lookbackDays: 1 };

type Row = Omit<WeeklyRollupDepartmentEntity, 'id' | 'weekOf'>;
const ZERO: Omit<Row, 'departmentId'> = {
  measuresOpen: 0,
  measuresDueThisWeek: 0,
  measuresOverdue: 0,
  measuresCompleted: 0,
  measuresNew: 0,
  problemsOpen: 0,
  problemsNew: 0,
  problemsClosed: 0,
  weeklyReportsOwed: 0,
  weeklyReportsOnTime: 0,
  weeklyReportsLate: 0,
  weeklyReportsMissing: 0,
  newProblemIds: [],
  closedProblemIds: [],
  newlyOverdueMeasureIds: [],
};

/**
 * Issue #8: rectification's part of the weekly roll-up (周汇总), taken at the Wednesday-15:00 cut-off
 * (Asia/Shanghai) from facts recorded with chosen instants in 2023 (seed 003's weeks).
 */
describe('the weekly roll-up of rectification', () => {
  let t: TestStack;
  let runtime: SubgraphRuntime;
  const ids: Record<string, string> = {};

  /** Reads as the system does: the service's role sees agency-scoped rows only within a scope (ADR 0006). */
  const asSystem = <T>(work: (manager: EntityManager) => Promise<T>) => runtime.transaction('all', work);
  const departments = async (weekOf: string): Promise<Row[]> => {
    const rows = await asSystem((m) => m.find(WeeklyRollupDepartmentEntity, { where: { weekOf } }));
    return rows
      .map(({ id: _id, weekOf: _week, ...row }) => row)
      .sort((a, b) => (a.departmentId ?? '').localeCompare(b.departmentId ?? ''));
  };
  const expected = (rows: Row[]) =>
    [...rows].sort((a, b) => (a.departmentId ?? '').localeCompare(b.departmentId ?? ''));
  const row = (departmentId: string, figures: Partial<Row>): Row => ({ departmentId, ...ZERO, ...figures });

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-rollup', demo: 'directory' });
    runtime = t.stack.subgraphs.rectification.runtime;
    const facts = new RollupFacts(runtime);
    const campaign = (ids.campaign = await facts.campaign('2023-09-13', sh('2023-09-01 09:00:00')));
    // 市容环卫处: two measures due Tuesday 09-19, one completed a second before the cut-off, one a second after.
    ids.P1 = await facts.problem(campaign, S, sh('2023-09-01 10:00:00'));
    ids.M1 = await facts.measure(ids.P1, S, sh('2023-09-01 10:00:00'), sh('2023-09-19 17:30:00'));
    ids.M2 = await facts.measure(ids.P1, S, sh('2023-09-01 10:00:00'), sh('2023-09-19 17:30:00'));
    await facts.statusChange(ids.M1, 'NOT_STARTED', 'IN_PROGRESS', sh('2023-09-05 10:00:00'));
    await facts.statusChange(ids.M1, 'IN_PROGRESS', 'COMPLETED', sh('2023-09-20 14:59:59'));
    await facts.statusChange(ids.M2, 'NOT_STARTED', 'COMPLETED', sh('2023-09-20 15:00:01'));
    ids.M5 = await facts.measure(ids.P1, S, sh('2023-09-25 10:00:00'), sh('2023-10-05 17:30:00'));
    // 生态环境督察处: a problem opened in the week of 09-20, with a long-term measure.
    ids.P2 = await facts.problem(campaign, E, sh('2023-09-15 09:00:00'));
    ids.M3 = await facts.measure(ids.P2, E, sh('2023-09-15 09:00:00'), null);
    // 基建处: a measure due Monday 09-25, completed 09-22, the problem closed 09-26.
    ids.P3 = await facts.problem(campaign, I, sh('2023-09-01 10:00:00'));
    ids.M4 = await facts.measure(ids.P3, I, sh('2023-09-01 10:00:00'), sh('2023-09-25 17:30:00'));
    await facts.statusChange(ids.M4, 'NOT_STARTED', 'COMPLETED', sh('2023-09-22 10:00:00'));
    await facts.closeout(ids.P3, 'CLOSED', sh('2023-09-26 10:00:00'));
    // The reports for Wednesday 09-20 (due 15:00): at 14:59:59, at 15:00:00 and at 15:00:01.
    await facts.weeklyReport(campaign, S, '2023-09-20', sh('2023-09-20 14:59:59'));
    await facts.weeklyReport(campaign, E, '2023-09-20', sh('2023-09-20 15:00:00'));
    await facts.weeklyReport(campaign, I, '2023-09-20', sh('2023-09-20 15:00:01'));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it('is not taken at 14:59:59 on Wednesday and is taken at 15:00:00 (Asia/Shanghai)', async () => {
    expect(await takeDueWeeklyRollups(runtime, schedule, sh('2023-09-20 14:59:59'))).toEqual([]);
    const taken = await takeDueWeeklyRollups(runtime, schedule, sh('2023-09-20 15:00:00'));
    expect(taken.map((r) => [r.weekOf, r.cutOffAt, r.periodStartsAt, r.moved, r.weeklyReportsOwed])).toEqual([
      ['2023-09-20', sh('2023-09-20 15:00:00'), sh('2023-09-13 15:00:00'), false, true],
    ]);
  });

  it('counts what happened up to and including the cut-off, and nothing after it', async () => {
    expect(await departments('2023-09-20')).toEqual(
      expected([
        // M1 done at 14:59:59 counts as completed; M2 done at 15:00:01 is still open and overdue.
        row(S, {
          measuresOpen: 1,
          measuresDueThisWeek: 2,
          measuresOverdue: 1,
          measuresCompleted: 1,
          problemsOpen: 1,
          weeklyReportsOwed: 1,
          weeklyReportsOnTime: 1,
          newlyOverdueMeasureIds: [ids.M2!],
        }),
        // A report at 15:00:00 is on time (the 周报 rule: by the deadline).
        row(E, {
          measuresOpen: 1,
          measuresNew: 1,
          problemsOpen: 1,
          problemsNew: 1,
          weeklyReportsOwed: 1,
          weeklyReportsOnTime: 1,
          newProblemIds: [ids.P2!],
        }),
        // A report at 15:00:01 is missing at the cut-off.
        row(I, { measuresOpen: 1, problemsOpen: 1, weeklyReportsOwed: 1, weeklyReportsMissing: 1 }),
      ]),
    );
  });

  it('diffs against the previous week: completed, closed, newly overdue, late reports', async () => {
    const taken = await takeWeeklyRollup(runtime, schedule, '2023-09-27', sh('2023-09-27 15:00:00'));
    expect(taken).toMatchObject({ taken: true, rollup: { periodStartsAt: sh('2023-09-20 15:00:00') } });
    expect(await departments('2023-09-27')).toEqual(
      expected([
        // M2 completed at 15:00:01 last Wednesday belongs to this week; M5 is new and owes a report.
        row(S, {
          measuresOpen: 1,
          measuresCompleted: 1,
          measuresNew: 1,
          problemsOpen: 1,
          weeklyReportsOwed: 1,
          weeklyReportsMissing: 1,
        }),
        row(E, { measuresOpen: 1, problemsOpen: 1, weeklyReportsOwed: 1, weeklyReportsMissing: 1 }),
        // The report missing last week arrived late; the problem was closed (销号) this week.
        row(I, {
          measuresDueThisWeek: 1,
          measuresCompleted: 1,
          problemsClosed: 1,
          weeklyReportsLate: 1,
          closedProblemIds: [ids.P3!],
        }),
      ]),
    );
  });

  it('brings a holiday Wednesday forward to the working day before; no weekly reports are owed', async () => {
    // 2023-10-04 is inside the National Day holiday: the cut-off is Thursday 09-28 15:00.
    expect(await takeDueWeeklyRollups(runtime, schedule, sh('2023-09-28 14:59:59'))).toEqual([]);
    const [week] = await takeDueWeeklyRollups(runtime, schedule, sh('2023-09-28 15:00:00'));
    expect(week).toMatchObject({
      weekOf: '2023-10-04',
      cutOffAt: sh('2023-09-28 15:00:00'),
      moved: true,
      periodStartsAt: sh('2023-09-27 15:00:00'),
      weekStartsOn: '2023-10-02',
      weekEndsOn: '2023-10-08',
      weeklyReportsOwed: false,
    });
    // M5 (due 10-05) is due in the holiday week; the week after starts at the moved cut-off.
    expect((await departments('2023-10-04')).find((r) => r.departmentId === S)).toMatchObject({
      measuresDueThisWeek: 1,
      weeklyReportsOwed: 0,
    });
    expect(rollupCutOff(rectificationCalendar, schedule, '2023-10-11')?.previousCutOffAt).toEqual(
      sh('2023-09-28 15:00:00'),
    );
  });

  it('takes one roll-up per week however many runners race for it', async () => {
    const runners = Array.from({ length: 5 }, () =>
      takeWeeklyRollup(runtime, schedule, '2023-10-11', sh('2023-10-11 15:00:05')),
    );
    const results = await Promise.all(runners);
    expect(results.filter((r) => r?.taken)).toHaveLength(1);
    expect(new Set(results.map((r) => r?.rollup.takenAt.getTime()))).toEqual(
      new Set([sh('2023-10-11 15:00:05').getTime()]),
    );
    const [{ weeks, rows, parts }] = await asSystem((m) =>
      m.query(
        `SELECT (SELECT count(*)::int FROM rectification.weekly_rollups WHERE week_of = '2023-10-11') AS weeks,
              (SELECT count(*)::int FROM rectification.weekly_rollup_departments WHERE week_of = '2023-10-11') AS rows,
              (SELECT count(*)::int FROM rectification.weekly_rollup_parts WHERE week_of = '2023-10-11') AS parts`,
      ),
    );
    // 市容环卫处 and 生态环境督察处 have open measures; 基建处 has nothing left to report.
    expect({ weeks, rows, parts }).toEqual({ weeks: 1, rows: 2, parts: 1 });
  });

  it('leaves nothing behind when a runner dies before committing; the next run takes the week', async () => {
    const crashing: SubgraphRuntime = {
      ...runtime,
      transaction: (scope, work) =>
        runtime.transaction(scope, async (manager) => {
          await work(manager);
          throw new Error('the replica died before commit');
        }),
    };
    await expect(
      takeWeeklyRollup(crashing, schedule, '2023-10-18', sh('2023-10-18 15:00:00')),
    ).rejects.toThrow('died');
    expect(await departments('2023-10-18')).toEqual([]);
    expect(await takeWeeklyRollup(runtime, schedule, '2023-10-18', sh('2023-10-18 15:00:00'))).toMatchObject({
      taken: true,
    });
  });

  it('gives the same result when run again later, whatever was recorded since', async () => {
    const before = await departments('2023-09-20');
    const facts = new RollupFacts(runtime);
    await facts.statusChange(ids.M3!, 'NOT_STARTED', 'COMPLETED', sh('2023-10-20 10:00:00'));
    const again = await takeWeeklyRollup(runtime, schedule, '2023-09-20', sh('2026-01-01 00:00:00'));
    expect(again).toMatchObject({ taken: false, rollup: { takenAt: sh('2023-09-20 15:00:00') } });
    expect(await departments('2023-09-20')).toEqual(before);
    // Computed afresh now, from the facts as of the cut-off, it is what was stored then.
    const cutOff = rollupCutOff(rectificationCalendar, schedule, '2023-09-20')!;
    const deadline = { campaignId: ids.campaign!, weekDate: '2023-09-20', dueAt: sh('2023-09-20 15:00:00') };
    const fresh: Row[] = (
      await asSystem((m) =>
        m.query(
          departmentWeekSql('"rectification"'),
          departmentWeekParams(rollupInstants(cutOff), [deadline]),
        ),
      )
    ).map((r: Record<string, unknown>) => ({
      departmentId: r.department_id,
      measuresOpen: r.measures_open,
      measuresDueThisWeek: r.measures_due_this_week,
      measuresOverdue: r.measures_overdue,
      measuresCompleted: r.measures_completed,
      measuresNew: r.measures_new,
      problemsOpen: r.problems_open,
      problemsNew: r.problems_new,
      problemsClosed: r.problems_closed,
      weeklyReportsOwed: r.weekly_reports_owed,
      weeklyReportsOnTime: r.weekly_reports_on_time,
      weeklyReportsLate: r.weekly_reports_late,
      weeklyReportsMissing: r.weekly_reports_missing,
      newProblemIds: r.new_problem_ids,
      closedProblemIds: r.closed_problem_ids,
      newlyOverdueMeasureIds: r.newly_overdue_measure_ids,
    }));
    expect(expected(fresh)).toEqual(before);
  });

  it('refuses a week whose cut-off has not fallen yet, or a day the schedule does not name', async () => {
    expect(await takeWeeklyRollup(runtime, schedule, '2023-10-25', sh('2023-10-25 14:59:59'))).toBeNull();
    expect(await takeWeeklyRollup(runtime, schedule, '2023-10-26', sh('2023-11-01 00:00:00'))).toBeNull();
  });
});
