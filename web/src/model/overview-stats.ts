// The overview's figures, from the counts the API computes (GROUP BY in the database) rather than
// from every row: pure functions that fold count rows into what the page draws, so they are
// unit-tested without a browser. The other pages' helpers (isOverdue, lightCounts) live here too.
import type {
  Light,
  MeasureCount,
  MeasureWeekCount,
  ProblemCount,
  SupervisionItemCount,
  WeeklyReportStatus,
  WeeklyReportWeekCounts,
} from '../api/types';
import { addDays, mondayOf, shanghaiDate, shanghaiMidnight } from './shanghai-time';

export interface Count {
  key: string;
  count: number;
}

/**
 * Counts per key, in the order given (zeros kept, so every status shows), then unknown keys. Each
 * item counts `weightOf(item)`: 1 for a row, its `count` for a row the API already counted.
 */
export function countByKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  order: readonly string[],
  weightOf: (item: T) => number = () => 1,
): Count[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + weightOf(item));
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}

export const PROBLEM_STATUS_ORDER = ['OPEN', 'IN_PROGRESS', 'MEASURES_COMPLETED', 'REOPENED', 'CLOSED'];
export const MEASURE_STATUS_ORDER = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'];
export const LIGHT_ORDER = ['RED', 'YELLOW', 'GREEN', 'NONE'];
export const WEEKLY_STATUS_ORDER: WeeklyReportStatus[] = ['ON_TIME', 'LATE', 'MISSING', 'DUE'];

/** The sum of a figure over count rows. */
export function sumOf<T>(rows: readonly T[], figure: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + figure(row), 0);
}

/** The campaign's problem and measure figures: totals, by status, overdue and due this week. */
export function campaignTotals(problems: readonly ProblemCount[], measures: readonly MeasureCount[]) {
  return {
    problems: sumOf(problems, (c) => c.count),
    problemsClosed: sumOf(problems, (c) => (c.status === 'CLOSED' ? c.count : 0)),
    problemStatus: countByKey(
      problems,
      (c) => c.status,
      PROBLEM_STATUS_ORDER,
      (c) => c.count,
    ),
    measures: sumOf(measures, (c) => c.count),
    measuresCompleted: sumOf(measures, (c) => (c.status === 'COMPLETED' ? c.count : 0)),
    measureStatus: countByKey(
      measures,
      (c) => c.status,
      MEASURE_STATUS_ORDER,
      (c) => c.count,
    ),
    measuresOverdue: sumOf(measures, (c) => c.overdue),
    measuresDueThisWeek: sumOf(measures, (c) => c.dueThisWeek),
  };
}

/** The open supervised items' figures: total, by light (not yet lit: NONE), overdue, due this week. */
export function itemTotals(items: readonly SupervisionItemCount[]) {
  return {
    items: sumOf(items, (c) => c.count),
    red: sumOf(items, (c) => (c.light === 'RED' ? c.count : 0)),
    lights: countByKey(
      items,
      (c) => c.light ?? 'NONE',
      LIGHT_ORDER,
      (c) => c.count,
    ),
    overdue: sumOf(items, (c) => c.overdue),
    dueThisWeek: sumOf(items, (c) => c.dueThisWeek),
  };
}

export interface DepartmentRow {
  id: string;
  name: string;
  problems: number;
  problemsClosed: number;
  measures: number;
  measuresCompleted: number;
  measuresOverdue: number;
}

/**
 * Per responsible department: its problems (by the problem's department) and measures (by the
 * measure's own unit, else its problem's department — the API counts them so).
 */
export function byDepartment(
  problems: readonly ProblemCount[],
  measures: readonly MeasureCount[],
): DepartmentRow[] {
  const rows = new Map<string, DepartmentRow>();
  const row = (agency: { id: string; name: string } | null) => {
    const id = agency?.id ?? 'none';
    let r = rows.get(id);
    if (!r) {
      r = {
        id,
        name: agency?.name ?? '未指定',
        problems: 0,
        problemsClosed: 0,
        measures: 0,
        measuresCompleted: 0,
        measuresOverdue: 0,
      };
      rows.set(id, r);
    }
    return r;
  };
  for (const p of problems) {
    const r = row(p.department);
    r.problems += p.count;
    if (p.status === 'CLOSED') r.problemsClosed += p.count;
  }
  for (const m of measures) {
    const r = row(m.department);
    r.measures += m.count;
    if (m.status === 'COMPLETED') r.measuresCompleted += m.count;
    r.measuresOverdue += m.overdue;
  }
  return [...rows.values()].sort((a, b) => b.measuresOverdue - a.measuresOverdue || b.measures - a.measures);
}

export function isOverdue(item: { status?: string; dueAt: string | null }, now: Date): boolean {
  return item.status !== 'COMPLETED' && item.dueAt !== null && Date.parse(item.dueAt) < now.getTime();
}

/** The end of the Shanghai calendar week (next Monday 00:00) that contains `now`. */
export function endOfWeek(now: Date): Date {
  return shanghaiMidnight(addDays(mondayOf(shanghaiDate(now)), 7));
}

export function lightCounts(items: readonly { light: Light | null }[]): Count[] {
  return countByKey(items, (i) => i.light ?? 'NONE', LIGHT_ORDER);
}

/** Obligations over the weeks asked for, and the latest reporting Wednesday already due. */
export function weeklyObligationSummary(weeks: readonly WeeklyReportWeekCounts[], now: Date) {
  const owed = weeks.filter((w) => !w.skipped && w.dueAt !== null);
  const latest = [...owed].reverse().find((w) => Date.parse(w.dueAt!) <= now.getTime()) ?? null;
  const byStatus = (obligations: WeeklyReportWeekCounts['obligations']) =>
    countByKey(
      obligations,
      (o) => o.status,
      WEEKLY_STATUS_ORDER,
      (o) => o.count,
    );
  return {
    totals: byStatus(owed.flatMap((w) => w.obligations)),
    latest,
    latestCounts: latest ? byStatus(latest.obligations) : [],
    weeks: owed.length,
  };
}

export interface CompletionPoint {
  /** Monday of the week. */
  weekStart: string;
  /** Measures completed by the end of that week. */
  completed: number;
  /** Measures whose deadline had passed by the end of that week (what the plan expected done). */
  planned: number;
}

/**
 * Completion over the campaign's weeks: from the week the campaign started to this week (or the
 * week of the last deadline or completion, if earlier), at most `maxPoints` points (long campaigns
 * are sampled every few weeks), from the measures counted per week by the API. A measure completed
 * before completion times were recorded (week null) counts from the start. `total`: every measure.
 */
export function completionSeries(
  weekCounts: readonly MeasureWeekCount[],
  total: number,
  campaign: { periodStart: string; periodEnd: string },
  now: Date,
  maxPoints = 40,
): { points: CompletionPoint[]; total: number } {
  const start = mondayOf(campaign.periodStart);
  const today = shanghaiDate(now);
  // Only the Monday of the last date matters below, so the week of the last count stands for it.
  let last = campaign.periodEnd;
  for (const w of weekCounts) if (w.weekStartsOn && w.weekStartsOn > last) last = w.weekStartsOn;
  if (last > today) last = today;
  if (last < start) last = start;
  const weeks = Math.floor((Date.parse(mondayOf(last)) - Date.parse(start)) / (7 * 86_400_000)) + 1;
  const step = Math.max(1, Math.ceil(weeks / maxPoints));
  const sorted = [...weekCounts].sort((a, b) => (a.weekStartsOn ?? '').localeCompare(b.weekStartsOn ?? ''));
  /** Measures completed, and measures due, in the weeks up to and including `weekStart`. */
  const upTo = (weekStart: string) => {
    let completed = 0;
    let planned = 0;
    for (const w of sorted) {
      if (w.weekStartsOn !== null && w.weekStartsOn > weekStart) break;
      completed += w.completed;
      planned += w.due;
    }
    return { weekStart, completed, planned };
  };
  const points: CompletionPoint[] = [];
  for (let w = 0; w < weeks; w += step) points.push(upTo(addDays(start, 7 * w)));
  const lastWeek = addDays(start, 7 * (weeks - 1));
  if (points[points.length - 1]?.weekStart !== lastWeek) points.push(upTo(lastWeek));
  return { points, total };
}
