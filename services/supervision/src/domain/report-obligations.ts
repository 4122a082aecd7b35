import { addMonths, periodOf, periodsBetween } from './periods';
import type { Period } from './periods';

export type ObligationStatus = 'DUE' | 'ON_TIME' | 'LATE' | 'MISSING';

/**
 * A report's standing against its deadline, judged by its first submission (a revision keeps it):
 * on time or late once received; without one, due before the deadline and missing after it.
 */
export function obligationStatus(dueAt: Date, submittedAt: Date | null, now: Date): ObligationStatus {
  if (submittedAt) return submittedAt.getTime() <= dueAt.getTime() ? 'ON_TIME' : 'LATE';
  return now.getTime() > dueAt.getTime() ? 'MISSING' : 'DUE';
}

/** Late and missing reports both count as 报送滞后 (a report not in by its deadline). */
export const isLateSubmission = (status: ObligationStatus): boolean =>
  status === 'LATE' || status === 'MISSING';

export interface ReportingSpan {
  createdAt: Date;
  closedAt: Date | null;
}

/**
 * The periods an item owes a report for, among `from`..`to`: those whose deadline falls after the
 * item was registered and, for a closed item, no later than its closing ("while still in progress,
 * a tracking report each month": a closed item owes nothing after it closed).
 */
export function owedPeriods(
  item: ReportingSpan,
  from: Period,
  to: Period,
  dueAtOf: (period: Period) => Date,
): { period: Period; dueAt: Date }[] {
  const first = periodOf(item.createdAt);
  const start = from > first ? from : first;
  if (start > to) return [];
  return periodsBetween(start, to)
    .map((period) => ({ period, dueAt: dueAtOf(period) }))
    .filter(
      ({ dueAt }) =>
        dueAt.getTime() > item.createdAt.getTime() &&
        (item.closedAt === null || dueAt.getTime() <= item.closedAt.getTime()),
    );
}

/** The periods from an item's first month up to the month of `now` and the one after it. */
export function periodsUpTo(item: ReportingSpan, now: Date): { from: Period; to: Period } {
  return { from: periodOf(item.createdAt), to: addMonths(periodOf(now), 1) };
}
