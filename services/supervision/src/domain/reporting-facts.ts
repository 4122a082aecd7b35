import type { ReportingScheduleEntity } from '../persistence/reporting-schedule.entity';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import type { SupervisionCategory } from './categories';
import type { Period } from './periods';
import { effectiveSchedule, reportDeadline } from './reporting-schedule';
import type { ReportDeadline, ReportingSchedule } from './reporting-schedule';
import { supervisionCalendar } from './working-calendar';

/** The schedules in force, from the office's configured days over annex 6's defaults. */
export class Schedules {
  private readonly configured: Map<SupervisionCategory, ReportingScheduleEntity>;

  constructor(rows: readonly ReportingScheduleEntity[]) {
    this.configured = new Map(rows.map((r) => [r.category, r]));
  }

  of(category: SupervisionCategory): ReportingSchedule | null {
    return effectiveSchedule(category, this.configured.get(category)?.dayOfMonth);
  }

  /** The configured row's version (for expectedVersion), null for annex 6's defaults. */
  versionOf(category: SupervisionCategory): number | null {
    return this.configured.get(category)?.version ?? null;
  }

  /** The item's deadline for a period, or null when its category has no monthly report. */
  deadline(item: Pick<SupervisionItemEntity, 'category'>, period: Period): ReportDeadline | null {
    const schedule = this.of(item.category);
    return schedule ? reportDeadline(supervisionCalendar, item.category, schedule.dayOfMonth, period) : null;
  }
}
