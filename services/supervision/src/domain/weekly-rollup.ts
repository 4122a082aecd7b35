import { randomUUID } from 'node:crypto';
import { recordEvent, supervisionWeeklyRollupTakenV1 } from '@eco/events';
import { rollupEventHeader, rollupWeekColumns, takeDueWeeklyParts, takeWeeklyPart } from '@eco/subgraph';
import type { SubgraphRuntime, TakenWeek, WeeklyPart } from '@eco/subgraph';
import { ReportingStore } from '../persistence/reporting.store';
import { SupervisionStore } from '../persistence/supervision.store';
import type {
  SupervisionWeeklyDepartmentEntity,
  SupervisionWeeklyRollupEntity,
} from '../persistence/weekly-rollup.entity';
import { SupervisionWeeklyRollupStore } from '../persistence/weekly-rollup.store';
import type { MonthlyReportDeadline } from '../persistence/weekly-rollup.store';
import { itemObligations } from './item-obligations';
import { periodOf } from './periods';
import { Schedules } from './reporting-facts';
import type { RollupInstants, WeeklyRollupSchedule } from '@eco/calendar';
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

export type TakenPart = TakenWeek<SupervisionWeeklyRollupEntity>;

/**
 * 周汇总, supervision's part: every responsible department's items, lights, escalations and
 * monthly reports, from the stored facts as of the cut-off (a late run gives what a punctual one
 * would have). The week row, every department's figures and `supervision.weekly-rollup.taken.v1`
 * (rectification then knows the part is in) commit together, once per week (takeWeeklyPart).
 */
const supervisionPart = (schedule: WeeklyRollupSchedule): WeeklyPart<SupervisionWeeklyRollupEntity> => ({
  calendar: supervisionCalendar,
  schedule,
  findWeek: async (manager, weekOf) =>
    (await new SupervisionWeeklyRollupStore(manager).rollupsByWeeks([weekOf]))[0],
  async write(manager, cutOff, at, now) {
    const store = new SupervisionWeeklyRollupStore(manager);
    const rollup: SupervisionWeeklyRollupEntity = {
      ...rollupWeekColumns(cutOff, at, now),
      eventId: randomUUID(),
    };
    await store.insertRollup(rollup);
    const departments = await store.insertDepartmentWeeks(at, await monthlyReportDeadlines(manager, at));
    await recordEvent(
      manager,
      supervisionWeeklyRollupTakenV1,
      {
        ...rollupEventHeader(rollup),
        totals: totalsOf(departments),
      },
      { producer: 'supervision', actor: null, eventId: rollup.eventId, occurredAt: now },
    );
    return rollup;
  },
});

/** Takes supervision's part of one week; null when no cut-off falls that day or it is still to come. */
export const takeSupervisionWeeklyRollup = (
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  weekOf: string,
  now: Date,
): Promise<TakenPart | null> => takeWeeklyPart(runtime, supervisionPart(schedule), weekOf, now);

/** Takes every week whose cut-off fell within the lookback and is not taken yet (the job). */
export const takeDueSupervisionWeeklyRollups = (
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  now: Date,
): Promise<SupervisionWeeklyRollupEntity[]> => takeDueWeeklyParts(runtime, supervisionPart(schedule), now);
