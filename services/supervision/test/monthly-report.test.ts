import { shanghaiInstant } from '@eco/calendar';
import { buildMonthlyReport, monthWindow } from '../src/domain/quarterly-report';

const at = (date: string, time = '10:00') => shanghaiInstant(date, time);

describe('monthly supervision reports (月度督查情况报告)', () => {
  it('cover one calendar month, as of its end once it is over', () => {
    const window = monthWindow(2024, 4, at('2024-06-01'));
    expect(window).toMatchObject({ period: '2024-04', coversTo: '2024-04', provisional: false });
    expect(window.startsAt).toEqual(at('2024-04-01', '00:00'));
    expect(window.asOf).toEqual(new Date(at('2024-05-01', '00:00').getTime() - 1));
  });

  it('are provisional, as of now, while the month runs', () => {
    expect(monthWindow(2024, 4, at('2024-04-15'))).toMatchObject({
      provisional: true,
      asOf: at('2024-04-15'),
    });
  });

  it("sum up the month's items, lights, reports and escalations", () => {
    const window = monthWindow(2024, 4, at('2024-06-01'));
    const report = buildMonthlyReport(window, {
      now: window.asOf,
      items: [
        {
          id: 'a',
          title: 'A',
          category: 'DISTRICT_KEY_TASK',
          departmentId: null,
          createdAt: at('2024-01-05'),
          closedAt: null,
          lights: [
            { period: '2024-03', light: 'YELLOW' },
            { period: '2024-04', light: 'RED' },
          ],
        },
        {
          id: 'b',
          title: 'B',
          category: 'DISTRICT_KEY_TASK',
          departmentId: null,
          createdAt: at('2024-04-03'),
          closedAt: at('2024-04-20'),
          lights: [],
        },
      ],
      obligations: [
        { itemId: 'a', dueAt: at('2024-04-19', '17:30'), submittedAt: at('2024-04-18'), overLimit: false },
        { itemId: 'a', dueAt: at('2024-03-20', '17:30'), submittedAt: null, overLimit: false },
      ],
      escalations: [
        { itemId: 'a', level: 2, triggeredAt: at('2024-04-22') },
        { itemId: 'a', level: 1, triggeredAt: at('2024-03-22') },
      ],
      directLine: [],
    });
    expect(report.categories.find((c) => c.category === 'DISTRICT_KEY_TASK')).toEqual({
      category: 'DISTRICT_KEY_TASK',
      registered: 2,
      newInQuarter: 1,
      closedInQuarter: 1,
      openAtEnd: 1,
    });
    expect(report.lights).toEqual({ green: 0, yellow: 0, red: 1, unlit: 0 });
    expect(report.reports).toMatchObject({ owed: 1, onTime: 1, missing: 0 });
    expect(report.escalations).toEqual([
      { level: 1, count: 0 },
      { level: 2, count: 1 },
      { level: 3, count: 0 },
    ]);
    expect(report.attention).toEqual([{ itemId: 'a', title: 'A', light: 'RED', escalationLevel: 2 }]);
  });
});
