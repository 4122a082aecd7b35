// The overview's figures, computed in the browser from what the gateway returns (pure functions, so
// they are unit-tested without a browser).
import type {
  Light,
  OverviewMeasure,
  OverviewProblem,
  SupervisionItemSummary,
  ReportingWeek,
  WeeklyReportStatus,
} from '../api/types';
import { addDays, mondayOf, shanghaiDate, shanghaiMidnight } from './shanghai-time';

export interface Count {
  key: string;
  count: number;
}

/** Counts per key, in the order given (zeros kept, so every status shows), then unknown keys. */
export function countByKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  order: readonly string[],
): Count[] {
  const counts = new Map<string, number>(order.map((k) => [k, 0]));
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}

export const PROBLEM_STATUS_ORDER = ['OPEN', 'IN_PROGRESS', 'MEASURES_COMPLETED', 'REOPENED', 'CLOSED'];
export const MEASURE_STATUS_ORDER = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'];
export const LIGHT_ORDER = ['RED', 'YELLOW', 'GREEN', 'NONE'];
export const WEEKLY_STATUS_ORDER: WeeklyReportStatus[] = ['ON_TIME', 'LATE', 'MISSING', 'DUE'];

export interface MeasureRef extends OverviewMeasure {
  problem: Pick<OverviewProblem, 'id' | 'displayNumber' | 'title'>;
}

export function allMeasures(problems: readonly OverviewProblem[]): MeasureRef[] {
  return problems.flatMap((p) =>
    p.measures.map((m) => ({
      ...m,
      problem: { id: p.id, displayNumber: p.displayNumber, title: p.title },
      responsibleAgency: m.responsibleAgency ?? p.responsibleDepartment,
    })),
  );
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

/** Per responsible department: its problems (by the problem's department) and measures (by the measure's). */
export function byDepartment(problems: readonly OverviewProblem[], now: Date): DepartmentRow[] {
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
    const r = row(p.responsibleDepartment);
    r.problems += 1;
    if (p.status === 'CLOSED') r.problemsClosed += 1;
  }
  for (const m of allMeasures(problems)) {
    const r = row(m.responsibleAgency);
    r.measures += 1;
    if (m.status === 'COMPLETED') r.measuresCompleted += 1;
    else if (isOverdue(m, now)) r.measuresOverdue += 1;
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

function byDueAt<T extends { dueAt: string | null }>(a: T, b: T): number {
  return Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '');
}

export function overdueMeasures(problems: readonly OverviewProblem[], now: Date): MeasureRef[] {
  return allMeasures(problems)
    .filter((m) => isOverdue(m, now))
    .sort(byDueAt);
}

/** Not completed, due from now to the end of this calendar week. */
export function measuresDueThisWeek(problems: readonly OverviewProblem[], now: Date): MeasureRef[] {
  const end = endOfWeek(now).getTime();
  return allMeasures(problems)
    .filter((m) => {
      if (m.status === 'COMPLETED' || !m.dueAt) return false;
      const due = Date.parse(m.dueAt);
      return due >= now.getTime() && due < end;
    })
    .sort(byDueAt);
}

export function supervisionDue(
  items: readonly SupervisionItemSummary[],
  now: Date,
): { overdue: SupervisionItemSummary[]; thisWeek: SupervisionItemSummary[] } {
  const end = endOfWeek(now).getTime();
  const withDue = items.filter((i) => i.dueAt !== null).sort(byDueAt);
  return {
    overdue: withDue.filter((i) => Date.parse(i.dueAt!) < now.getTime()),
    thisWeek: withDue.filter((i) => {
      const due = Date.parse(i.dueAt!);
      return due >= now.getTime() && due < end;
    }),
  };
}

export function lightCounts(items: readonly { light: Light | null }[]): Count[] {
  return countByKey(items, (i) => i.light ?? 'NONE', LIGHT_ORDER);
}

/** Obligations over the weeks asked for, and the latest reporting Wednesday already due. */
export function weeklyObligationSummary<W extends ReportingWeek<{ status: WeeklyReportStatus }>>(
  weeks: readonly W[],
  now: Date,
) {
  const owed = weeks.filter((w) => !w.skipped && w.dueAt !== null);
  const latest = [...owed].reverse().find((w) => Date.parse(w.dueAt!) <= now.getTime()) ?? null;
  return {
    totals: countByKey(
      owed.flatMap((w) => w.obligations),
      (o) => o.status,
      WEEKLY_STATUS_ORDER,
    ),
    latest,
    latestCounts: latest ? countByKey(latest.obligations, (o) => o.status, WEEKLY_STATUS_ORDER) : [],
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
 * last deadline or completion, if earlier), at most `maxPoints` points (long campaigns are sampled
 * every few weeks). A measure completed before completion times were recorded counts from the start.
 */
export function completionSeries(
  problems: readonly OverviewProblem[],
  campaign: { periodStart: string; periodEnd: string },
  now: Date,
  maxPoints = 40,
): { points: CompletionPoint[]; total: number } {
  const measures = allMeasures(problems);
  const start = mondayOf(campaign.periodStart);
  const today = shanghaiDate(now);
  let last = campaign.periodEnd;
  for (const m of measures) {
    for (const at of [m.completedAt, m.dueAt]) {
      if (at) {
        const d = shanghaiDate(at);
        if (d > last) last = d;
      }
    }
  }
  if (last > today) last = today;
  if (last < start) last = start;
  const weeks = Math.floor((Date.parse(mondayOf(last)) - Date.parse(start)) / (7 * 86_400_000)) + 1;
  const step = Math.max(1, Math.ceil(weeks / maxPoints));
  const completedAt = measures
    .filter((m) => m.status === 'COMPLETED')
    .map((m) => (m.completedAt ? Date.parse(m.completedAt) : -Infinity))
    .sort((a, b) => a - b);
  const dueAt = measures
    .filter((m) => m.dueAt)
    .map((m) => Date.parse(m.dueAt!))
    .sort((a, b) => a - b);
  // How many of a sorted list are before t (binary search: benchmark campaigns have thousands).
  const countBefore = (sorted: number[], t: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const points: CompletionPoint[] = [];
  for (let w = 0; w < weeks; w += step) {
    const weekStart = addDays(start, 7 * w);
    const weekEnd = shanghaiMidnight(addDays(weekStart, 7)).getTime();
    points.push({
      weekStart,
      completed: countBefore(completedAt, weekEnd),
      planned: countBefore(dueAt, weekEnd),
    });
  }
  const lastWeek = addDays(start, 7 * (weeks - 1));
  if (points[points.length - 1]?.weekStart !== lastWeek) {
    const weekEnd = shanghaiMidnight(addDays(lastWeek, 7)).getTime();
    points.push({
      weekStart: lastWeek,
      completed: countBefore(completedAt, weekEnd),
      planned: countBefore(dueAt, weekEnd),
    });
  }
  return { points, total: measures.length };
}
