import type { MeasureDeadlineKind, MeasureStatus, MeasureVerification } from '../persistence/measure.entity';
import type { ProblemCloseoutKind } from '../persistence/problem-closeout.entity';

export type ProblemStatus = 'OPEN' | 'IN_PROGRESS' | 'MEASURES_COMPLETED' | 'CLOSED' | 'REOPENED';

/** What of a measure the problem's status depends on. */
export interface MeasureStatusFacts {
  status: MeasureStatus;
  verification: MeasureVerification;
  deadlineKind: MeasureDeadlineKind;
}

/**
 * Whether a measure counts towards closing its problem (对账销号): it is COMPLETED and the
 * rectification office accepted its evidence. The long-term rule (长期坚持): a long-term measure has no
 * end, so COMPLETED means its mechanism is established (长效机制已建立); once that is accepted it
 * counts like any other measure and stays under periodic review (see isUnderPeriodicReview), and a
 * rebound reopens it like any other.
 */
export function countsTowardsCloseOut(measure: MeasureStatusFacts): boolean {
  return measure.status === 'COMPLETED' && measure.verification === 'ACCEPTED';
}

/** A long-term measure counted for close-out is still checked periodically (回头看). */
export function isUnderPeriodicReview(measure: MeasureStatusFacts): boolean {
  return measure.deadlineKind === 'LONG_TERM' && countsTowardsCloseOut(measure);
}

/**
 * A problem's status follows from its measures and its close-out records; nobody sets it by hand.
 * CLOSED when every measure counts towards close-out; otherwise REOPENED while the last close-out
 * record is a reopening; otherwise from the measures' progress alone.
 */
export function deriveProblemStatus(
  measures: readonly MeasureStatusFacts[],
  lastCloseout: ProblemCloseoutKind | null = null,
): ProblemStatus {
  if (measures.length > 0 && measures.every(countsTowardsCloseOut)) return 'CLOSED';
  if (lastCloseout === 'REOPENED') return 'REOPENED';
  if (measures.length === 0) return 'OPEN';
  if (measures.every((m) => m.status === 'COMPLETED')) return 'MEASURES_COMPLETED';
  if (measures.every((m) => m.status === 'NOT_STARTED')) return 'OPEN';
  return 'IN_PROGRESS';
}
