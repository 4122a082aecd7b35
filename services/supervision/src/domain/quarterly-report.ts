import { listOccurrences, QUARTER_MONTHS, shanghaiInstant } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import { SUPERVISION_CATEGORIES } from './categories';
import type { SupervisionCategory } from './categories';
import type { Light, PeriodLight } from './lights';
import { addMonths, periodOfYearMonth } from './periods';
import type { Period } from './periods';
import { obligationStatus } from './report-obligations';

/**
 * 情况通报制度 (seed 001 §三(四)): every three months — February, May, August, November — the
 * General Office sums up the supervised items for the bureau's leaders. A report made in a quarter
 * month covers the three months before it (February: November to January). Pure.
 */
export interface QuarterWindow {
  year: number;
  month: number;
  coversFrom: Period;
  coversTo: Period;
  startsAt: Date;
  /** Exclusive: the quarter month's first instant. */
  endsAt: Date;
  /** The quarter month's last day (moved to a working day), end of office hours. */
  dueAt: Date;
}

export function quarterWindow(calendar: WorkingCalendar, year: number, month: number): QuarterWindow {
  if (!QUARTER_MONTHS.includes(month))
    throw new RangeError('quarterly reports are made in Feb, May, Aug and Nov');
  const reportMonth = periodOfYearMonth(year, month);
  const coversTo = addMonths(reportMonth, -1);
  const coversFrom = addMonths(reportMonth, -3);
  const occurrence = listOccurrences(
    calendar,
    { kind: 'quarter-month', day: 'last', roll: 'previous-working-day' },
    shanghaiInstant(`${reportMonth}-01`),
    shanghaiInstant(`${addMonths(reportMonth, 1)}-01`),
  ).find((o) => o.dueAt !== null);
  return {
    year,
    month,
    coversFrom,
    coversTo,
    startsAt: shanghaiInstant(`${coversFrom}-01`),
    endsAt: shanghaiInstant(`${reportMonth}-01`),
    dueAt: occurrence!.dueAt!,
  };
}

export interface QuarterItem {
  id: string;
  title: string;
  category: SupervisionCategory;
  departmentId: string | null;
  createdAt: Date;
  closedAt: Date | null;
  /** The light each period showed as of the quarter's end. */
  lights: readonly PeriodLight[];
}

export interface QuarterFacts {
  items: readonly QuarterItem[];
  obligations: readonly { itemId: string; dueAt: Date; submittedAt: Date | null; overLimit: boolean }[];
  escalations: readonly { itemId: string; level: number; triggeredAt: Date }[];
  directLine: readonly { raisedAt: Date; status: string; breached: readonly string[] }[];
  now: Date;
}

/** The span a report sums up: [startsAt, endsAt), lights as shown for the period `coversTo`. */
export interface ReportWindow {
  startsAt: Date;
  endsAt: Date;
  coversTo: Period;
}

/** 月度督查情况报告: one month, summed up like a quarter, from the facts as of `asOf`. */
export interface MonthWindow extends ReportWindow {
  year: number;
  month: number;
  period: Period;
  /** The month's end, or `now` while the month runs. */
  asOf: Date;
  provisional: boolean;
}

export function monthWindow(year: number, month: number, now: Date): MonthWindow {
  const period = periodOfYearMonth(year, month);
  const startsAt = shanghaiInstant(`${period}-01`);
  const endsAt = shanghaiInstant(`${addMonths(period, 1)}-01`);
  const provisional = now.getTime() < endsAt.getTime();
  return {
    year,
    month,
    period,
    startsAt,
    endsAt,
    coversTo: period,
    asOf: provisional ? now : new Date(endsAt.getTime() - 1),
    provisional,
  };
}

/** What a quarterly (or monthly) report sums up. */
export interface PeriodFigures {
  categories: {
    category: SupervisionCategory;
    registered: number;
    newInQuarter: number;
    closedInQuarter: number;
    openAtEnd: number;
  }[];
  lights: { green: number; yellow: number; red: number; unlit: number };
  reports: { owed: number; onTime: number; late: number; missing: number; due: number; overLimit: number };
  escalations: { level: number; count: number }[];
  directLine: { raised: number; answered: number; declined: number; open: number; breached: number };
  attention: { itemId: string; title: string; light: Light | null; escalationLevel: number | null }[];
}

export type QuarterlyReport = QuarterWindow & PeriodFigures;
export type MonthlySupervisionReport = MonthWindow & PeriodFigures;

export function buildQuarterlyReport(window: QuarterWindow, facts: QuarterFacts): QuarterlyReport {
  return { ...window, ...buildPeriodFigures(window, facts) };
}

export function buildMonthlyReport(window: MonthWindow, facts: QuarterFacts): MonthlySupervisionReport {
  return { ...window, ...buildPeriodFigures(window, facts) };
}

/** Items, lights, reports, escalations and @件 of [startsAt, endsAt), as of `facts.now`. */
export function buildPeriodFigures(window: ReportWindow, facts: QuarterFacts): PeriodFigures {
  const within = (at: Date) =>
    at.getTime() >= window.startsAt.getTime() && at.getTime() < window.endsAt.getTime();
  const registered = facts.items.filter((i) => i.createdAt.getTime() < window.endsAt.getTime());
  const openAtEnd = (i: QuarterItem) =>
    i.closedAt === null || i.closedAt.getTime() >= window.endsAt.getTime();
  const lastLight = (i: QuarterItem): Light | null => {
    const shown = i.lights.filter((l) => l.period <= window.coversTo);
    return shown[shown.length - 1]?.light ?? null;
  };

  const categories = SUPERVISION_CATEGORIES.map((category) => {
    const ofCategory = registered.filter((i) => i.category === category);
    return {
      category,
      registered: ofCategory.length,
      newInQuarter: ofCategory.filter((i) => within(i.createdAt)).length,
      closedInQuarter: ofCategory.filter((i) => i.closedAt !== null && within(i.closedAt)).length,
      openAtEnd: ofCategory.filter(openAtEnd).length,
    };
  });

  const lights = { green: 0, yellow: 0, red: 0, unlit: 0 };
  for (const item of registered.filter(openAtEnd)) {
    const light = lastLight(item);
    if (light === 'GREEN') lights.green++;
    else if (light === 'YELLOW') lights.yellow++;
    else if (light === 'RED') lights.red++;
    else lights.unlit++;
  }

  const owed = facts.obligations.filter((o) => within(o.dueAt));
  const statuses = owed.map((o) => obligationStatus(o.dueAt, o.submittedAt, facts.now));
  const reports = {
    owed: owed.length,
    onTime: statuses.filter((s) => s === 'ON_TIME').length,
    late: statuses.filter((s) => s === 'LATE').length,
    missing: statuses.filter((s) => s === 'MISSING').length,
    due: statuses.filter((s) => s === 'DUE').length,
    overLimit: owed.filter((o) => o.overLimit).length,
  };

  const escalated = facts.escalations.filter((e) => within(e.triggeredAt));
  const escalations = [1, 2, 3].map((level) => ({
    level,
    count: escalated.filter((e) => e.level === level).length,
  }));

  const raised = facts.directLine.filter((d) => within(d.raisedAt));
  const directLine = {
    raised: raised.length,
    answered: raised.filter((d) => d.status === 'ANSWERED').length,
    declined: raised.filter((d) => d.status === 'DECLINED').length,
    open: raised.filter((d) => d.status !== 'ANSWERED' && d.status !== 'DECLINED').length,
    breached: raised.filter((d) => d.breached.length > 0).length,
  };

  const attention = registered
    .map((item) => {
      const levels = escalated.filter((e) => e.itemId === item.id).map((e) => e.level);
      return {
        itemId: item.id,
        title: item.title,
        light: lastLight(item),
        escalationLevel: levels.length > 0 ? Math.max(...levels) : null,
      };
    })
    .filter((a) => a.light === 'RED' || a.escalationLevel !== null);

  return { categories, lights, reports, escalations, directLine, attention };
}
