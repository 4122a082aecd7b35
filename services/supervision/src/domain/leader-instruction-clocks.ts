import { addWorkingDays, computeDueAt, shanghaiInstant } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import { supervisionCalendar } from './working-calendar';

/**
 * 领导批示件 (seed 001 annex 1): "在一个工作日内完成签收" — claimed on the platform within one working
 * day of the 督办单 arriving.
 */
export const claimDueAt = (receivedAt: Date, calendar: WorkingCalendar = supervisionCalendar): Date =>
  addWorkingDays(calendar, receivedAt, 1);

/**
 * "时间节点较《领导批示件办理通知》的反馈时间提前一个工作日": the approved feedback is entered one
 * working day before the instruction's own feedback date (that date's end of office hours, or the
 * working day before when it is not one).
 */
export function feedbackDueAt(
  instructionDueOn: string,
  calendar: WorkingCalendar = supervisionCalendar,
): Date {
  return computeDueAt(
    calendar,
    {
      kind: 'working-days-before',
      days: 1,
      of: { kind: 'calendar-period', unit: 'day', amount: 0, roll: 'previous-working-day' },
    },
    shanghaiInstant(instructionDueOn, '00:00'),
  )!;
}
