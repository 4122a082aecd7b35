import { Column, PrimaryColumn } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { rollupCutOff, rollupCutOffsDue, rollupInstants } from '@eco/calendar';
import type { RollupInstants, WeeklyCutOff, WeeklyRollupSchedule, WorkingCalendar } from '@eco/calendar';
import type { SubgraphRuntime } from './subgraph-runtime';

/** How one subgraph takes its part of the weekly roll-up (docs/rollup.md). */
export interface WeeklyPart<W> {
  calendar: WorkingCalendar;
  schedule: WeeklyRollupSchedule;
  /** The week's row as stored, if the part was taken already. */
  findWeek(manager: EntityManager, weekOf: string): Promise<W | undefined>;
  /** Writes the week's row, its figures and its event; called at most once per week. */
  write(manager: EntityManager, cutOff: WeeklyCutOff, at: RollupInstants, now: Date): Promise<W>;
}

export interface TakenWeek<W> {
  rollup: W;
  /** False when another runner (or an earlier run) had taken it: nothing was written. */
  taken: boolean;
}

/**
 * Serialises everything that writes one week of this schema's roll-up (several replicas, a restart
 * mid-run): a transaction-level advisory lock keyed by the schema and the week.
 */
export async function lockRollupWeek(manager: EntityManager, weekOf: string): Promise<void> {
  const schema = (manager.connection.options as { schema: string }).schema;
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), ($2::date - DATE '2000-01-01'))`, [
    `${schema}.weekly_rollups`,
    weekOf,
  ]);
}

/**
 * Takes the part of the week the schedule names `weekOf`, once: under the week's lock, a week taken
 * already is returned as stored, otherwise `write` runs, in one transaction. Null when the rule names
 * no cut-off that day, or it has not fallen yet at `now`.
 */
export async function takeWeeklyPart<W>(
  runtime: SubgraphRuntime,
  part: WeeklyPart<W>,
  weekOf: string,
  now: Date,
): Promise<TakenWeek<W> | null> {
  const cutOff = rollupCutOff(part.calendar, part.schedule, weekOf);
  if (cutOff === null || cutOff.cutOffAt.getTime() > now.getTime()) return null;
  return runtime.transaction('all', async (manager) => {
    await lockRollupWeek(manager, weekOf);
    const existing = await part.findWeek(manager, weekOf);
    if (existing) return { rollup: existing, taken: false };
    return { rollup: await part.write(manager, cutOff, rollupInstants(cutOff), now), taken: true };
  });
}

/** Takes every week whose cut-off fell within the lookback and is not taken yet (the job). */
export async function takeDueWeeklyParts<W>(
  runtime: SubgraphRuntime,
  part: WeeklyPart<W>,
  now: Date,
): Promise<W[]> {
  const taken: W[] = [];
  for (const cutOff of rollupCutOffsDue(part.calendar, part.schedule, now)) {
    const result = await takeWeeklyPart(runtime, part, cutOff.scheduledDate, now);
    if (result?.taken) taken.push(result.rollup);
  }
  return taken;
}

/**
 * The columns every subgraph's `weekly_rollups` row has: when the week was cut. Each service's
 * entity extends it with its own (TypeORM inherits the columns of an undecorated parent class).
 */
export abstract class RollupWeekColumns {
  /** The day the schedule names (the Wednesday), even when a holiday moved the cut-off. */
  @PrimaryColumn({ type: 'date' })
  weekOf!: string;

  @Column({ type: 'timestamptz' })
  cutOffAt!: Date;

  /** The previous cut-off: the part covers (periodStartsAt, cutOffAt]. */
  @Column({ type: 'timestamptz' })
  periodStartsAt!: Date;

  @Column({ type: 'date' })
  weekStartsOn!: string;

  @Column({ type: 'date' })
  weekEndsOn!: string;

  @Column({ type: 'timestamptz' })
  takenAt!: Date;
}

/** The week's shared columns, as a part writes them when it takes the week at `now`. */
export function rollupWeekColumns(cutOff: WeeklyCutOff, at: RollupInstants, now: Date): RollupWeekColumns {
  return {
    weekOf: at.weekOf,
    cutOffAt: cutOff.cutOffAt,
    periodStartsAt: cutOff.previousCutOffAt,
    weekStartsOn: cutOff.weekStartsOn,
    weekEndsOn: cutOff.weekEndsOn,
    takenAt: now,
  };
}

/** The fields every "part taken" event opens with, from the week's row. */
export function rollupEventHeader(week: RollupWeekColumns) {
  return {
    weekOf: week.weekOf,
    cutOffAt: week.cutOffAt.toISOString(),
    periodStartsAt: week.periodStartsAt.toISOString(),
    takenAt: week.takenAt.toISOString(),
  };
}
