// The statutory calendar comes from chinese-days' published JSON rather than its JS entry point:
// plain JSON loads the same way under jest, tsx and CommonJS Node, with no ESM interop.
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { LocalDate } from './shanghai-time';

/** A holiday's name as published, in both languages. */
export interface DayName {
  readonly en: string;
  readonly zh: string;
}

/** One published fact: a statutory holiday, or a weekend day made a working day (调休). */
export interface CalendarEntry {
  readonly date: LocalDate;
  readonly type: 'holiday' | 'workday';
  readonly name: DayName;
}

export interface BaseCalendarData {
  /** Names the data source and release, e.g. 'chinese-days@1.5.7'. */
  readonly source: string;
  /** Sorted by date. */
  readonly entries: readonly CalendarEntry[];
}

// Values look like "National Day,国庆节,3": English name, Chinese name, holiday id.
function parseName(value: string): DayName {
  const [en = '', zh = ''] = value.split(',');
  return { en, zh };
}

function toEntries(table: Record<string, string>, type: CalendarEntry['type']): CalendarEntry[] {
  return Object.entries(table).map(([date, value]) => ({ date, type, name: parseName(value) }));
}

export const BASE_CALENDAR_DATA: BaseCalendarData = {
  source: `chinese-days@${chineseDaysPackage.version}`,
  entries: [
    ...toEntries(chineseDaysData.holidays, 'holiday'),
    ...toEntries(chineseDaysData.workdays, 'workday'),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
};
