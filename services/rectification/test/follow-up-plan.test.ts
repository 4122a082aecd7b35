import { createWorkingCalendar } from '@eco/calendar';
import { isFollowUpPlanRequired, reportDeadlineOf } from '../src/domain/follow-up-plan';

const calendar = createWorkingCalendar();
const campaign = { sourceKind: 'MUNICIPAL_INSPECTION' as const, reportReceivedOn: '2023-09-26' };
// Two months from 2023-09-26 is Sunday 2023-11-26, rolled to Monday 2023-11-27 17:30 (09:30Z).
const reportDueAt = new Date('2023-11-27T09:30:00.000Z');
const open = { status: 'IN_PROGRESS' as const, deadlineKind: 'DATE' as const };
const required = (overrides: Partial<Parameters<typeof isFollowUpPlanRequired>[0]> = {}): boolean =>
  isFollowUpPlanRequired({ measure: open, reportDueAt, hasPlan: false, now: reportDueAt, ...overrides });

describe('follow-up plan required (seed 002 §2)', () => {
  it('takes the report deadline and its Shanghai date from the campaign', () => {
    expect(reportDeadlineOf(calendar, campaign)).toEqual({ dueAt: reportDueAt, dueOn: '2023-11-27' });
    expect(reportDeadlineOf(calendar, { ...campaign, reportReceivedOn: null })).toBeNull();
    expect(reportDeadlineOf(calendar, null)).toBeNull();
  });

  it('is required only once the report deadline has passed', () => {
    expect(required({ now: new Date('2023-11-27T09:29:59.999Z') })).toBe(false);
    expect(required({ now: reportDueAt })).toBe(false);
    expect(required({ now: new Date('2023-11-27T09:30:00.001Z') })).toBe(true);
  });

  it('is required of a measure not started as well as of one in progress', () => {
    const after = new Date('2024-01-01T00:00:00Z');
    expect(required({ now: after, measure: { status: 'NOT_STARTED', deadlineKind: 'NONE' } })).toBe(true);
    expect(required({ now: after, measure: { status: 'IN_PROGRESS', deadlineKind: 'MONTH_END' } })).toBe(
      true,
    );
  });

  it('is not required of a completed measure, a long-term one, one with a plan, or without a deadline', () => {
    const after = new Date('2024-01-01T00:00:00Z');
    expect(required({ now: after, measure: { status: 'COMPLETED', deadlineKind: 'DATE' } })).toBe(false);
    expect(required({ now: after, measure: { status: 'IN_PROGRESS', deadlineKind: 'LONG_TERM' } })).toBe(
      false,
    );
    expect(required({ now: after, hasPlan: true })).toBe(false);
    expect(required({ now: after, reportDueAt: null })).toBe(false);
  });
});
