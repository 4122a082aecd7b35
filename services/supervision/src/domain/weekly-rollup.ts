import { randomUUID } from 'node:crypto';
import { shanghaiInstant } from '@eco/calendar';
import { recordEvent, supervisionWeeklyRollupTakenV1 } from '@eco/events';
import type { SubgraphRuntime } from '@eco/subgraph';
import { ReportingStore } from '../persistence/reporting.store';
import { SupervisionStore } from '../persistence/supervision.store';
import type {
  SupervisionWeeklyDepartmentEntity,
  SupervisionWeeklyRollupEntity,
} from '../persistence/weekly-rollup.entity';
import { SupervisionWeeklyRollupStore } from '../persistence/weekly-rollup.store';
import type { MonthlyReportDeadline, RollupInstants } from '../persistence/weekly-rollup.store';
import { itemObligations } from './item-obligations';
import { periodOf } from './periods';
import { Schedules } from './reporting-facts';
import { rollupCutOff, rollupCutOffsDue } from '@eco/calendar';
import type { WeeklyRollupSchedule } from '@eco/calendar';
import { supervisionCalendar } from './working-calendar';
import type { EntityManager } from 'typeorm';

const FIGURES = [
  'itemsOpen',
  'itemsDueThisWeek',
  'itemsOverdue',
  'itemsNew',
  'itemsClosed',
  'lightsGreen',
  'lightsYellow',
  'lightsRed',
  'lightChanges',
  'escalationsTriggered',
  'reportsOwed',
  'reportsOnTime',
  'reportsLate',
  'reportsMissing',
] as const;

/** Every department's week summed, with all their changes: the part's totals. */
export function sumSupervisionWeeks(
  weekOf: string,
  rows: readonly SupervisionWeeklyDepartmentEntity[],
): SupervisionWeeklyDepartmentEntity {
  const totals = {
    id: weekOf,
    weekOf,
    departmentId: null,
    newItemIds: rows.flatMap((r) => r.newItemIds),
    closedItemIds: rows.flatMap((r) => r.closedItemIds),
    turnedRedItemIds: rows.flatMap((r) => r.turnedRedItemIds),
    newlyOverdueItemIds: rows.flatMap((r) => r.newlyOverdueItemIds),
    escalationIds: rows.flatMap((r) => r.escalationIds),
  } as SupervisionWeeklyDepartmentEntity;
  for (const figure of FIGURES) totals[figure] = rows.reduce((n, r) => n + r[figure], 0);
  return totals;
}

/** The figures the `supervision.weekly-rollup.taken.v1` event carries. */
function totalsOf(rows: readonly SupervisionWeeklyDepartmentEntity[]): Record<string, number> {
  const sum = sumSupervisionWeeks('', rows);
  return {
    departments: rows.length,
    ...Object.fromEntries(FIGURES.map((f) => [f, sum[f]])),
    itemsTurnedRed: sum.turnedRedItemIds.length,
    itemsNewlyOverdue: sum.newlyOverdueItemIds.length,
  };
}

/** Monthly reports (annex 6 schedules, by the calendar) falling due in (previous cut-off, cut-off]. */
async function monthlyReportDeadlines(
  manager: EntityManager,
  at: RollupInstants,
): Promise<MonthlyReportDeadline[]> {
  const from = at.periodStartsAt.getTime();
  const to = at.cutOffAt.getTime();
  const items = (await new SupervisionStore(manager).listItems({})).filter(
    (i) => i.createdAt.getTime() <= to,
  );
  const schedules = new Schedules(await new ReportingStore(manager).schedules());
  const range = { from: periodOf(at.periodStartsAt), to: periodOf(at.cutOffAt) };
  return items.flatMap((item) =>
    itemObligations(item, schedules, [], at.cutOffAt, range)
      .filter((o) => o.dueAt.getTime() > from && o.dueAt.getTime() <= to)
      .map((o) => ({ itemId: item.id, period: o.period, dueAt: o.dueAt })),
  );
}

export interface TakenPart {
  rollup: SupervisionWeeklyRollupEntity;
  /** False when another runner (or an earlier run) had taken it: nothing was written. */
  taken: boolean;
}

/**
 * 周汇总, supervision's part: once per week, under a per-week advisory lock (several replicas, a
 * restart mid-run), from the stored facts as of the cut-off (a late run gives what a punctual one
 * would have). The week row, every department's figures and `supervision.weekly-rollup.taken.v1`
 * (rectification then knows the part is in) commit together. Null when the rule names no cut-off
 * that day, or it has not fallen yet at `now`.
 */
export async function takeSupervisionWeeklyRollup(
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  weekOf: string,
  now: Date,
): Promise<TakenPart | null> {
  const cutOff = rollupCutOff(supervisionCalendar, schedule, weekOf);
  if (cutOff === null || cutOff.cutOffAt.getTime() > now.getTime()) return null;
  const at: RollupInstants = {
    weekOf,
    cutOffAt: cutOff.cutOffAt,
    periodStartsAt: cutOff.previousCutOffAt,
    weekStartsAt: shanghaiInstant(cutOff.weekStartsOn),
    weekEndsAt: shanghaiInstant(cutOff.weekEndsOn, '24:00'),
  };
  return runtime.transaction('all', async (manager) => {
    const store = new SupervisionWeeklyRollupStore(manager);
    await store.lockWeek(weekOf);
    const [existing] = await store.rollupsByWeeks([weekOf]);
    if (existing) return { rollup: existing, taken: false };
    const rollup: SupervisionWeeklyRollupEntity = {
      weekOf,
      cutOffAt: cutOff.cutOffAt,
      periodStartsAt: cutOff.previousCutOffAt,
      weekStartsOn: cutOff.weekStartsOn,
      weekEndsOn: cutOff.weekEndsOn,
      takenAt: now,
      eventId: randomUUID(),
    };
    await store.insertRollup(rollup);
    const departments = await store.insertDepartmentWeeks(at, await monthlyReportDeadlines(manager, at));
    await recordEvent(
      manager,
      supervisionWeeklyRollupTakenV1,
      {
        weekOf,
        cutOffAt: rollup.cutOffAt.toISOString(),
        periodStartsAt: rollup.periodStartsAt.toISOString(),
        takenAt: now.toISOString(),
        totals: totalsOf(departments),
      },
      { producer: 'supervision', actor: null, eventId: rollup.eventId, occurredAt: now },
    );
    return { rollup, taken: true };
  });
}

/** Takes every week whose cut-off fell within the lookback and is not taken yet (the job). */
export async function takeDueSupervisionWeeklyRollups(
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  now: Date,
): Promise<SupervisionWeeklyRollupEntity[]> {
  const taken: SupervisionWeeklyRollupEntity[] = [];
  for (const cutOff of rollupCutOffsDue(supervisionCalendar, schedule, now)) {
    const result = await takeSupervisionWeeklyRollup(runtime, schedule, cutOff.scheduledDate, now);
    if (result?.taken) taken.push(result.rollup);
  }
  return taken;
}
