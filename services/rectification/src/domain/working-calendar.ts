import { createWorkingCalendar } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';

/** The built-in PRC calendar; a loaded override layer replaces it once rectification keeps one. */
export const rectificationCalendar: WorkingCalendar = createWorkingCalendar();
