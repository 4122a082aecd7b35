import type { Principal } from '@eco/auth';
import type { WeeklyRollupDepartmentEntity, WeeklyRollupEntity } from '../persistence/weekly-rollup.entity';
import type { WeeklyRollupStore } from '../persistence/weekly-rollup.store';
import { canReadInternalReports } from './access-policy';
import { rectificationError, RectificationErrorCode } from './rectification.errors';

const MAX_LISTED = 60;

/**
 * Reading the weekly roll-ups. The week itself (when its cut-off fell, which parts are in) names no
 * agency: anyone signed in may read it, and a partner agency then gets its own coordination tasks
 * from the agencies' part. The departments' figures are internal to the bureau.
 */
export class WeeklyRollupService {
  constructor(
    private readonly principal: Principal,
    private readonly store: WeeklyRollupStore,
  ) {}

  /** The roll-up of the week containing `date` (any day of it). */
  rollupOfWeek(date: string): Promise<WeeklyRollupEntity | null> {
    return this.store.rollupContaining(date);
  }

  listRollups(from: string | null, to: string | null): Promise<WeeklyRollupEntity[]> {
    return this.store.listRollups(from, to, MAX_LISTED);
  }

  assertMayReadDepartments(): void {
    if (!canReadInternalReports(this.principal)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        "the departments' weekly figures are internal to the bureau",
      );
    }
  }
}

/** A department's counts: summed into the part's totals. */
export const DEPARTMENT_FIGURES = [
  'measuresOpen',
  'measuresDueThisWeek',
  'measuresOverdue',
  'measuresCompleted',
  'measuresNew',
  'problemsOpen',
  'problemsNew',
  'problemsClosed',
  'weeklyReportsOwed',
  'weeklyReportsOnTime',
  'weeklyReportsLate',
  'weeklyReportsMissing',
] as const;

/** Every department's week summed, with all their changes: the part's totals. */
export function sumDepartmentWeeks(
  weekOf: string,
  rows: readonly WeeklyRollupDepartmentEntity[],
): WeeklyRollupDepartmentEntity {
  const totals = {
    id: weekOf,
    weekOf,
    departmentId: null,
    newProblemIds: rows.flatMap((r) => r.newProblemIds),
    closedProblemIds: rows.flatMap((r) => r.closedProblemIds),
    newlyOverdueMeasureIds: rows.flatMap((r) => r.newlyOverdueMeasureIds),
  } as WeeklyRollupDepartmentEntity;
  for (const figure of DEPARTMENT_FIGURES) totals[figure] = rows.reduce((n, r) => n + r[figure], 0);
  return totals;
}
