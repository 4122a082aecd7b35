import { createWorkingCalendar, weeklyCutOffsBetween } from '@eco/calendar';
import { DEFAULT_WEEKLY_ROLLUP_SCHEDULE } from '@eco/rectification-service';
import { SERVICE_NAMES } from '@eco/testing';
import type { ProcessStack } from '@eco/testing';

const DAY_MS = 86_400_000;

/** The roll-up's cut-off (Wednesday 15:00, a holiday brings it forward), the same for every subgraph. */
export const ROLLUP_RULE = DEFAULT_WEEKLY_ROLLUP_SCHEDULE.rule;
export const ROLLUP_LOOKBACK_DAYS = 28;

/**
 * Every replica of rectification, supervision and the agencies looks for cut-offs not rolled up yet
 * every second, over the default four weeks back: at start-up both replicas of each race for the same
 * weeks, and every later pass finds them taken.
 */
export const WEEKLY_ROLLUP_ENV: Record<string, string> = {
  WEEKLY_ROLLUP_SCHEDULE: JSON.stringify(ROLLUP_RULE),
  WEEKLY_ROLLUP_LOOKBACK_DAYS: String(ROLLUP_LOOKBACK_DAYS),
  WEEKLY_ROLLUP_CHECK_INTERVAL_MS: '1000',
};

/** The weeks (the days the schedule names) whose cut-off falls in [from, to], by @eco/calendar. */
export function scheduledWeeks(from: Date, to: Date): string[] {
  return weeklyCutOffsBetween(createWorkingCalendar(), ROLLUP_RULE, from, to).map((c) => c.scheduledDate);
}

/** A look-back window ending at `at`. */
export const lookbackBefore = (at: Date) => new Date(at.getTime() - ROLLUP_LOOKBACK_DAYS * DAY_MS);

/** What the roll-up left behind, each source counted per week (`week → rows`). */
export const ROLLUP_SOURCES = {
  'rectification: weeks stored': `SELECT week_of::text AS week FROM rectification.weekly_rollups`,
  'supervision: weeks stored': `SELECT week_of::text AS week FROM supervision.weekly_rollups`,
  'agencies: weeks stored': `SELECT week_of::text AS week FROM agencies.weekly_rollups`,
  'supervision.weekly-rollup.taken.v1 in the outbox': `SELECT envelope->'payload'->>'weekOf' AS week
     FROM supervision.outbox WHERE subject = 'supervision.weekly-rollup.taken.v1'`,
  'agencies.weekly-rollup.taken.v1 in the outbox': `SELECT envelope->'payload'->>'weekOf' AS week
     FROM agencies.outbox WHERE subject = 'agencies.weekly-rollup.taken.v1'`,
  'rectification.weekly-rollup.ready.v1 in the outbox': `SELECT envelope->'payload'->>'weekOf' AS week
     FROM rectification.outbox WHERE subject = 'rectification.weekly-rollup.ready.v1'`,
} as const;

export type RollupSource = keyof typeof ROLLUP_SOURCES;

export interface WeeklyRollupLedger {
  /** Per source: week → rows. */
  counts: Record<RollupSource, Record<string, number>>;
  /** Weeks rectification marked ready (every part in, the ready event recorded with them). */
  ready: string[];
  /**
   * Stored rows whose event is not the one in the outbox (a snapshot announced by another run's
   * event): each week's row names its event, and that event must be the only one of its week.
   */
  eventMismatches: number;
}

export async function weeklyRollupLedger(stack: ProcessStack): Promise<WeeklyRollupLedger> {
  const counts = {} as WeeklyRollupLedger['counts'];
  for (const [source, sql] of Object.entries(ROLLUP_SOURCES) as [RollupSource, string][]) {
    const rows = await stack.sql<{ week: string; n: number }>(
      `SELECT week, count(*)::int AS n FROM (${sql}) s GROUP BY week ORDER BY week`,
    );
    counts[source] = Object.fromEntries(rows.map((r) => [r.week, r.n]));
  }
  const ready = await stack.sql<{ week: string }>(
    `SELECT week_of::text AS week FROM rectification.weekly_rollups WHERE ready_at IS NOT NULL ORDER BY 1`,
  );
  const [mismatches] = await stack.sql<{ n: number }>(
    `SELECT
       (SELECT count(*) FROM rectification.weekly_rollups r WHERE r.ready_at IS NOT NULL AND NOT EXISTS
          (SELECT 1 FROM rectification.outbox o WHERE o.event_id = r.ready_event_id
             AND o.subject = 'rectification.weekly-rollup.ready.v1'))
     + (SELECT count(*) FROM supervision.weekly_rollups r WHERE NOT EXISTS
          (SELECT 1 FROM supervision.outbox o WHERE o.event_id = r.event_id
             AND o.subject = 'supervision.weekly-rollup.taken.v1'))
     + (SELECT count(*) FROM agencies.weekly_rollups r WHERE NOT EXISTS
          (SELECT 1 FROM agencies.outbox o WHERE o.event_id = r.event_id
             AND o.subject = 'agencies.weekly-rollup.taken.v1')) AS n`,
  );
  return { counts, ready: ready.map((r) => r.week), eventMismatches: Number(mismatches!.n) };
}

/** Failed runs of the roll-up job any process logged (a lost race would surface as one). */
export function rollupJobFailures(stack: ProcessStack): number {
  return SERVICE_NAMES.flatMap((name) => stack.processes[name])
    .flatMap((p) => p.logs().split('\n'))
    .filter((line) => line.includes('take-weekly-rollups')).length;
}
