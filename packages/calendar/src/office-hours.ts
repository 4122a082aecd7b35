import { parseTimeOfDay } from './shanghai-time';
import type { TimeOfDay } from './shanghai-time';

/** A working day is exactly two halves: a morning and an afternoon session (Shanghai time). */
export interface OfficeHoursConfig {
  readonly morning: { readonly start: TimeOfDay; readonly end: TimeOfDay };
  readonly afternoon: { readonly start: TimeOfDay; readonly end: TimeOfDay };
}

export const DEFAULT_OFFICE_HOURS: OfficeHoursConfig = {
  morning: { start: '09:00', end: '12:00' },
  afternoon: { start: '13:00', end: '17:30' },
};

/** Office hours resolved to milliseconds after local midnight. */
export interface OfficeHours {
  readonly config: OfficeHoursConfig;
  readonly morningStart: number;
  readonly morningEnd: number;
  readonly afternoonStart: number;
  readonly afternoonEnd: number;
}

// Half-day arithmetic maps a position inside one half onto the other, so each half must have
// some length and the halves must not overlap.
export function resolveOfficeHours(config: OfficeHoursConfig = DEFAULT_OFFICE_HOURS): OfficeHours {
  const hours: OfficeHours = {
    config,
    morningStart: parseTimeOfDay(config.morning.start),
    morningEnd: parseTimeOfDay(config.morning.end),
    afternoonStart: parseTimeOfDay(config.afternoon.start),
    afternoonEnd: parseTimeOfDay(config.afternoon.end),
  };
  const ordered =
    hours.morningStart < hours.morningEnd &&
    hours.morningEnd <= hours.afternoonStart &&
    hours.afternoonStart < hours.afternoonEnd;
  if (!ordered) {
    throw new RangeError(
      'Office hours must be morning start < morning end <= afternoon start < afternoon end',
    );
  }
  return hours;
}
