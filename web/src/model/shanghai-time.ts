// Display dates in Asia/Shanghai whatever the viewer's machine says. Deadlines themselves come
// computed from the API (packages/calendar); this module only formats and groups them by day.

const TIME_ZONE = 'Asia/Shanghai';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date | string): string {
  return dateFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTimeFormat.format(new Date(instant)) : '—';
}

export function formatDate(instantOrDate: string | null | undefined): string {
  if (!instantOrDate) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(instantOrDate) ? instantOrDate : shanghaiDate(instantOrDate);
}

/** Calendar arithmetic on YYYY-MM-DD strings (days, not working days). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday starting the calendar week of a date. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** The latest Wednesday on or before a date (reporting Wednesdays, seed 003). */
export function wednesdayOnOrBefore(date: string): string {
  return addDays(date, -((weekdayIndex(date) - 2 + 7) % 7));
}

/** Start of a Shanghai day as an instant (UTC+8, no daylight saving). */
export function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
