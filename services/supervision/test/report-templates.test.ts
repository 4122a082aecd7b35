import { characterCount, checkReport, templateOf } from '../src/domain/report-templates';
import type { ReportSections } from '../src/domain/report-templates';
import { overLimitReportCount } from '../src/domain/over-limit';

const empty: ReportSections = {
  progress: null,
  difficulties: null,
  nextSteps: [],
  permits: null,
  thisMonth: null,
  nextMonth: null,
  notes: null,
  cumulativePercent: null,
};
const chars = (n: number) => '字'.repeat(n);

describe('monthly report templates', () => {
  it('use annex 1 for leader instructions, annex 2 for practical and livelihood projects', () => {
    expect(templateOf('LEADER_INSTRUCTION')).toBe('LEADER_INSTRUCTION_PROGRESS');
    expect(templateOf('PRACTICAL_PROJECT')).toBe('PRACTICAL_PROJECT_MONTHLY');
    expect(templateOf('LIVELIHOOD_PROJECT')).toBe('LIVELIHOOD_BRIEF');
    expect(templateOf('DISTRICT_KEY_TASK')).toBe('PROGRESS');
  });

  it('count characters as people do: a Chinese character (or an emoji) is one', () => {
    expect(characterCount('目前进展')).toBe(4);
    expect(characterCount('𠀋a')).toBe(2);
  });

  describe('the leader-instruction template: 目前进展 500, 难点问题 300, 下一步打算 200 (each step dated)', () => {
    const full = (progress: number, difficulties: number, steps: number[]): ReportSections => ({
      ...empty,
      progress: chars(progress),
      difficulties: chars(difficulties),
      nextSteps: steps.map((n) => ({ text: chars(n), dueOn: '2024-07-31' })),
    });

    it('takes a report at the limits as it is', () => {
      expect(checkReport('LEADER_INSTRUCTION_PROGRESS', full(500, 300, [120, 80]))).toEqual({
        fieldErrors: [],
        overLimit: [],
      });
    });

    it('takes a report over the limits and says which sections are 超限', () => {
      expect(checkReport('LEADER_INSTRUCTION_PROGRESS', full(501, 300, [150, 51])).overLimit).toEqual([
        { field: 'progress', limit: 500, length: 501 },
        { field: 'nextSteps', limit: 200, length: 201 },
      ]);
      expect(checkReport('LEADER_INSTRUCTION_PROGRESS', full(10, 301, [5])).overLimit).toEqual([
        { field: 'difficulties', limit: 300, length: 301 },
      ]);
    });

    it('refuses a report missing a section, or a next step without its date', () => {
      const sections = {
        ...full(10, 10, [5]),
        difficulties: null,
        nextSteps: [{ text: '下一步', dueOn: null }],
      };
      expect(checkReport('LEADER_INSTRUCTION_PROGRESS', sections).fieldErrors.map((e) => e.field)).toEqual([
        'difficulties',
        'nextSteps.0.dueOn',
      ]);
    });
  });

  it('needs the practical-project table: permits, this month, next month and the cumulative %', () => {
    expect(
      checkReport('PRACTICAL_PROJECT_MONTHLY', { ...empty, permits: '已取得' }).fieldErrors.map(
        (e) => e.field,
      ),
    ).toEqual(['thisMonth', 'nextMonth', 'cumulativePercent']);
    expect(
      checkReport('PRACTICAL_PROJECT_MONTHLY', {
        ...empty,
        permits: '已取得',
        thisMonth: '开工',
        nextMonth: '主体施工',
        cumulativePercent: 40,
        progress: chars(2000),
      }),
    ).toEqual({ fieldErrors: [], overLimit: [] });
  });

  it('needs the livelihood brief’s three parts, dates optional', () => {
    const brief = {
      ...empty,
      progress: '进展',
      difficulties: '问题',
      nextSteps: [{ text: '下一步', dueOn: null }],
    };
    expect(checkReport('LIVELIHOOD_BRIEF', brief).fieldErrors).toEqual([]);
  });

  describe('the over-limit count (超限报告)', () => {
    it('counts reports over their limits, and platform notices, once per period', () => {
      const reports = [
        { period: '2024-03', overLimitFields: ['progress'] },
        { period: '2024-04', overLimitFields: [] },
        { period: '2024-05', overLimitFields: ['progress', 'nextSteps'] },
      ];
      expect(overLimitReportCount(reports, [])).toBe(2);
      expect(overLimitReportCount(reports, [{ id: 'n1', period: '2024-03' }])).toBe(2);
      expect(overLimitReportCount(reports, [{ id: 'n1', period: '2024-06' }])).toBe(3);
    });
  });
});
