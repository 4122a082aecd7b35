import type { MeasureStatus } from '../persistence/measure.entity';

export type ProblemStatus = 'OPEN' | 'IN_PROGRESS' | 'MEASURES_COMPLETED';

/** A problem's status follows from its measures; nobody sets it by hand. */
export function deriveProblemStatus(measureStatuses: readonly MeasureStatus[]): ProblemStatus {
  if (measureStatuses.length === 0) return 'OPEN';
  if (measureStatuses.every((s) => s === 'COMPLETED')) return 'MEASURES_COMPLETED';
  if (measureStatuses.every((s) => s === 'NOT_STARTED')) return 'OPEN';
  return 'IN_PROGRESS';
}
