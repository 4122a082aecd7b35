import {
  ClockTransitionError,
  clockStatus,
  createWorkingCalendar,
  reduceClock,
  shanghaiInstant as at,
  startClock,
} from '../src/index';
import type { ClockEvent, SlaClock } from '../src/index';

const calendar = createWorkingCalendar();
const ms = (date: string, time: string): number => at(date, time).getTime();
const apply = (clock: SlaClock, ...events: ClockEvent[]): SlaClock =>
  events.reduce((c, event) => reduceClock(c, event, calendar), clock);

// Monday 2025-09-22 09:00 + 2 working days = Tuesday 09-23 17:30; due soon from Monday 17:30.
const started = startClock(calendar, {
  id: 'finding-1',
  rule: { kind: 'working-days', days: 2 },
  anchor: at('2025-09-22', '09:00'),
});

describe('starting an SLA clock', () => {
  it('computes the due date from the rule and records the start', () => {
    expect(started.dueAt).toBe(ms('2025-09-23', '17:30'));
    expect(started.dueSoonAt).toBe(ms('2025-09-22', '17:30'));
    expect(started.status).toBe('running');
    expect(started.calendarVersion).toBe(calendar.version);
    expect(started.history).toEqual([
      {
        type: 'started',
        at: ms('2025-09-22', '09:00'),
        status: 'running',
        dueAt: ms('2025-09-23', '17:30'),
        calendarVersion: calendar.version,
      },
    ]);
  });

  it('is a plain JSON value', () => {
    expect(JSON.parse(JSON.stringify(started))).toEqual(started);
  });

  it('records at once a clock started after it was already due soon', () => {
    const late = startClock(calendar, {
      id: 'late',
      rule: { kind: 'working-days', days: 2 },
      anchor: at('2025-09-22', '09:00'),
      startedAt: at('2025-09-23', '09:00'),
    });
    expect(late.status).toBe('due-soon');
    expect(late.history.map((t) => t.type)).toEqual(['started', 'due-soon']);
  });
});

describe('pausing and resuming', () => {
  it('does not count paused working time: a one-working-day pause moves the deadline one working day', () => {
    const clock = apply(
      started,
      { type: 'pause', at: at('2025-09-22', '13:00'), reason: 'awaiting lab results' },
      { type: 'resume', at: at('2025-09-23', '13:00') },
    );
    expect(clock.dueAt).toBe(ms('2025-09-24', '17:30'));
    expect(clock.history.at(-1)).toEqual({
      type: 'resumed',
      at: ms('2025-09-23', '13:00'),
      status: 'running',
      pausedWorkingDays: 1,
      previousDueAt: ms('2025-09-23', '17:30'),
      dueAt: ms('2025-09-24', '17:30'),
    });
  });

  it('moves the deadline by exactly the paused working time for partial halves', () => {
    // Paused Mon 14:00–17:30 (7/9 of the afternoon) and Tue 09:00–10:00 (1/3 of the morning): 10/9 halves.
    // Tue 17:30 + 10/9 halves = Wed morning + 1/9 of the afternoon (30 min) = Wed 13:30.
    const clock = apply(
      started,
      { type: 'pause', at: at('2025-09-22', '14:00') },
      { type: 'resume', at: at('2025-09-23', '10:00') },
    );
    expect(clock.dueAt).toBe(ms('2025-09-24', '13:30'));
  });

  it('leaves the deadline alone for a pause with no working time in it (a weekend)', () => {
    const friday = startClock(calendar, {
      id: 'f',
      rule: { kind: 'working-days', days: 2 },
      anchor: at('2025-09-19', '09:00'),
    });
    expect(friday.dueAt).toBe(ms('2025-09-22', '17:30'));
    const clock = apply(
      friday,
      { type: 'pause', at: at('2025-09-19', '17:30') },
      { type: 'resume', at: at('2025-09-22', '09:00') },
    );
    expect(clock.dueAt).toBe(ms('2025-09-22', '17:30'));
  });

  it('reports paused while paused, even past the deadline', () => {
    const paused = apply(started, { type: 'pause', at: at('2025-09-22', '10:00') });
    expect(paused.status).toBe('paused');
    expect(clockStatus(paused, at('2025-09-30', '10:00'))).toBe('paused');
  });
});

describe('extensions', () => {
  it('move the deadline by working days and record approver and reason', () => {
    const clock = apply(started, {
      type: 'extend',
      at: at('2025-09-23', '10:00'),
      approver: 'section-chief-wang',
      reason: 'Equipment delivery delayed',
      workingDays: 2,
    });
    expect(clock.dueAt).toBe(ms('2025-09-25', '17:30'));
    expect(clock.history.at(-1)).toMatchObject({
      type: 'extended',
      approver: 'section-chief-wang',
      reason: 'Equipment delivery delayed',
      previousDueAt: ms('2025-09-23', '17:30'),
      dueAt: ms('2025-09-25', '17:30'),
    });
  });

  it('can set a new due instant outright', () => {
    const clock = apply(started, {
      type: 'extend',
      at: at('2025-09-23', '10:00'),
      approver: 'a',
      reason: 'r',
      until: at('2025-10-10', '17:30'),
    });
    expect(clock.dueAt).toBe(ms('2025-10-10', '17:30'));
  });

  it('are refused without an approver or a reason', () => {
    expect(() =>
      apply(started, {
        type: 'extend',
        at: at('2025-09-23', '10:00'),
        approver: ' ',
        reason: 'r',
        workingDays: 1,
      }),
    ).toThrow(ClockTransitionError);
  });
});

describe('status: running, due soon, breached, met', () => {
  it('reads the status at any instant', () => {
    expect(clockStatus(started, at('2025-09-22', '12:00'))).toBe('running');
    expect(clockStatus(started, at('2025-09-22', '17:30'))).toBe('due-soon');
    expect(clockStatus(started, at('2025-09-23', '17:30'))).toBe('due-soon');
    expect(clockStatus(started, at('2025-09-23', '17:31'))).toBe('breached');
  });

  it('records due-soon and breach at the moments they happened when time is advanced', () => {
    const clock = apply(started, { type: 'tick', at: at('2025-09-24', '10:00') });
    expect(clock.status).toBe('breached');
    expect(clock.history.slice(1)).toEqual([
      { type: 'due-soon', at: ms('2025-09-22', '17:30'), status: 'due-soon' },
      { type: 'breached', at: ms('2025-09-23', '17:30'), status: 'breached' },
    ]);
  });

  it('takes a configurable due-soon threshold', () => {
    const clock = startClock(calendar, {
      id: 'x',
      rule: { kind: 'working-days', days: 2 },
      anchor: at('2025-09-22', '09:00'),
      dueSoon: { workingDays: 0.5 },
    });
    expect(clock.dueSoonAt).toBe(ms('2025-09-23', '12:00'));
  });

  it('is met when completed on time and breached when completed late', () => {
    expect(apply(started, { type: 'complete', at: at('2025-09-23', '17:30') }).status).toBe('met');
    const late = apply(started, { type: 'complete', at: at('2025-09-24', '09:00') });
    expect(late.status).toBe('breached');
    expect(late.history.at(-1)).toEqual({
      type: 'completed',
      at: ms('2025-09-24', '09:00'),
      status: 'breached',
      outcome: 'breached',
    });
  });

  it('goes back to running when an extension lifts a breach', () => {
    const clock = apply(
      started,
      { type: 'tick', at: at('2025-09-24', '10:00') },
      { type: 'extend', at: at('2025-09-24', '10:00'), approver: 'a', reason: 'r', workingDays: 3 },
    );
    expect(clock.status).toBe('running');
    expect(clock.dueAt).toBe(ms('2025-09-26', '17:30'));
  });

  it('ends a pause when completed while paused, so the paused time still does not count', () => {
    const clock = apply(
      started,
      { type: 'pause', at: at('2025-09-23', '09:00') },
      { type: 'complete', at: at('2025-09-24', '09:00') },
    );
    expect(clock.dueAt).toBe(ms('2025-09-24', '17:30'));
    expect(clock.status).toBe('met');
  });

  it('never falls due for a long-term rule', () => {
    const clock = startClock(calendar, {
      id: 'lt',
      rule: { kind: 'long-term' },
      anchor: at('2025-09-22', '09:00'),
    });
    const later = apply(clock, { type: 'tick', at: at('2026-09-22', '09:00') });
    expect(later.dueAt).toBeNull();
    expect(later.status).toBe('running');
    expect(later.history.map((t) => t.type)).toEqual(['started']);
  });
});

describe('the history of a clock', () => {
  it('lists every transition in order', () => {
    const clock = apply(
      started,
      { type: 'pause', at: at('2025-09-22', '10:00'), reason: 'owner unreachable' },
      { type: 'resume', at: at('2025-09-22', '11:00') },
      { type: 'tick', at: at('2025-09-23', '10:30') },
      { type: 'extend', at: at('2025-09-23', '11:00'), approver: 'a', reason: 'r', workingDays: 1 },
      { type: 'complete', at: at('2025-09-24', '16:00') },
    );
    expect(clock.history.map((t) => `${t.type}:${t.status}`)).toEqual([
      'started:running',
      'paused:paused',
      'resumed:running',
      'due-soon:due-soon',
      'extended:running',
      'due-soon:due-soon',
      'completed:met',
    ]);
    // 1 h of a 3 h morning paused = 1/6 working day: due Tue 17:30 → Wed 10:00 (due soon from Tue 10:00);
    // +1 day → Thu 10:00, due soon again from Wed 10:00, completed Wed 16:00.
    expect(clock.dueAt).toBe(ms('2025-09-25', '10:00'));
    expect(clock.history[3]?.at).toBe(ms('2025-09-23', '10:00'));
    expect(clock.history[5]?.at).toBe(ms('2025-09-24', '10:00'));
  });
});

describe('impossible transitions', () => {
  it('are refused', () => {
    const paused = apply(started, { type: 'pause', at: at('2025-09-22', '10:00') });
    expect(() => apply(paused, { type: 'pause', at: at('2025-09-22', '11:00') })).toThrow(
      ClockTransitionError,
    );
    expect(() => apply(started, { type: 'resume', at: at('2025-09-22', '11:00') })).toThrow(
      ClockTransitionError,
    );
    const done = apply(started, { type: 'complete', at: at('2025-09-22', '11:00') });
    expect(() => apply(done, { type: 'tick', at: at('2025-09-22', '12:00') })).toThrow(ClockTransitionError);
    expect(() => apply(paused, { type: 'resume', at: at('2025-09-22', '09:30') })).toThrow(/out of order/);
  });

  it('are refused on another calendar version until the clock is recomputed', () => {
    const other = createWorkingCalendar({ overrides: [{ date: '2025-09-23', type: 'holiday' }] });
    expect(() => reduceClock(started, { type: 'tick', at: at('2025-09-22', '10:00') }, other)).toThrow(
      /recompute/,
    );
  });
});
