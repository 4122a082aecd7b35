import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { localDateOf } from '@eco/calendar';
import type { RollupInstants, WeeklyRollupSchedule } from '@eco/calendar';
import { recordEvent, weeklyRollupReadyV1 } from '@eco/events';
import { lockRollupWeek, rollupWeekColumns, takeDueWeeklyParts, takeWeeklyPart } from '@eco/subgraph';
import type { SubgraphRuntime, TakenWeek, WeeklyPart } from '@eco/subgraph';
import { RectificationStore } from '../persistence/rectification.store';
import type { WeeklyRollupDepartmentEntity, WeeklyRollupEntity } from '../persistence/weekly-rollup.entity';
import type { RollupPartName } from '../persistence/weekly-rollup.entity';
import { WeeklyRollupStore } from '../persistence/weekly-rollup.store';
import type { WeeklyReportDeadline } from '../persistence/weekly-rollup.store';
import { reportingWeeks } from './weekly-obligation';
import { DEPARTMENT_FIGURES, sumDepartmentWeeks } from './weekly-rollup.service';
import { rectificationCalendar } from './working-calendar';

/** The figures of a department's week, summed: what the parts' events and the ready event carry. */
export type RollupTotals = Record<string, number>;

export function rectificationTotals(rows: readonly WeeklyRollupDepartmentEntity[]): RollupTotals {
  const sum = sumDepartmentWeeks('', rows);
  return {
    departments: rows.length,
    ...Object.fromEntries(DEPARTMENT_FIGURES.map((f) => [f, sum[f]])),
    measuresNewlyOverdue: sum.newlyOverdueMeasureIds.length,
  };
}

/** Every campaign's reporting Wednesdays (周报, skipped on holidays) due in (previous cut-off, cut-off]. */
async function weeklyReportDeadlines(
  manager: EntityManager,
  at: RollupInstants,
): Promise<WeeklyReportDeadline[]> {
  const campaigns = await new RectificationStore(manager).campaignsWithWeeklyReports();
  const from = at.periodStartsAt.getTime();
  const to = at.cutOffAt.getTime();
  const firstDay = localDateOf(at.periodStartsAt);
  // Whether a department owed a report depends on its measures recorded by then (in the statement).
  return campaigns.flatMap((campaign) => {
    const startOn = campaign.weeklyReportsStartOn!;
    const first = firstDay > startOn ? firstDay : startOn;
    return reportingWeeks(rectificationCalendar, startOn, first, localDateOf(at.cutOffAt))
      .filter((w) => w.dueAt !== null && w.dueAt.getTime() > from && w.dueAt.getTime() <= to)
      .map((w) => ({ campaignId: campaign.id, weekDate: w.weekDate, dueAt: w.dueAt! }));
  });
}

export type TakenRollup = TakenWeek<WeeklyRollupEntity>;

/**
 * 周汇总: rectification's part of one week's roll-up. The week row, every department's figures (one
 * INSERT … SELECT from the facts as of the cut-off, never from "now", so a late run gives what a
 * punctual one would have) and our part commit together, once per week (takeWeeklyPart), and the
 * roll-up is announced ready if the other subgraphs' parts are in.
 */
const rectificationPart = (schedule: WeeklyRollupSchedule): WeeklyPart<WeeklyRollupEntity> => ({
  calendar: rectificationCalendar,
  schedule,
  findWeek: async (manager, weekOf) => (await new WeeklyRollupStore(manager).rollupsByWeeks([weekOf]))[0],
  async write(manager, cutOff, at, now) {
    const store = new WeeklyRollupStore(manager);
    const deadlines = await weeklyReportDeadlines(manager, at);
    const rollup: WeeklyRollupEntity = {
      ...rollupWeekColumns(cutOff, at, now),
      moved: cutOff.moved,
      weeklyReportsOwed: deadlines.length > 0,
      schedule: schedule.rule,
      calendarVersion: rectificationCalendar.version,
      readyAt: null,
      readyEventId: null,
    };
    await store.insertRollup(rollup);
    const departments = await store.insertDepartmentWeeks(at, deadlines);
    await store.insertPart({
      weekOf: at.weekOf,
      part: 'rectification',
      cutOffAt: cutOff.cutOffAt,
      takenAt: now,
      totals: rectificationTotals(departments),
      eventId: null,
    });
    return (await announceIfReady(manager, at.weekOf, now)) ?? rollup;
  },
});

/** Takes rectification's part of one week; null when no cut-off falls that day or it is still to come. */
export const takeWeeklyRollup = (
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  weekOf: string,
  now: Date,
): Promise<TakenRollup | null> => takeWeeklyPart(runtime, rectificationPart(schedule), weekOf, now);

/** Takes every week whose cut-off fell within the lookback and is not taken yet (the job). */
export const takeDueWeeklyRollups = (
  runtime: SubgraphRuntime,
  schedule: WeeklyRollupSchedule,
  now: Date,
): Promise<WeeklyRollupEntity[]> => takeDueWeeklyParts(runtime, rectificationPart(schedule), now);

/** Another subgraph's part, as its event announced it. */
export interface ForeignPart {
  part: Exclude<RollupPartName, 'rectification'>;
  weekOf: string;
  cutOffAt: Date;
  takenAt: Date;
  totals: RollupTotals;
  eventId: string;
}

/** Records another subgraph's part (in the event handler's transaction) and announces if ready. */
export async function recordForeignPart(manager: EntityManager, part: ForeignPart, now: Date): Promise<void> {
  await lockRollupWeek(manager, part.weekOf);
  if (await new WeeklyRollupStore(manager).insertPart(part)) await announceIfReady(manager, part.weekOf, now);
}

/**
 * `rectification.weekly-rollup.ready.v1`, once per week: when the week's row exists and every part
 * is in. Callers hold the week's lock, so two parts arriving together cannot both miss it.
 */
async function announceIfReady(
  manager: EntityManager,
  weekOf: string,
  now: Date,
): Promise<WeeklyRollupEntity | null> {
  const eventId = randomUUID();
  const ready = await new WeeklyRollupStore(manager).markReadyIfComplete(weekOf, now, eventId);
  if (!ready) return null;
  const { rollup, parts } = ready;
  await recordEvent(
    manager,
    weeklyRollupReadyV1,
    {
      weekOf,
      cutOffAt: rollup.cutOffAt.toISOString(),
      periodStartsAt: rollup.periodStartsAt.toISOString(),
      moved: rollup.moved,
      readyAt: now.toISOString(),
      parts: Object.fromEntries(parts.map((p) => [p.part, p.totals])),
    },
    { producer: 'rectification', actor: null, eventId, occurredAt: now },
  );
  return rollup;
}
