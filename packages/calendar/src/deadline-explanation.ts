// How a deadline was reached, for display next to the date. Not on the hot path: it walks the
// days involved one by one, which is fine for one deadline shown to one person.
import type { DayName } from './base-calendar-data';
import { computeDueAtMs, periodEndDay } from './deadline-calculator';
import type { DeadlineRule } from './deadline-rules';
import { listOccurrences, nextOccurrenceRaw } from './occurrences';
import { describeRule } from './rule-descriptions';
import type { BilingualText } from './rule-descriptions';
import { dayFromLocalDate, formatShanghai, localDateOfDay, localDayOf, toEpochMs } from './shanghai-time';
import type { Instant, LocalDate, TimeOfDay } from './shanghai-time';
import { describeDayNumber, rollDayNumber } from './working-calendar';
import type { DayInfo, DayKind, WorkingCalendar } from './working-calendar';
import { rollToWorkingTimeMs } from './working-time';

export interface DayNote {
  readonly date: LocalDate;
  readonly weekday: number;
  readonly kind: DayKind;
  readonly name?: DayName;
}

export type ExplanationStep =
  | { readonly type: 'roll-to-working-time'; readonly from: Date; readonly to: Date }
  | {
      readonly type: 'count-working-days';
      readonly direction: 'forward' | 'backward';
      readonly days: number;
      readonly from: Date;
      readonly to: Date;
    }
  | {
      readonly type: 'add-calendar-period';
      readonly unit: 'day' | 'week' | 'month';
      readonly amount: number;
      readonly fromDate: LocalDate;
      readonly toDate: LocalDate;
      /** True when the month was shorter and the day was clamped to its last day. */
      readonly clampedToMonthEnd: boolean;
    }
  | {
      readonly type: 'roll-date';
      readonly direction: 'next-working-day' | 'previous-working-day';
      readonly fromDate: LocalDate;
      readonly toDate: LocalDate;
    }
  | {
      readonly type: 'occurrence';
      readonly scheduledDate: LocalDate;
      readonly date: LocalDate;
      readonly status: 'on-schedule' | 'moved';
      /** Earlier scheduled dates passed over because they were not working days. */
      readonly skippedScheduledDates: readonly LocalDate[];
    }
  | { readonly type: 'end-of-day'; readonly date: LocalDate; readonly time: TimeOfDay }
  | { readonly type: 'no-deadline' };

export interface DeadlineExplanation {
  readonly rule: DeadlineRule;
  readonly anchor: Date;
  readonly dueAt: Date | null;
  readonly calendarVersion: string;
  readonly steps: readonly ExplanationStep[];
  /** Weekends and holidays passed over between the anchor and the deadline. */
  readonly skippedDays: readonly DayNote[];
  /** Weekend days that were working days (调休) and were counted. */
  readonly adjustedWorkdays: readonly DayNote[];
  /** True when a year without published holiday data was involved (Mon–Fri assumed). */
  readonly provisional: boolean;
  readonly text: BilingualText;
}

const toNote = (info: DayInfo): DayNote => ({
  date: info.date,
  weekday: info.weekday,
  kind: info.kind,
  ...(info.name === undefined ? {} : { name: info.name }),
});

// The days a step walked over: what was counted, skipped or moved across.
function stepSpan(step: ExplanationStep): [number, number] | null {
  const day = (date: LocalDate): number => dayFromLocalDate(date);
  switch (step.type) {
    case 'roll-to-working-time':
    case 'count-working-days':
      return [localDayOf(step.from.getTime()), localDayOf(step.to.getTime())];
    case 'roll-date':
      return [day(step.fromDate), day(step.toDate)];
    case 'occurrence':
      return [day(step.scheduledDate), day(step.date)];
    case 'end-of-day':
      return [day(step.date), day(step.date)];
    default:
      return null;
  }
}

function daysWalked(calendar: WorkingCalendar, steps: readonly ExplanationStep[]): DayInfo[] {
  const days = new Map<number, DayInfo>();
  for (const span of steps.map(stepSpan)) {
    if (span === null) continue;
    const [a, b] = span;
    for (let day = Math.min(a, b); day <= Math.max(a, b); day++) {
      if (!days.has(day)) days.set(day, describeDayNumber(calendar, day));
    }
  }
  return [...days].sort(([a], [b]) => a - b).map(([, info]) => info);
}

function stepsFor(
  calendar: WorkingCalendar,
  rule: DeadlineRule,
  anchorMs: number,
  dueMs: number,
): ExplanationStep[] {
  const end = (day: number, time: TimeOfDay | undefined): ExplanationStep => ({
    type: 'end-of-day',
    date: localDateOfDay(day),
    time: time ?? calendar.dateDeadlineTime,
  });
  switch (rule.kind) {
    case 'working-days': {
      const start = rollToWorkingTimeMs(calendar, anchorMs);
      const steps: ExplanationStep[] = [];
      if (start !== anchorMs)
        steps.push({ type: 'roll-to-working-time', from: new Date(anchorMs), to: new Date(start) });
      steps.push({
        type: 'count-working-days',
        direction: 'forward',
        days: rule.days,
        from: new Date(start),
        to: new Date(dueMs),
      });
      if (rule.endOfDay === true) steps.push(end(localDayOf(dueMs), undefined));
      return steps;
    }
    case 'working-days-before': {
      const ofMs = computeDueAtMs(calendar, rule.of, anchorMs) ?? dueMs;
      return [
        ...stepsFor(calendar, rule.of, anchorMs, ofMs),
        {
          type: 'count-working-days',
          direction: 'backward',
          days: rule.days,
          from: new Date(ofMs),
          to: new Date(dueMs),
        },
      ];
    }
    case 'calendar-period': {
      const fromDay = localDayOf(anchorMs);
      const periodEnd = periodEndDay(rule.unit, rule.amount, fromDay);
      const steps: ExplanationStep[] = [
        {
          type: 'add-calendar-period',
          unit: rule.unit,
          amount: rule.amount,
          fromDate: localDateOfDay(fromDay),
          toDate: localDateOfDay(periodEnd),
          clampedToMonthEnd:
            rule.unit === 'month' && localDateOfDay(fromDay).slice(8) !== localDateOfDay(periodEnd).slice(8),
        },
      ];
      const roll = rule.roll ?? 'next-working-day';
      const rolled = rollDayNumber(calendar, periodEnd, roll);
      if (roll !== 'none' && rolled !== periodEnd) {
        steps.push({
          type: 'roll-date',
          direction: roll,
          fromDate: localDateOfDay(periodEnd),
          toDate: localDateOfDay(rolled),
        });
      }
      return [...steps, end(rolled, rule.time)];
    }
    case 'day-of-month':
    case 'quarter-month':
    case 'weekly': {
      const found = nextOccurrenceRaw(calendar, rule, anchorMs);
      if (found === null || found.day === null) return [];
      const skipped = listOccurrences(calendar, rule, anchorMs + 1, found.scheduledMs)
        .filter((o) => o.status === 'skipped')
        .map((o) => o.scheduledDate);
      return [
        {
          type: 'occurrence',
          scheduledDate: localDateOfDay(found.scheduledDay),
          date: localDateOfDay(found.day),
          status: found.status === 'moved' ? 'moved' : 'on-schedule',
          skippedScheduledDates: skipped,
        },
      ];
    }
    case 'long-term':
      return [{ type: 'no-deadline' }];
  }
}

function holidayRuns(notes: readonly DayNote[]): { first: LocalDate; last: LocalDate; names: DayName[] }[] {
  const runs: { first: LocalDate; last: LocalDate; names: DayName[]; lastDay: number }[] = [];
  for (const note of notes) {
    if (note.kind !== 'holiday') continue;
    const day = dayFromLocalDate(note.date);
    const run = runs[runs.length - 1];
    if (run !== undefined && run.lastDay === day - 1) {
      run.last = note.date;
      run.lastDay = day;
      if (note.name && !run.names.some((n) => n.zh === note.name?.zh)) run.names.push(note.name);
    } else {
      runs.push({ first: note.date, last: note.date, names: note.name ? [note.name] : [], lastDay: day });
    }
  }
  return runs;
}

const span = (first: LocalDate, last: LocalDate, sep: string): string =>
  first === last ? first : `${first}${sep}${last}`;

function renderText(explanation: Omit<DeadlineExplanation, 'text'>): BilingualText {
  const rule = describeRule(explanation.rule);
  const anchor = formatShanghai(explanation.anchor);
  if (explanation.dueAt === null) return { en: `${rule.en}: no deadline.`, zh: `${rule.zh}：无期限。` };
  const due = formatShanghai(explanation.dueAt);
  const en = [`From ${anchor}, ${rule.en}: due ${due} (Asia/Shanghai)`];
  const zh = [`自${anchor}起，${rule.zh}：截止${due}（北京时间）`];
  const weekends = explanation.skippedDays.filter((d) => d.kind === 'weekend').length;
  const holidays = holidayRuns(explanation.skippedDays);
  if (weekends > 0) {
    en.push(`skipped ${weekends} weekend day${weekends === 1 ? '' : 's'}`);
    zh.push(`跳过周末${weekends}天`);
  }
  if (holidays.length > 0) {
    en.push(
      `skipped holidays ${holidays.map((h) => `${h.names.map((n) => n.en).join('/')} ${span(h.first, h.last, '–')}`).join(', ')}`,
    );
    zh.push(
      `跳过节假日${holidays.map((h) => `${h.names.map((n) => n.zh).join('、')}（${span(h.first, h.last, '至')}）`).join('、')}`,
    );
  }
  if (explanation.adjustedWorkdays.length > 0) {
    const dates = explanation.adjustedWorkdays.map((d) => d.date);
    en.push(`counted adjusted working day${dates.length === 1 ? '' : 's'} ${dates.join(', ')}`);
    zh.push(`计入调休上班日${dates.join('、')}`);
  }
  for (const step of explanation.steps) {
    if (step.type === 'add-calendar-period' && step.clampedToMonthEnd) {
      en.push(`${step.toDate} is the month end (no such day that month)`);
      zh.push(`当月无对应日期，按月末${step.toDate}计`);
    }
    if (step.type === 'roll-date') {
      const next = step.direction === 'next-working-day';
      en.push(
        `${step.fromDate} is not a working day, ${next ? 'postponed' : 'brought forward'} to ${step.toDate}`,
      );
      zh.push(`${step.fromDate}为非工作日，${next ? '顺延' : '提前'}至${step.toDate}`);
    }
    if (step.type === 'occurrence' && step.skippedScheduledDates.length > 0) {
      en.push(`no occurrence on ${step.skippedScheduledDates.join(', ')} (not a working day)`);
      zh.push(`${step.skippedScheduledDates.join('、')}为非工作日，不安排`);
    }
    if (step.type === 'occurrence' && step.status === 'moved') {
      en.push(`${step.scheduledDate} is not a working day, moved to ${step.date}`);
      zh.push(`${step.scheduledDate}为非工作日，顺延至${step.date}`);
    }
  }
  if (explanation.provisional) {
    en.push('provisional: holiday data for part of this period is not yet published');
    zh.push('暂定：部分期间的节假日安排尚未公布');
  }
  return { en: `${en.join('; ')}.`, zh: `${zh.join('；')}。` };
}

/** Computes a deadline and says how it was reached, as structured data and short text. */
export function explainDeadline(
  calendar: WorkingCalendar,
  rule: DeadlineRule,
  anchor: Instant,
): DeadlineExplanation {
  const anchorMs = toEpochMs(anchor);
  const dueMs = computeDueAtMs(calendar, rule, anchorMs);
  const steps =
    dueMs === null ? [{ type: 'no-deadline' as const }] : stepsFor(calendar, rule, anchorMs, dueMs);
  const days = daysWalked(calendar, steps);
  const partial = {
    rule,
    anchor: new Date(anchorMs),
    dueAt: dueMs === null ? null : new Date(dueMs),
    calendarVersion: calendar.version,
    steps,
    skippedDays: days.filter((d) => !d.working).map(toNote),
    adjustedWorkdays: days.filter((d) => d.kind === 'adjusted-workday').map(toNote),
    provisional: days.some((d) => !d.announced),
  };
  return { ...partial, text: renderText(partial) };
}
