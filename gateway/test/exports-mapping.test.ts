import { statusOfCode } from '../src/exports/export-errors';
import { deadlineOf, LEDGER_EXPORT_QUERY, ledgerOf } from '../src/exports/ledger-export';
import type { ApiCampaign, ApiMeasure, ApiProblem } from '../src/exports/ledger-export';
import { csvColumnsOf, listFileName, parseListExportRequest, rowsAt } from '../src/exports/list-export';
import {
  departmentWeeklyReportOf,
  mergedWeeklyReportOf,
  reportingPeriod,
  WEEKLY_REPORT_EXPORT_DOCUMENT,
} from '../src/exports/weekly-report-export';
import { createRunAsCaller } from '../src/exports/run-as-caller';
import { DEFAULT_OPERATION_LIMITS, measureOperation } from '../src/hardening/operation-limits';
import type { ApiReportWeek } from '../src/exports/weekly-report-export';

/** From the API's answers to the renderers' inputs: pure mapping, no stack. */
const SANITATION = { id: 'a-sanitation', name: '市容环卫处' };
const INFRASTRUCTURE = { id: 'a-infrastructure', name: '基建处' };

const measure = (overrides: Partial<ApiMeasure> = {}): ApiMeasure => ({
  sequence: '1',
  text: '细化作业时间',
  status: 'NOT_STARTED',
  verification: 'NONE',
  evidenceNotes: [],
  completedAt: null,
  deadline: { kind: 'MONTH_END', startsOn: null, dueOn: '2023-09-30', label: '9月底' },
  ...overrides,
});

const problem = (number: string, department = SANITATION, measures = [measure()]): ApiProblem => ({
  number,
  displayNumber: `${number} (21)`,
  description: `问题${number}`,
  leadLeader: { name: '薛加良' },
  responsibleDepartment: department,
  measures,
});

const campaign = (problems: ApiProblem[]): ApiCampaign => ({
  name: '推进落实市委巡视整改',
  periodStart: '2023-08-29',
  officeAgency: { name: '审计办公室' },
  problems,
});

describe('the ledger from the API', () => {
  it('titles it as seed 003 annex 1, counts deadlines from the period start, and orders problems by number', () => {
    const ledger = ledgerOf(
      campaign([problem('10'), problem('2'), problem('1-2'), problem('1-1')]),
      '2023-09-20',
    );
    expect(ledger).toMatchObject({
      title: '推进落实市委巡视整改工作措施一览表',
      deadlinesCountFrom: '2023-08-29',
      reportingUnit: '审计办公室',
      asOf: '2023-09-20',
    });
    expect(ledger.problems.map((p) => p.displayNumber)).toEqual([
      '1-1 (21)',
      '1-2 (21)',
      '2 (21)',
      '10 (21)',
    ]);
  });

  it('dates a completion in Shanghai, and keeps what the caller may not see as empty', () => {
    const hidden: ApiProblem = { ...problem('1'), leadLeader: null, responsibleDepartment: null };
    const [row] = ledgerOf(
      campaign([
        { ...hidden, measures: [measure({ status: 'COMPLETED', completedAt: '2023-09-19T16:30:00Z' })] },
      ]),
      '2023-09-20',
    ).problems;
    expect(row).toMatchObject({ leadLeader: null, responsibleDepartment: null });
    expect(row!.measures[0]!.completedOn).toBe('2023-09-20');
  });

  it("keeps the plan's words for a deadline, and only its words when a dated kind lacks its dates", () => {
    expect(
      deadlineOf({ kind: 'DATE_RANGE', startsOn: '2023-09-11', dueOn: '2023-09-14', label: '' }),
    ).toEqual({
      kind: 'DATE_RANGE',
      startsOn: '2023-09-11',
      dueOn: '2023-09-14',
      label: null,
    });
    expect(deadlineOf({ kind: 'DATE', startsOn: null, dueOn: null, label: '尽快' })).toEqual({
      kind: 'NONE',
      label: '尽快',
    });
    expect(deadlineOf(null)).toEqual({ kind: 'NONE', label: null });
  });
});

describe('the weekly report from the API', () => {
  const week: ApiReportWeek = {
    weekDate: '2023-09-13',
    dueAt: '2023-09-13T07:00:00.000Z',
    skipped: false,
    holidayName: null,
    obligations: [
      { agency: INFRASTRUCTURE, status: 'MISSING', report: null },
      { agency: SANITATION, status: 'ON_TIME', report: { submittedAt: '2023-09-13T06:05:00Z' } },
    ],
    reports: [
      {
        agency: SANITATION,
        progress: '已细化作业时间。',
        practices: '管执联动。',
        difficulties: null,
        submittedAt: '2023-09-13T06:05:00Z',
      },
    ],
  };
  const data = campaign([problem('3', INFRASTRUCTURE), problem('1-1', SANITATION)]);

  it('covers the seven days up to the reporting Wednesday', () => {
    expect(reportingPeriod('2023-09-13')).toEqual({ from: '2023-09-07', to: '2023-09-13' });
    expect(reportingPeriod('2024-03-06')).toEqual({ from: '2024-02-29', to: '2024-03-06' });
  });

  it("merges the reports received under the office's name, in ledger order, with who reported how", () => {
    const report = mergedWeeklyReportOf(data, week);
    expect(report).toMatchObject({ unit: '审计办公室', merged: true, dueAt: '2023-09-13 15:00' });
    expect(report.departments.map((d) => d.department)).toEqual(['市容环卫处']);
    expect(report.departments[0]!.items!.map((p) => p.displayNumber)).toEqual(['1-1 (21)']);
    expect(report.submissions).toEqual([
      { department: '市容环卫处', status: 'ON_TIME', submittedAt: '2023-09-13 14:05' },
      { department: '基建处', status: 'MISSING', submittedAt: null },
    ]);
  });

  it('gives a department that has not reported yet its items with empty sections: the form to fill in', () => {
    const report = departmentWeeklyReportOf(data, { ...week, reports: [] }, INFRASTRUCTURE);
    expect(report.unit).toBe('基建处');
    expect(report.submissions).toBeUndefined();
    expect(report.departments).toEqual([
      expect.objectContaining({ department: '基建处', progress: '', practices: '', difficulties: null }),
    ]);
    expect(report.departments[0]!.items!.map((p) => p.displayNumber)).toEqual(['3 (21)']);
  });
});

describe('a CSV of any list', () => {
  const request = (overrides: Record<string, unknown> = {}) =>
    parseListExportRequest({
      query: '{ x }',
      list: 'myTasks',
      columns: [{ header: '任务', field: 'title' }],
      ...overrides,
    });

  it('finds the rows in a list, a connection of edges, or of nodes', () => {
    expect(rowsAt({ problems: [{ a: 1 }] }, 'problems')).toEqual([{ a: 1 }]);
    expect(rowsAt({ myTasks: { edges: [{ node: { a: 1 } }], pageInfo: {} } }, 'myTasks')).toEqual([{ a: 1 }]);
    expect(rowsAt({ c: { problems: { nodes: [{ a: 2 }] } } }, 'c.problems')).toEqual([{ a: 2 }]);
  });

  it('refuses a path that is not a list (400) and one that is null (404)', () => {
    expect(() => rowsAt({ me: { name: 'x' } }, 'me')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => rowsAt({ problems: [] }, 'problems.measures')).toThrow(
      expect.objectContaining({ code: 'EXPORT_INVALID_LIST' }),
    );
    expect(() => rowsAt({ problems: [] }, 'tasks')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => rowsAt({ campaign: null }, 'campaign.problems')).toThrow(
      expect.objectContaining({ status: 404, code: 'EXPORT_LIST_NOT_FOUND' }),
    );
  });

  it('reads nested fields, joins lists, and prints instants in Shanghai time', () => {
    const rows = [
      {
        title: '巡查',
        agency: { name: '曹路镇' },
        measures: [{ sequence: '1' }, { sequence: '2' }],
        dueAt: '2023-09-13T07:00:00.000Z',
        acknowledged: true,
        agencyless: null,
      },
    ];
    const columns = csvColumnsOf(
      [
        { header: '单位', field: 'agency.name' },
        { header: '措施', field: 'measures.sequence' },
        { header: '期限', field: 'dueAt' },
        { header: '签收', field: 'acknowledged' },
        { header: '空', field: 'agencyless.name' },
      ],
      rows,
    );
    const cells = columns.map((c) => (typeof c.value === 'function' ? c.value(rows[0]) : null));
    expect(cells).toEqual(['曹路镇', ['1', '2'], '2023-09-13 15:00', true, null]);
  });

  it('refuses a column that selects an object, or a field no row has', () => {
    const rows = [{ agency: { name: '曹路镇' } }];
    const [column] = csvColumnsOf([{ header: '单位', field: 'agency' }], rows);
    expect(() => (column!.value as (row: unknown) => unknown)(rows[0])).toThrow(
      expect.objectContaining({ code: 'EXPORT_INVALID_COLUMN' }),
    );
    expect(() => csvColumnsOf([{ header: '单位', field: 'agnecy.name' }], rows)).toThrow(
      expect.objectContaining({ code: 'EXPORT_INVALID_COLUMN', status: 400 }),
    );
  });

  it('names the file after the list, or as asked without anything a file system would misread', () => {
    expect(listFileName(request(), '2023-09-20')).toBe('myTasks-2023-09-20.csv');
    expect(listFileName(request({ fileName: '../任务:清单.csv' }), '2023-09-20')).toBe('.._任务_清单.csv');
  });
});

describe('the status of an error the API answered', () => {
  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['CAMPAIGN_NOT_FOUND', 404],
    ['RATE_LIMITED', 429],
    ['GRAPHQL_VALIDATION_FAILED', 400],
    ['RECTIFICATION_INVALID_INPUT', 400],
    ['INTERNAL_SERVER_ERROR', 503],
    ['', 503],
  ])('%s → %i', (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });
});

describe("the exports' own operations", () => {
  it.each([
    ['the ledger', LEDGER_EXPORT_QUERY],
    ['the weekly report', WEEKLY_REPORT_EXPORT_DOCUMENT],
  ])('%s keeps within half of every operation limit, as the real operations must', (_name, source) => {
    const measures = measureOperation(source);
    const overHalf = (Object.entries(measures) as [keyof typeof measures, number][]).filter(
      ([limit, value]) => value > DEFAULT_OPERATION_LIMITS[limit] / 2,
    );
    expect(overHalf).toEqual([]);
  });
});

describe('reading as the caller', () => {
  const answering = (singleResult: Record<string, unknown>) =>
    createRunAsCaller({
      executeOperation: async () => ({ http: { status: 200 }, body: { kind: 'single', singleResult } }),
    } as never);
  const caller = { personId: 'p', agencyId: 'a', name: '曹路镇', roles: ['PARTNER_USER' as const] };

  it('leaves a field the caller may not see empty, as the API shows it', async () => {
    const run = answering({
      data: { rectificationCampaign: { problems: [{ leadLeader: null }] } },
      errors: [
        {
          message: 'hidden',
          path: ['rectificationCampaign', 'problems', 0, 'leadLeader'],
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
    await expect(run(caller, { query: '{ x }' })).resolves.toEqual({
      rectificationCampaign: { problems: [{ leadLeader: null }] },
    });
  });

  it('refuses the download when the answer itself is refused, or anything else failed', async () => {
    const refused = answering({
      data: { rectificationCampaign: null },
      errors: [{ message: 'not yours', path: ['rectificationCampaign'], extensions: { code: 'FORBIDDEN' } }],
    });
    await expect(refused(caller, { query: '{ x }' })).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    const broken = answering({
      data: { rectificationCampaign: { problems: [{ leadLeader: null }] } },
      errors: [
        {
          message: 'Internal error',
          path: ['rectificationCampaign', 'problems', 0, 'leadLeader'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    await expect(broken(caller, { query: '{ x }' })).rejects.toMatchObject({
      status: 503,
      code: 'EXPORT_UNAVAILABLE',
    });
  });
});
