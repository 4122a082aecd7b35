// An SLA clock as an immutable value and a reducer. Every instant in the clock is epoch ms so the
// whole value is plain JSON that a service can store and reload. The due date is always
// recomputed from the rule, the anchor and the ordered adjustments (pauses, extensions), which
// is what lets recomputeClocks replay a clock against a corrected calendar.
import { computeDueAtMs } from './deadline-calculator';
import type { DeadlineRule } from './deadline-rules';
import { toEpochMs } from './shanghai-time';
import type { Instant } from './shanghai-time';
import type { WorkingCalendar } from './working-calendar';
import { addWorkingDaysMs, shiftByPositions, workingPosition } from './working-time';

/** Milliseconds since the Unix epoch. */
export type EpochMs = number;

export type ClockStatus = 'running' | 'paused' | 'due-soon' | 'breached' | 'met';

export type ClockAdjustment =
  | { readonly type: 'pause'; readonly from: EpochMs; readonly to: EpochMs }
  | {
      readonly type: 'extension';
      readonly at: EpochMs;
      readonly approver: string;
      readonly reason: string;
      /** Either more working time on top of the current due date, or a new due instant. */
      readonly workingDays?: number;
      readonly until?: EpochMs;
    };

type Transition<T extends string, Extra = object> = {
  readonly type: T;
  readonly at: EpochMs;
  readonly status: ClockStatus;
} & Extra;
type DueChange = { readonly previousDueAt: EpochMs | null; readonly dueAt: EpochMs | null };

/** One entry of a clock's history; `status` is the status right after the transition. */
export type ClockTransition =
  | Transition<'started', { readonly dueAt: EpochMs | null; readonly calendarVersion: string }>
  | Transition<'due-soon'>
  | Transition<'breached'>
  | Transition<'paused', { readonly reason?: string }>
  | Transition<'resumed', DueChange & { readonly pausedWorkingDays: number }>
  | Transition<'extended', DueChange & { readonly approver: string; readonly reason: string }>
  | Transition<'completed', { readonly outcome: 'met' | 'breached' }>
  | Transition<'recomputed', DueChange & { readonly calendarVersion: string }>;

export interface SlaClock {
  readonly id: string;
  readonly rule: DeadlineRule;
  readonly anchor: EpochMs;
  readonly startedAt: EpochMs;
  /** Working days before the due date at which the clock counts as due soon. */
  readonly dueSoonWorkingDays: number;
  readonly calendarVersion: string;
  /** Effective due date (null for long-term); excludes a pause still in progress. */
  readonly dueAt: EpochMs | null;
  readonly dueSoonAt: EpochMs | null;
  readonly pausedSince: EpochMs | null;
  readonly completedAt: EpochMs | null;
  readonly adjustments: readonly ClockAdjustment[];
  /** Status as of updatedAt; use clockStatus() for another instant. */
  readonly status: ClockStatus;
  readonly updatedAt: EpochMs;
  readonly history: readonly ClockTransition[];
}

export interface StartClockInput {
  readonly id: string;
  readonly rule: DeadlineRule;
  /** The instant the rule counts from (e.g. when the finding was issued). */
  readonly anchor: Instant;
  /** When the clock starts; default the anchor. */
  readonly startedAt?: Instant;
  /** Default 1 working day. */
  readonly dueSoon?: { readonly workingDays: number };
}

export type ClockEvent =
  | { readonly type: 'pause'; readonly at: Instant; readonly reason?: string }
  | { readonly type: 'resume'; readonly at: Instant }
  | ({ readonly type: 'extend'; readonly at: Instant; readonly approver: string; readonly reason: string } & (
      { readonly workingDays: number } | { readonly until: Instant }
    ))
  | { readonly type: 'complete'; readonly at: Instant }
  /** Records due-soon / breached transitions reached by the given instant. */
  | { readonly type: 'tick'; readonly at: Instant };

export class ClockTransitionError extends Error {
  override readonly name = 'ClockTransitionError';
}

/** The due date implied by the rule, the anchor and the adjustments, in this calendar. */
export function effectiveDueAt(
  calendar: WorkingCalendar,
  clock: Pick<SlaClock, 'rule' | 'anchor' | 'adjustments'>,
): EpochMs | null {
  let due = computeDueAtMs(calendar, clock.rule, clock.anchor);
  for (const adjustment of clock.adjustments) {
    if (adjustment.type === 'pause') {
      // Paused working time does not count: the deadline moves by exactly that much working time.
      const paused = workingPosition(calendar, adjustment.to) - workingPosition(calendar, adjustment.from);
      due = due === null ? null : shiftByPositions(calendar, due, paused);
    } else if (adjustment.until !== undefined) {
      due = adjustment.until;
    } else if (due !== null && adjustment.workingDays !== undefined) {
      due = addWorkingDaysMs(calendar, due, adjustment.workingDays);
    }
  }
  return due;
}

/** The clock with due dates recomputed on this calendar (and, optionally, new adjustments). */
export function withDueDates(
  calendar: WorkingCalendar,
  clock: SlaClock,
  adjustments: readonly ClockAdjustment[] = clock.adjustments,
): SlaClock {
  const dueAt = effectiveDueAt(calendar, { ...clock, adjustments });
  const soon = -2 * clock.dueSoonWorkingDays * calendar.index.halfTicks;
  const dueSoonAt = dueAt === null ? null : shiftByPositions(calendar, dueAt, soon);
  return { ...clock, adjustments, dueAt, dueSoonAt, calendarVersion: calendar.version };
}

/** A clock's status at any instant, from its current state. */
export function clockStatus(clock: SlaClock, now: Instant): ClockStatus {
  const ms = toEpochMs(now);
  if (clock.completedAt !== null) {
    return clock.dueAt === null || clock.completedAt <= clock.dueAt ? 'met' : 'breached';
  }
  if (clock.pausedSince !== null) return 'paused';
  if (clock.dueAt === null) return 'running';
  if (ms > clock.dueAt) return 'breached';
  return clock.dueSoonAt !== null && ms >= clock.dueSoonAt ? 'due-soon' : 'running';
}

/** Moves the clock to `at`, recording due-soon and breach at the instants they happened. */
export function advanceClock(clock: SlaClock, at: EpochMs): SlaClock {
  if (clock.completedAt !== null || clock.pausedSince !== null || clock.dueAt === null) {
    return { ...clock, updatedAt: Math.max(at, clock.updatedAt) };
  }
  const history = [...clock.history];
  let status = clock.status;
  if (status === 'running' && clock.dueSoonAt !== null && at >= clock.dueSoonAt) {
    status = 'due-soon';
    history.push({ type: 'due-soon', at: Math.max(clock.dueSoonAt, clock.updatedAt), status });
  }
  if ((status === 'running' || status === 'due-soon') && at > clock.dueAt) {
    status = 'breached';
    history.push({ type: 'breached', at: Math.max(clock.dueAt, clock.updatedAt), status });
  }
  return { ...clock, status, history, updatedAt: Math.max(at, clock.updatedAt) };
}

function record(
  clock: SlaClock,
  at: EpochMs,
  transition: (status: ClockStatus) => ClockTransition,
): SlaClock {
  const status = clockStatus(clock, at);
  return { ...clock, status, updatedAt: at, history: [...clock.history, transition(status)] };
}

export function startClock(calendar: WorkingCalendar, input: StartClockInput): SlaClock {
  const anchor = toEpochMs(input.anchor);
  const startedAt = input.startedAt === undefined ? anchor : toEpochMs(input.startedAt);
  const dueSoonWorkingDays = input.dueSoon?.workingDays ?? 1;
  if (!(dueSoonWorkingDays >= 0) || !Number.isInteger(dueSoonWorkingDays * 2)) {
    throw new RangeError('dueSoon.workingDays must be a non-negative multiple of 0.5');
  }
  const blank: SlaClock = {
    id: input.id,
    rule: input.rule,
    anchor,
    startedAt,
    dueSoonWorkingDays,
    calendarVersion: calendar.version,
    dueAt: null,
    dueSoonAt: null,
    pausedSince: null,
    completedAt: null,
    adjustments: [],
    status: 'running',
    updatedAt: startedAt,
    history: [],
  };
  const clock = withDueDates(calendar, blank, []);
  const started: SlaClock = {
    ...clock,
    history: [
      {
        type: 'started',
        at: startedAt,
        status: 'running',
        dueAt: clock.dueAt,
        calendarVersion: calendar.version,
      },
    ],
  };
  // A clock started late may already be due soon or breached; that is recorded at once.
  return advanceClock(started, startedAt);
}

function closePause(
  calendar: WorkingCalendar,
  clock: SlaClock,
  at: EpochMs,
): { clock: SlaClock; pausedWorkingDays: number } {
  const from = clock.pausedSince;
  if (from === null) throw new ClockTransitionError(`Clock ${clock.id} is not paused`);
  const pausedWorkingDays =
    (workingPosition(calendar, at) - workingPosition(calendar, from)) / (2 * calendar.index.halfTicks);
  const next = withDueDates(calendar, { ...clock, pausedSince: null }, [
    ...clock.adjustments,
    { type: 'pause', from, to: at },
  ]);
  return { clock: next, pausedWorkingDays };
}

/**
 * Applies one event. Throws ClockTransitionError for an impossible transition (pausing a paused
 * clock, anything after completion, events out of order, or a clock computed on another
 * calendar version: run recomputeClocks first so the move is reported).
 */
export function reduceClock(clock: SlaClock, event: ClockEvent, calendar: WorkingCalendar): SlaClock {
  const at = toEpochMs(event.at);
  if (clock.calendarVersion !== calendar.version) {
    throw new ClockTransitionError(
      `Clock ${clock.id} was computed on calendar ${clock.calendarVersion}; recompute it on ${calendar.version} first`,
    );
  }
  if (clock.completedAt !== null) throw new ClockTransitionError(`Clock ${clock.id} is already completed`);
  if (at < clock.updatedAt)
    throw new ClockTransitionError(`Event at ${new Date(at).toISOString()} is out of order`);
  const current = advanceClock(clock, at);
  const previousDueAt = current.dueAt;
  switch (event.type) {
    case 'tick':
      return current;
    case 'pause':
      if (current.pausedSince !== null) throw new ClockTransitionError(`Clock ${clock.id} is already paused`);
      return record({ ...current, pausedSince: at }, at, (status) => ({
        type: 'paused',
        at,
        status,
        ...(event.reason === undefined ? {} : { reason: event.reason }),
      }));
    case 'resume': {
      const { clock: resumed, pausedWorkingDays } = closePause(calendar, current, at);
      return record(resumed, at, (status) => ({
        type: 'resumed',
        at,
        status,
        pausedWorkingDays,
        previousDueAt,
        dueAt: resumed.dueAt,
      }));
    }
    case 'extend': {
      if (event.approver.trim() === '' || event.reason.trim() === '') {
        throw new ClockTransitionError('An extension needs an approver and a reason');
      }
      const amount =
        'until' in event ? { until: toEpochMs(event.until) } : { workingDays: event.workingDays };
      const days = amount.workingDays;
      if (days !== undefined && !(days > 0 && Number.isInteger(days * 2))) {
        throw new RangeError('Extension working days must be a positive multiple of 0.5');
      }
      const extension: ClockAdjustment = {
        type: 'extension',
        at,
        approver: event.approver,
        reason: event.reason,
        ...amount,
      };
      const extended = withDueDates(calendar, current, [...current.adjustments, extension]);
      return record(extended, at, (status) => ({
        type: 'extended',
        at,
        status,
        approver: event.approver,
        reason: event.reason,
        previousDueAt,
        dueAt: extended.dueAt,
      }));
    }
    case 'complete': {
      // Completing while paused ends the pause first, so the paused time still does not count.
      const open = current.pausedSince === null ? current : closePause(calendar, current, at).clock;
      return record({ ...open, completedAt: at }, at, (status) => ({
        type: 'completed',
        at,
        status,
        outcome: status === 'met' ? 'met' : 'breached',
      }));
    }
  }
}
