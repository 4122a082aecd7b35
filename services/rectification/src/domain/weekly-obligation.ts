import { describeDay, listOccurrences, shanghaiInstant } from '@eco/calendar';
import type { WeeklyRule, WorkingCalendar } from '@eco/calendar';
import type { MeasureEntity } from '../persistence/measure.entity';

export type ObligationStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE';

/** 每周三15时前报送，节假日除外 (seed 003): a holiday Wednesday has no report, it is not moved. */
export function weeklyReportRule(startDate: string): WeeklyRule {
  return { kind: 'weekly', weekday: 3, time: '15:00', onNonWorkingDay: 'skip', startDate };
}

export interface ReportingWeek {
  /** The Wednesday the schedule names. */
  weekDate: string;
  /** 15:00 that Wednesday; null when the Wednesday is a holiday and no report is owed. */
  dueAt: Date | null;
  holidayName: string | null;
}

/** The reporting Wednesdays from `from` to `to` (dates, inclusive), holidays included as skipped. */
export function reportingWeeks(
  calendar: WorkingCalendar,
  startDate: string,
  from: string,
  to: string,
): ReportingWeek[] {
  return listOccurrences(
    calendar,
    weeklyReportRule(startDate),
    shanghaiInstant(from, '00:00'),
    shanghaiInstant(to, '23:59'),
  )
    .filter((o) => o.scheduledDate >= from && o.scheduledDate <= to)
    .map((o) => ({
      weekDate: o.scheduledDate,
      dueAt: o.status === 'skipped' ? null : o.dueAt,
      holidayName:
        o.status === 'skipped' ? (describeDay(calendar, o.scheduledDate).name?.zh ?? '节假日') : null,
    }));
}

/** On time or late by the first submission; without one, MISSING once the deadline has passed. */
export function obligationStatus(dueAt: Date, submittedAt: Date | null, now: Date): ObligationStatus {
  if (submittedAt) return submittedAt.getTime() <= dueAt.getTime() ? 'ON_TIME' : 'LATE';
  return now.getTime() > dueAt.getTime() ? 'MISSING' : 'DUE';
}

/**
 * Departments that owe a report due at `dueAt`: those responsible for a measure not completed by
 * then. The campaign's plan is taken as in force from the first reporting week; a measure completed
 * before its completion time was recorded (completedAt null) counts as done from the start.
 */
export function departmentsOwing(
  measures: readonly Pick<MeasureEntity, 'responsibleAgencyId' | 'status' | 'completedAt'>[],
  dueAt: Date,
): string[] {
  const owing = new Set<string>();
  for (const m of measures) {
    if (!m.responsibleAgencyId) continue;
    const doneBy = m.status === 'COMPLETED' ? (m.completedAt?.getTime() ?? -Infinity) : Infinity;
    if (doneBy > dueAt.getTime()) owing.add(m.responsibleAgencyId);
  }
  return [...owing].sort();
}
