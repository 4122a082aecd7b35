import {
  createWorkingCalendar,
  reduceClock,
  recomputeClocks,
  shanghaiInstant as at,
  startClock,
} from '../src/index';

const ms = (date: string, time: string): number => at(date, time).getTime();
const base = createWorkingCalendar();
// The State Council notice for 2027 makes New Year's Day (Friday 2027-01-01) a holiday.
const notice2027 = createWorkingCalendar({
  overrides: [{ date: '2027-01-01', type: 'holiday', name: { en: "New Year's Day", zh: '元旦' } }],
});

// 15 working days from Monday 2026-12-21 10:00, with 2027 assumed Mon–Fri: 12-22..12-25 (4),
// 12-28..12-31 (8), 2027-01-01 (9), 01-04..01-08 (14), 01-11 (15).
const spanning = startClock(base, {
  id: 'spans-new-year',
  rule: { kind: 'working-days', days: 15 },
  anchor: at('2026-12-21', '10:00'),
});
const before = startClock(base, {
  id: 'before-new-year',
  rule: { kind: 'working-days', days: 5 },
  anchor: at('2026-11-02', '10:00'),
});
const completed = reduceClock(
  startClock(base, {
    id: 'done',
    rule: { kind: 'working-days', days: 15 },
    anchor: at('2026-12-21', '10:00'),
  }),
  { type: 'complete', at: at('2026-12-22', '10:00') },
  base,
);

describe('recomputing clocks when the calendar version changes', () => {
  it('moves deadlines that cross a new holiday and reports from what to what', () => {
    expect(spanning.dueAt).toBe(ms('2027-01-11', '10:00'));
    const result = recomputeClocks([spanning, before, completed], notice2027, {
      at: at('2026-12-23', '09:00'),
    });
    expect(result.changes).toEqual([
      {
        clockId: 'spans-new-year',
        previousDueAt: ms('2027-01-11', '10:00'),
        newDueAt: ms('2027-01-12', '10:00'),
      },
    ]);
    expect(result.calendarVersion).toBe(notice2027.version);
  });

  it('stamps every open clock with the new version and records the move in its history', () => {
    const { clocks } = recomputeClocks([spanning, before], notice2027, { at: at('2026-12-23', '09:00') });
    const [moved, unmoved] = clocks;
    expect(moved?.calendarVersion).toBe(notice2027.version);
    expect(moved?.history.at(-1)).toEqual({
      type: 'recomputed',
      at: ms('2026-12-23', '09:00'),
      status: 'running',
      previousDueAt: ms('2027-01-11', '10:00'),
      dueAt: ms('2027-01-12', '10:00'),
      calendarVersion: notice2027.version,
    });
    expect(unmoved?.calendarVersion).toBe(notice2027.version);
    expect(unmoved?.dueAt).toBe(ms('2026-11-09', '10:00'));
    // Its deadline did not move, but time was brought up to the recompute: it had breached on 11-09.
    expect(unmoved?.history.map((t) => t.type)).toEqual(['started', 'due-soon', 'breached']);
  });

  it('leaves completed clocks exactly as they were', () => {
    const { clocks } = recomputeClocks([completed], notice2027);
    expect(clocks[0]).toBe(completed);
  });

  it('replays pauses and extensions against the new calendar', () => {
    const adjusted = [
      { type: 'pause', at: at('2026-12-22', '09:00') },
      { type: 'resume', at: at('2026-12-23', '09:00') },
      { type: 'extend', at: at('2026-12-23', '10:00'), approver: 'a', reason: 'r', workingDays: 2 },
    ] as const;
    const clock = adjusted.reduce((c, e) => reduceClock(c, e, base), spanning);
    // One working day paused and two granted: 01-11 → 01-14 on the old calendar, 01-15 with the holiday.
    expect(clock.dueAt).toBe(ms('2027-01-14', '10:00'));
    const { clocks, changes } = recomputeClocks([clock], notice2027);
    expect(clocks[0]?.dueAt).toBe(ms('2027-01-15', '10:00'));
    expect(changes).toHaveLength(1);
  });

  it('reports nothing when the calendar gives the same deadlines', () => {
    const same = createWorkingCalendar();
    const result = recomputeClocks([spanning, before], same);
    expect(result.changes).toEqual([]);
    expect(result.clocks).toEqual([spanning, before]);
  });

  it('lets the recomputed clocks accept events on the new calendar', () => {
    const { clocks } = recomputeClocks([spanning], notice2027);
    const [clock] = clocks;
    if (clock === undefined) throw new Error('missing clock');
    expect(reduceClock(clock, { type: 'tick', at: at('2026-12-24', '09:00') }, notice2027).status).toBe(
      'running',
    );
  });
});
