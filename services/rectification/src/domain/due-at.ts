import { createWorkingCalendar, shanghaiInstant } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import type { MeasureDeadline } from './measure-deadline';

/** The built-in PRC calendar; a loaded override layer replaces it once rectification keeps one. */
const defaultCalendar = createWorkingCalendar();

/**
 * The instant a dated measure falls due: the calendar's end of the office day on its due date, in
 * Asia/Shanghai. Long-term measures and measures with no deadline have none.
 */
export function dueAtOf(deadline: MeasureDeadline, calendar: WorkingCalendar = defaultCalendar): Date | null {
  if (!deadline.dueOn) return null;
  return shanghaiInstant(deadline.dueOn, calendar.dateDeadlineTime);
}
