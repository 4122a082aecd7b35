// The weekly page's choices and comparisons (pure: the figures themselves come computed by the API).
import type { WeeklyRollupWeek } from '../api/types';
import { mondayOf } from './shanghai-time';

/** One calendar week (Monday–Sunday) the page offers: its roll-up and/or its reporting Wednesday. */
export interface WeekChoice<W> {
  /** Monday of the week: what a roll-up and a campaign's reporting Wednesday have in common. */
  monday: string;
  /** The day the schedule names (the Wednesday), as the office names the week. */
  day: string;
  rollup: WeeklyRollupWeek | null;
  /** The roll-up taken before this one (the previous cut-off's, or earlier when a week merged). */
  previousRollup: WeeklyRollupWeek | null;
  reportingWeek: W | null;
}

/**
 * The roll-ups taken and a campaign's reporting Wednesdays, matched by calendar week, newest first.
 * The roll-up's schedule is configurable (it need not be Wednesday), so the week, not the day, is the key.
 */
export function weekChoices<W extends { weekDate: string }>(
  rollups: readonly WeeklyRollupWeek[],
  reportingWeeks: readonly W[],
): WeekChoice<W>[] {
  const byMonday = new Map<string, WeekChoice<W>>();
  const chronological = [...rollups].sort((a, b) => a.weekOf.localeCompare(b.weekOf));
  chronological.forEach((rollup, i) => {
    byMonday.set(rollup.weekStartsOn, {
      monday: rollup.weekStartsOn,
      day: rollup.weekOf,
      rollup,
      previousRollup: chronological[i - 1] ?? null,
      reportingWeek: null,
    });
  });
  for (const week of reportingWeeks) {
    const monday = mondayOf(week.weekDate);
    const choice = byMonday.get(monday);
    if (choice) choice.reportingWeek = week;
    else
      byMonday.set(monday, {
        monday,
        day: week.weekDate,
        rollup: null,
        previousRollup: null,
        reportingWeek: week,
      });
  }
  return [...byMonday.values()].sort((a, b) => b.monday.localeCompare(a.monday));
}

/**
 * The week shown first: the latest roll-up, else the latest reporting Wednesday whose deadline has
 * passed, else the newest offered.
 */
export function defaultWeekChoice<W extends { dueAt: string | null }>(
  choices: readonly WeekChoice<W>[],
  now: Date,
): WeekChoice<W> | null {
  return (
    choices.find((c) => c.rollup) ??
    choices.find((c) => c.reportingWeek?.dueAt && Date.parse(c.reportingWeek.dueAt) <= now.getTime()) ??
    choices[0] ??
    null
  );
}

/** The reporting Wednesday before `weekDate` that was not skipped for a holiday. */
export function previousReportingWeek<W extends { weekDate: string; skipped: boolean }>(
  weeks: readonly W[],
  weekDate: string,
): W | null {
  return (
    [...weeks]
      .filter((w) => w.weekDate < weekDate && !w.skipped)
      .sort((a, b) => b.weekDate.localeCompare(a.weekDate))[0] ?? null
  );
}

/** A standing figure at this cut-off and at the previous roll-up's. */
export interface FigureChange {
  key: string;
  label: string;
  now: number;
  before: number | null;
  /** now − before; null without a previous roll-up. */
  change: number | null;
  /** Whether a rise is bad news (overdue, red) rather than neutral (open). */
  riseIsBad: boolean;
}

export interface FigureSpec<F> {
  key: keyof F & string;
  label: string;
  riseIsBad?: boolean;
}

export function figureChanges<F extends object>(
  specs: readonly FigureSpec<F>[],
  now: F,
  before: F | null,
): FigureChange[] {
  return specs.map(({ key, label, riseIsBad = false }) => {
    const current = Number(now[key]);
    const previous = before ? Number(before[key]) : null;
    return {
      key,
      label,
      now: current,
      before: previous,
      change: previous === null ? null : current - previous,
      riseIsBad,
    };
  });
}

/** "+3", "−2" or "持平": a change as people read it. */
export function formatChange(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return '持平';
  return change > 0 ? `+${change}` : `−${-change}`;
}

/** What one part's request came to, for the part's card. */
export type PartState<P, F> =
  | { kind: 'loading' }
  | { kind: 'refused' }
  | { kind: 'failed'; message: string; code: string }
  | { kind: 'not-taken' }
  | { kind: 'ready'; part: P; previousTotals: F | null };

interface ErrorLike {
  code?: string;
  message: string;
  extensions?: { code?: string };
}

/**
 * Reads one part's request: a refusal (FORBIDDEN, as a failed request or as an error next to a null
 * part) is shown as "internal" rather than as a failure, so a township's page shows what it may see.
 */
export function partState<P, F>(
  request: {
    skipped?: boolean;
    data: unknown;
    error: ErrorLike | null;
    partialErrors: readonly ErrorLike[];
  },
  part: P | null | undefined,
  previousTotals: F | null | undefined,
): PartState<P, F> {
  const codeOf = (e: ErrorLike) => e.code ?? e.extensions?.code ?? 'UNKNOWN';
  if (request.skipped) return { kind: 'refused' };
  if (request.error) {
    return codeOf(request.error) === 'FORBIDDEN'
      ? { kind: 'refused' }
      : { kind: 'failed', message: request.error.message, code: codeOf(request.error) };
  }
  if (!request.data) return { kind: 'loading' };
  if (part) return { kind: 'ready', part, previousTotals: previousTotals ?? null };
  if (request.partialErrors.some((e) => codeOf(e) === 'FORBIDDEN')) return { kind: 'refused' };
  const failure = request.partialErrors[0];
  if (failure) return { kind: 'failed', message: failure.message, code: codeOf(failure) };
  return { kind: 'not-taken' };
}
