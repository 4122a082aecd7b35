import {
  countsTowardsCloseOut,
  deriveProblemStatus,
  isUnderPeriodicReview,
} from '../src/domain/problem-status';
import type { MeasureStatusFacts } from '../src/domain/problem-status';

const m = (
  status: MeasureStatusFacts['status'],
  verification: MeasureStatusFacts['verification'] = 'NONE',
  deadlineKind: MeasureStatusFacts['deadlineKind'] = 'DATE',
): MeasureStatusFacts => ({ status, verification, deadlineKind });

describe('a problem status derived from its measures and close-out records', () => {
  it.each([
    [[], null, 'OPEN'],
    [[m('NOT_STARTED'), m('NOT_STARTED')], null, 'OPEN'],
    [[m('NOT_STARTED'), m('IN_PROGRESS')], null, 'IN_PROGRESS'],
    [[m('COMPLETED'), m('NOT_STARTED')], null, 'IN_PROGRESS'],
    [[m('COMPLETED'), m('COMPLETED', 'SUBMITTED')], null, 'MEASURES_COMPLETED'],
    [[m('COMPLETED', 'ACCEPTED'), m('COMPLETED', 'RETURNED')], null, 'MEASURES_COMPLETED'],
    [[m('COMPLETED', 'ACCEPTED'), m('COMPLETED', 'ACCEPTED')], null, 'CLOSED'],
    [[m('COMPLETED', 'ACCEPTED'), m('COMPLETED', 'ACCEPTED')], 'CLOSED', 'CLOSED'],
    [[m('COMPLETED', 'ACCEPTED'), m('IN_PROGRESS')], 'REOPENED', 'REOPENED'],
    [[m('COMPLETED', 'ACCEPTED'), m('COMPLETED', 'SUBMITTED')], 'REOPENED', 'REOPENED'],
    [[m('COMPLETED', 'ACCEPTED'), m('COMPLETED', 'ACCEPTED')], 'REOPENED', 'CLOSED'],
  ] as const)('%j with last close-out %s is %s', (measures, lastCloseout, expected) => {
    expect(deriveProblemStatus(measures, lastCloseout)).toBe(expected);
  });

  it('never closes a problem that has no measures, even after a close-out record', () => {
    expect(deriveProblemStatus([], 'CLOSED')).toBe('OPEN');
  });
});

describe('the long-term rule (长期坚持)', () => {
  it('counts a long-term measure once its mechanism is established and accepted, and keeps it under review', () => {
    const established = m('COMPLETED', 'ACCEPTED', 'LONG_TERM');
    expect(countsTowardsCloseOut(established)).toBe(true);
    expect(isUnderPeriodicReview(established)).toBe(true);
    expect(deriveProblemStatus([m('COMPLETED', 'ACCEPTED'), established])).toBe('CLOSED');
  });

  it('does not count a long-term measure still being built or not yet accepted', () => {
    expect(countsTowardsCloseOut(m('IN_PROGRESS', 'NONE', 'LONG_TERM'))).toBe(false);
    expect(countsTowardsCloseOut(m('COMPLETED', 'SUBMITTED', 'LONG_TERM'))).toBe(false);
    expect(isUnderPeriodicReview(m('COMPLETED', 'SUBMITTED', 'LONG_TERM'))).toBe(false);
    expect(deriveProblemStatus([m('COMPLETED', 'ACCEPTED'), m('IN_PROGRESS', 'NONE', 'LONG_TERM')])).toBe(
      'IN_PROGRESS',
    );
  });

  it('puts no dated measure under periodic review', () => {
    expect(isUnderPeriodicReview(m('COMPLETED', 'ACCEPTED', 'MONTH_END'))).toBe(false);
  });
});
