import { createWorkingCalendar } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';

/** The built-in PRC calendar (Asia/Shanghai); every supervision deadline is computed on it. */
export const supervisionCalendar: WorkingCalendar = createWorkingCalendar();
