import type { Light } from './lights';

export interface MilestoneFact {
  description: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** The cumulative % the plan expects by then, when the plan gives one. */
  targetPercent: number | null;
  /** YYYY-MM-DD, when done. */
  completedOn: string | null;
}

/** Percentage points behind the plan from which an item is seriously behind (red). */
export const RED_PERCENT_GAP = 20;

export interface PlanLight {
  /** Null when there is nothing to compare against (no milestone due yet and no % target). */
  light: Light | null;
  /** Milestones due by the date and not done by it. */
  missedMilestones: MilestoneFact[];
  plannedPercent: number | null;
  reportedPercent: number | null;
  reason: string;
}

/**
 * A light computed from progress against the task book's milestones (seed 001 does not say how the
 * platform lights items; this is the rule for items the bureau lights itself, and the yardstick of
 * "与年初计划对表"). As of a date:
 * - GREEN: every milestone due by then is done, and the reported cumulative % is not below plan;
 * - YELLOW: behind plan — one milestone missed, or the reported % below the planned %;
 * - RED: seriously behind — two or more milestones missed, or the % behind by RED_PERCENT_GAP points
 *   or more.
 * The planned % is the highest target among milestones due by then.
 */
export function lightFromPlan(
  milestones: readonly MilestoneFact[],
  reportedPercent: number | null,
  asOfDate: string,
): PlanLight {
  const due = milestones.filter((m) => m.dueOn <= asOfDate);
  const missedMilestones = due.filter((m) => m.completedOn === null || m.completedOn > asOfDate);
  const targets = due.map((m) => m.targetPercent).filter((t): t is number => t !== null);
  const plannedPercent = targets.length > 0 ? Math.max(...targets) : null;
  const gap = plannedPercent !== null && reportedPercent !== null ? plannedPercent - reportedPercent : null;
  const facts = [
    `${due.length} milestone(s) due by ${asOfDate}, ${missedMilestones.length} not done`,
    plannedPercent !== null ? `planned ${plannedPercent}%` : null,
    reportedPercent !== null ? `reported ${reportedPercent}%` : null,
  ]
    .filter(Boolean)
    .join('; ');
  if (milestones.length === 0 && gap === null) {
    return {
      light: null,
      missedMilestones,
      plannedPercent,
      reportedPercent,
      reason: 'no plan to compare with',
    };
  }
  let light: Light = 'GREEN';
  if (missedMilestones.length >= 2 || (gap !== null && gap >= RED_PERCENT_GAP)) light = 'RED';
  else if (missedMilestones.length === 1 || (gap !== null && gap > 0)) light = 'YELLOW';
  return { light, missedMilestones, plannedPercent, reportedPercent, reason: facts };
}
