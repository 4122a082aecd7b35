import { randomUUID } from 'node:crypto';
import { shanghaiInstant } from '@eco/calendar';
import { agenciesWeeklyRollupTakenV1, recordEvent } from '@eco/events';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { AgenciesWeeklyRollupEntity, AgencyWeekEntity } from '../persistence/weekly-rollup.entity';
import { AgenciesWeeklyRollupStore } from '../persistence/weekly-rollup.store';
import type { RollupInstants } from '../persistence/weekly-rollup.store';
import { rollupCutOff, rollupCutOffsDue } from '@eco/calendar';
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

export interface TakenPart {
  rollup: AgenciesWeeklyRollupEntity;
  /** False when another runner (or an earlier run) had taken it: nothing was written. */
  taken: boolean;
}

/**
 * 周汇总, the agencies' part: every outside agency's coordination tasks, once per week, under a
 * per-week advisory lock (several replicas, a restart mid-run), from the stored facts as of the
 * cut-off. The week row, the agencies' rows and `agencies.weekly-rollup.taken.v1` commit together.
 * Null when the rule names no cut-off that day, or it has not fallen yet at `now`.
 */
export async function takeAgenciesWeeklyRollup(
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  weekOf: string,
  now: Date,
): Promise<TakenPart | null> {
  const cutOff = rollupCutOff(agenciesCalendar, schedule, weekOf);
  if (cutOff === null || cutOff.cutOffAt.getTime() > now.getTime()) return null;
  const at: RollupInstants = {
    weekOf,
    cutOffAt: cutOff.cutOffAt,
    periodStartsAt: cutOff.previousCutOffAt,
    weekStartsAt: shanghaiInstant(cutOff.weekStartsOn),
    weekEndsAt: shanghaiInstant(cutOff.weekEndsOn, '24:00'),
  };
  return runtime.transaction('all', async (manager) => {
    const store = new AgenciesWeeklyRollupStore(manager);
    await store.lockWeek(weekOf);
    const [existing] = await store.rollupsByWeeks([weekOf]);
    if (existing) return { rollup: existing, taken: false };
    const rollup: AgenciesWeeklyRollupEntity = {
      weekOf,
      cutOffAt: cutOff.cutOffAt,
      periodStartsAt: cutOff.previousCutOffAt,
      weekStartsOn: cutOff.weekStartsOn,
      weekEndsOn: cutOff.weekEndsOn,
      takenAt: now,
      eventId: randomUUID(),
    };
    await store.insertRollup(rollup);
    const agencies = await store.insertAgencyWeeks(at);
    await recordEvent(
      manager,
      agenciesWeeklyRollupTakenV1,
      {
        weekOf,
        cutOffAt: rollup.cutOffAt.toISOString(),
        periodStartsAt: rollup.periodStartsAt.toISOString(),
        takenAt: now.toISOString(),
        totals: totalsOf(agencies),
      },
      { producer: 'agencies', actor: null, eventId: rollup.eventId, occurredAt: now },
    );
    return { rollup, taken: true };
  });
}

/** Takes every week whose cut-off fell within the lookback and is not taken yet (the job). */
export async function takeDueAgenciesWeeklyRollups(
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  now: Date,
): Promise<AgenciesWeeklyRollupEntity[]> {
  const taken: AgenciesWeeklyRollupEntity[] = [];
  for (const cutOff of rollupCutOffsDue(agenciesCalendar, schedule, now)) {
    const result = await takeAgenciesWeeklyRollup(runtime, schedule, cutOff.scheduledDate, now);
    if (result?.taken) taken.push(result.rollup);
  }
  return taken;
}
