import { shanghaiInstant } from '@eco/calendar';
import { acknowledgeDueAt, acknowledgementStatus } from '../src/domain/acknowledgement-sla';

describe('the acknowledgement deadline (签收时限)', () => {
  it('is one working day after opening, across weekends and adjusted workdays', () => {
    // Friday 2025-09-26 16:00 → the next working day is the adjusted workday Sunday 09-28.
    expect(acknowledgeDueAt(shanghaiInstant('2025-09-26', '16:00'))).toEqual(
      shanghaiInstant('2025-09-28', '16:00'),
    );
    // Tuesday 2025-09-30 10:00 → National Day runs 10-01 to 10-08: Thursday 10-09.
    expect(acknowledgeDueAt(shanghaiInstant('2025-09-30', '10:00'))).toEqual(
      shanghaiInstant('2025-10-09', '10:00'),
    );
  });

  it('tells pending, due soon and overdue tasks apart, and on-time from late signatures', () => {
    const due = shanghaiInstant('2025-10-09', '10:00');
    const task = { acknowledgeDueAt: due, acknowledgedAt: null };
    expect(acknowledgementStatus(task, shanghaiInstant('2025-09-30', '11:00'))).toBe('PENDING');
    expect(acknowledgementStatus(task, shanghaiInstant('2025-10-08', '18:00'))).toBe('DUE_SOON');
    expect(acknowledgementStatus(task, shanghaiInstant('2025-10-09', '10:01'))).toBe('OVERDUE');
    expect(
      acknowledgementStatus({ ...task, acknowledgedAt: shanghaiInstant('2025-10-09', '09:59') }, new Date()),
    ).toBe('ON_TIME');
    expect(
      acknowledgementStatus({ ...task, acknowledgedAt: shanghaiInstant('2025-10-09', '10:30') }, new Date()),
    ).toBe('LATE');
  });
});
