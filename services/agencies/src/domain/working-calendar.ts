import { createWorkingCalendar } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';

/** The built-in PRC calendar (Asia/Shanghai) the weekly roll-up's cut-offs are computed on. */
export const agenciesCalendar: WorkingCalendar = createWorkingCalendar();
