import { createWorkingCalendar } from '@eco/calendar';
import { departmentsOwing, obligationStatus, reportingWeeks } from '../src/domain/weekly-obligation';

const calendar = createWorkingCalendar();
const at = (iso: string) => new Date(iso);

describe('the weekly report schedule (每周三15时前，节假日除外)', () => {
  it('starts on Wednesday 2023-09-13 at 15:00 Shanghai and skips the National Day Wednesday 2023-10-04', () => {
    const weeks = reportingWeeks(calendar, '2023-09-13', '2023-09-01', '2023-10-11');
    expect(weeks.map((w) => [w.weekDate, w.dueAt?.toISOString() ?? null, w.holidayName])).toEqual([
      ['2023-09-13', '2023-09-13T07:00:00.000Z', null],
      ['2023-09-20', '2023-09-20T07:00:00.000Z', null],
      ['2023-09-27', '2023-09-27T07:00:00.000Z', null],
      ['2023-10-04', null, '国庆节'],
      ['2023-10-11', '2023-10-11T07:00:00.000Z', null],
    ]);
  });

  it('has no reporting week on a day that is not a reporting Wednesday', () => {
    expect(reportingWeeks(calendar, '2023-09-13', '2023-09-14', '2023-09-14')).toEqual([]);
    expect(reportingWeeks(calendar, '2023-09-13', '2023-09-06', '2023-09-06')).toEqual([]);
  });
});

describe('a weekly report obligation', () => {
  const due = at('2023-09-13T07:00:00Z');

  it('is ON_TIME when submitted at or before 15:00', () => {
    expect(obligationStatus(due, at('2023-09-13T06:59:00Z'), at('2023-09-20T00:00:00Z'))).toBe('ON_TIME');
    expect(obligationStatus(due, due, due)).toBe('ON_TIME');
  });

  it('is LATE when first submitted after 15:00', () => {
    expect(obligationStatus(due, at('2023-09-13T07:00:01Z'), at('2023-09-13T08:00:00Z'))).toBe('LATE');
  });

  it('is DUE before the deadline and MISSING after it when nothing came', () => {
    expect(obligationStatus(due, null, at('2023-09-13T06:00:00Z'))).toBe('DUE');
    expect(obligationStatus(due, null, at('2023-09-13T07:00:01Z'))).toBe('MISSING');
  });

  it('is owed by departments with a measure not completed by the deadline', () => {
    const owing = departmentsOwing(
      [
        { responsibleAgencyId: 'a', status: 'IN_PROGRESS', completedAt: null },
        { responsibleAgencyId: 'b', status: 'COMPLETED', completedAt: at('2023-09-12T00:00:00Z') },
        { responsibleAgencyId: 'c', status: 'COMPLETED', completedAt: at('2023-09-14T00:00:00Z') },
        { responsibleAgencyId: 'd', status: 'COMPLETED', completedAt: null },
        { responsibleAgencyId: null, status: 'NOT_STARTED', completedAt: null },
      ],
      due,
    );
    expect(owing).toEqual(['a', 'c']);
  });
});
