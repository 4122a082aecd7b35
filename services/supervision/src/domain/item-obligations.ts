import type { MonthlyReportEntity } from '../persistence/monthly-report.entity';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import type { Period } from './periods';
import { obligationStatus, owedPeriods, periodsUpTo } from './report-obligations';
import type { ObligationStatus } from './report-obligations';
import type { Schedules } from './reporting-facts';

export interface ReportObligation {
  itemId: string;
  period: Period;
  /** The node (the Nth, or the working day before). */
  nodeAt: Date;
  /** The department's deadline: the node on a platform, a working day earlier off it. */
  dueAt: Date;
  status: ObligationStatus;
  report: MonthlyReportEntity | null;
}

/** An item's monthly reports owed from `from` to `to` (default: its first month to next month). */
export function itemObligations(
  item: SupervisionItemEntity,
  schedules: Schedules,
  reports: readonly MonthlyReportEntity[],
  now: Date,
  range?: { from: Period; to: Period },
): ReportObligation[] {
  if (!schedules.of(item.category)) return [];
  const { from, to } = range ?? periodsUpTo(item, now);
  const deadlines = new Map<Period, { nodeAt: Date; dueAt: Date }>();
  const dueAtOf = (period: Period) => {
    const deadline = schedules.deadline(item, period)!;
    deadlines.set(period, deadline);
    return deadline.dueAt;
  };
  return owedPeriods(item, from, to, dueAtOf).map(({ period, dueAt }) => {
    const report = reports.find((r) => r.itemId === item.id && r.period === period) ?? null;
    return {
      itemId: item.id,
      period,
      nodeAt: deadlines.get(period)!.nodeAt,
      dueAt,
      status: obligationStatus(dueAt, report?.submittedAt ?? null, now),
      report,
    };
  });
}
