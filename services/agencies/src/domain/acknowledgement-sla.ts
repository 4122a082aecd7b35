import { addWorkingDays, createWorkingCalendar, workingDaysBetween } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import type { CoordinationTaskEntity } from '../persistence/coordination-task.entity';

/**
 * 签收 within one working day of a task opening (seed 001 asks leader instructions to be claimed
 * within 1 working day; the same clock serves every coordination task until a rule says otherwise).
 */
export const ACKNOWLEDGE_WITHIN_WORKING_DAYS = 1;

/** Within this many working days of the deadline an unacknowledged task is due soon. */
const DUE_SOON_WORKING_DAYS = 0.5;

const calendar: WorkingCalendar = createWorkingCalendar();

export type AcknowledgementStatus = 'PENDING' | 'DUE_SOON' | 'OVERDUE' | 'ON_TIME' | 'LATE';

export function acknowledgeDueAt(openedAt: Date): Date {
  return addWorkingDays(calendar, openedAt, ACKNOWLEDGE_WITHIN_WORKING_DAYS);
}

export function acknowledgementStatus(
  task: Pick<CoordinationTaskEntity, 'acknowledgeDueAt' | 'acknowledgedAt'>,
  now: Date,
): AcknowledgementStatus {
  const due = task.acknowledgeDueAt;
  if (task.acknowledgedAt) return due && task.acknowledgedAt > due ? 'LATE' : 'ON_TIME';
  if (!due) return 'PENDING';
  if (now > due) return 'OVERDUE';
  return workingDaysBetween(calendar, now, due) <= DUE_SOON_WORKING_DAYS ? 'DUE_SOON' : 'PENDING';
}
