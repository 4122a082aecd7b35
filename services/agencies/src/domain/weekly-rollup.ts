import { randomUUID } from 'node:crypto';
import { agenciesWeeklyRollupTakenV1, recordEvent } from '@eco/events';
import { rollupEventHeader, rollupWeekColumns, takeDueWeeklyParts, takeWeeklyPart } from '@eco/subgraph';
import type { SubgraphRuntime, TakenWeek, WeeklyPart } from '@eco/subgraph';
import type { AgenciesWeeklyRollupEntity, AgencyWeekEntity } from '../persistence/weekly-rollup.entity';
import { AgenciesWeeklyRollupStore } from '../persistence/weekly-rollup.store';
import type { WeeklyRollupSchedule } from '@eco/calendar';
import { agenciesCalendar } from './working-calendar';

const FIGURES = [
  'tasksOpen',
  'tasksDueThisWeek',
  'tasksOverdue',
  'tasksNew',
  'tasksCompleted',
  'tasksAcknowledged',
  'acknowledgementsOverdue',
  'progressReports',
] as const;

/** The rows summed, with all their changes (the part's totals; a partner's: its own row). */
export function sumAgencyWeeks(
  weekOf: string,
  rows: readonly AgencyWeekEntity[],
): Omit<AgencyWeekEntity, 'agencyId'> {
  const totals = {
    id: weekOf,
    weekOf,
    newTaskIds: rows.flatMap((r) => r.newTaskIds),
    completedTaskIds: rows.flatMap((r) => r.completedTaskIds),
    newlyOverdueTaskIds: rows.flatMap((r) => r.newlyOverdueTaskIds),
  } as Omit<AgencyWeekEntity, 'agencyId'>;
  for (const figure of FIGURES) totals[figure] = rows.reduce((n, r) => n + r[figure], 0);
  return totals;
}

function totalsOf(rows: readonly AgencyWeekEntity[]): Record<string, number> {
  const sum = sumAgencyWeeks('', rows);
  return {
    agencies: rows.length,
    ...Object.fromEntries(FIGURES.map((f) => [f, sum[f]])),
    tasksNewlyOverdue: sum.newlyOverdueTaskIds.length,
  };
}

export type TakenPart = TakenWeek<AgenciesWeeklyRollupEntity>;

/**
 * 周汇总, the agencies' part: every outside agency's coordination tasks, from the stored facts as of
 * the cut-off. The week row, the agencies' rows and `agencies.weekly-rollup.taken.v1` commit
 * together, once per week (takeWeeklyPart).
 */
const agenciesPart = (schedule: WeeklyRollupSchedule): WeeklyPart<AgenciesWeeklyRollupEntity> => ({
  calendar: agenciesCalendar,
  schedule,
  findWeek: async (manager, weekOf) =>
    (await new AgenciesWeeklyRollupStore(manager).rollupsByWeeks([weekOf]))[0],
  async write(manager, cutOff, at, now) {
    const store = new AgenciesWeeklyRollupStore(manager);
    const rollup: AgenciesWeeklyRollupEntity = {
      ...rollupWeekColumns(cutOff, at, now),
      eventId: randomUUID(),
    };
    await store.insertRollup(rollup);
    const agencies = await store.insertAgencyWeeks(at);
    await recordEvent(
      manager,
      agenciesWeeklyRollupTakenV1,
      {
        ...rollupEventHeader(rollup),
        totals: totalsOf(agencies),
      },
      { producer: 'agencies', actor: null, eventId: rollup.eventId, occurredAt: now },
    );
    return rollup;
  },
});

/** Takes the agencies' part of one week; null when no cut-off falls that day or it is still to come. */
export const takeAgenciesWeeklyRollup = (
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  weekOf: string,
  now: Date,
): Promise<TakenPart | null> => takeWeeklyPart(runtime, agenciesPart(schedule), weekOf, now);

/** Takes every week whose cut-off fell within the lookback and is not taken yet (the job). */
export const takeDueAgenciesWeeklyRollups = (
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  now: Date,
): Promise<AgenciesWeeklyRollupEntity[]> => takeDueWeeklyParts(runtime, agenciesPart(schedule), now);
