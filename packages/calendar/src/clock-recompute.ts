import { advanceClock, clockStatus, withDueDates } from './sla-clock';
import type { EpochMs, SlaClock } from './sla-clock';
import { toEpochMs } from './shanghai-time';
import type { Instant } from './shanghai-time';
import type { WorkingCalendar } from './working-calendar';

/** One moved deadline, ready to publish as an event. */
export interface DueDateChange {
  readonly clockId: string;
  readonly previousDueAt: EpochMs | null;
  readonly newDueAt: EpochMs | null;
}

export interface RecomputeResult {
  readonly calendarVersion: string;
  /** Same order as the input; completed clocks are returned unchanged. */
  readonly clocks: readonly SlaClock[];
  /** Only the clocks whose due date actually moved. */
  readonly changes: readonly DueDateChange[];
}

/**
 * Replays every open clock against a new calendar version (e.g. after an override for a new
 * year's State Council notice) and reports which deadlines moved. `at` timestamps the
 * 'recomputed' history entry; without it the entry is dated at the clock's last update.
 */
export function recomputeClocks(
  clocks: readonly SlaClock[],
  newCalendar: WorkingCalendar,
  options: { readonly at?: Instant } = {},
): RecomputeResult {
  const changes: DueDateChange[] = [];
  const updated = clocks.map((clock) => {
    if (clock.completedAt !== null) return clock;
    const at = Math.max(options.at === undefined ? clock.updatedAt : toEpochMs(options.at), clock.updatedAt);
    // Up to `at` the old calendar was in force, so due-soon/breach so far is judged on it.
    const current = advanceClock(clock, at);
    const next = withDueDates(newCalendar, current);
    const dueAt = next.dueAt;
    if (dueAt === current.dueAt) return next;
    changes.push({ clockId: clock.id, previousDueAt: current.dueAt, newDueAt: dueAt });
    const status = clockStatus(next, at);
    return {
      ...next,
      status,
      history: [
        ...next.history,
        {
          type: 'recomputed' as const,
          at,
          status,
          previousDueAt: current.dueAt,
          dueAt,
          calendarVersion: newCalendar.version,
        },
      ],
    };
  });
  return { calendarVersion: newCalendar.version, clocks: updated, changes };
}
