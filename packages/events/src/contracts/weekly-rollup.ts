import { z } from 'zod';
import { defineEvent } from '../contract';

const instant = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The figures of one part, summed over its departments or agencies, e.g. `{ measuresOverdue: 3 }`. */
const totals = z.record(z.string(), z.number().int().min(0));

/**
 * One subgraph's part of a weekly roll-up (周汇总), taken once per week at the cut-off from its own
 * stored facts. `weekOf` is the day the schedule names (the Wednesday, even when a holiday moved
 * the cut-off); the part covers (periodStartsAt, cutOffAt].
 */
const partTaken = z.object({
  weekOf: localDate,
  cutOffAt: instant,
  periodStartsAt: instant,
  takenAt: instant,
  totals,
});

/** Supervision's part (items, lights, escalations, monthly reports per department) was taken. */
export const supervisionWeeklyRollupTakenV1 = defineEvent('supervision.weekly-rollup.taken', 1, partTaken);

/** The agencies' part (coordination tasks per outside agency) was taken. */
export const agenciesWeeklyRollupTakenV1 = defineEvent('agencies.weekly-rollup.taken', 1, partTaken);

/**
 * Every part of a week's roll-up is in (rectification, supervision, agencies): other systems may
 * read `weeklyRollup(weekOf)` through the gateway. Sent once per week.
 */
export const weeklyRollupReadyV1 = defineEvent(
  'rectification.weekly-rollup.ready',
  1,
  z.object({
    weekOf: localDate,
    cutOffAt: instant,
    periodStartsAt: instant,
    /** True when a holiday moved the cut-off off the scheduled day. */
    moved: z.boolean(),
    readyAt: instant,
    /** Each part's totals, by part name. */
    parts: z.record(z.enum(['rectification', 'supervision', 'agencies']), totals),
  }),
);
