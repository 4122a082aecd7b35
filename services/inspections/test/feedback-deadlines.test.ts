import { feedbackDeadlines } from '../src/domain/feedback-deadlines';
import { inspectionsCalendar } from '../src/domain/inspections-calendar';
import { noticeUpAWeekOn, publicNoticeView, windowProblems } from '../src/domain/on-site-window';

describe('deadlines from the written feedback', () => {
  it('give the plan 2 weeks and the report 2 months, rolled past the National Day holiday and the weekend', () => {
    const [plan, report] = feedbackDeadlines(inspectionsCalendar, '2023-09-22');
    // 2023-10-06 is in the National Day holiday: the next working day is Saturday 10-07 (调休).
    expect(plan).toMatchObject({
      kind: 'PLAN',
      dueAt: new Date('2023-10-07T09:30:00.000Z'),
      provisional: false,
    });
    expect(plan!.explanationZh).toContain('国庆');
    // 2023-11-22 is a Wednesday.
    expect(report).toMatchObject({ kind: 'REPORT', dueAt: new Date('2023-11-22T09:30:00.000Z') });
  });

  it('roll a report deadline on a Sunday to Monday', () => {
    const [, report] = feedbackDeadlines(inspectionsCalendar, '2023-09-26');
    expect(report!.dueAt).toEqual(new Date('2023-11-27T09:30:00.000Z'));
    expect(report!.explanationEn).toMatch(/2023-11-27/);
  });
});

describe('the on-site window and the public notice', () => {
  const period = { start: '2023-08-01', end: '2023-10-31' };

  it('takes about a week (7 days) inside the round, longer only as an extension', () => {
    expect(
      windowProblems(inspectionsCalendar, { from: '2023-08-21', until: '2023-08-27' }, period, {
        extension: false,
      }),
    ).toEqual([]);
    expect(
      windowProblems(inspectionsCalendar, { from: '2023-08-21', until: '2023-08-28' }, period, {
        extension: false,
      }),
    ).toEqual([{ kind: 'TOO_LONG', latestEnd: '2023-08-27' }]);
    expect(
      windowProblems(inspectionsCalendar, { from: '2023-08-21', until: '2023-08-31' }, period, {
        extension: true,
      }),
    ).toEqual([]);
    expect(
      windowProblems(inspectionsCalendar, { from: '2023-10-30', until: '2023-11-02' }, period, {
        extension: false,
      }),
    ).toEqual([{ kind: 'OUTSIDE_ROUND', periodStart: '2023-08-01', periodEnd: '2023-10-31' }]);
  });

  it('is up a full week a week after posting, and judged against the visit', () => {
    expect(noticeUpAWeekOn(inspectionsCalendar, '2023-08-14')).toBe('2023-08-21');
    expect(
      publicNoticeView(
        inspectionsCalendar,
        { postedOn: '2023-08-14', removedOn: '2023-08-25' },
        { start: '2023-08-21', end: '2023-08-25', ended: true },
      ),
    ).toEqual({
      postedOn: '2023-08-14',
      removedOn: '2023-08-25',
      upAWeekOn: '2023-08-21',
      postedAWeekBefore: true,
      upThroughVisit: true,
    });
    expect(
      publicNoticeView(
        inspectionsCalendar,
        { postedOn: '2023-08-16', removedOn: null },
        { start: '2023-08-21', end: '2023-08-25', ended: false },
      ),
    ).toMatchObject({ postedAWeekBefore: false, upThroughVisit: null });
  });
});
