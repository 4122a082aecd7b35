import { randomUUID } from 'node:crypto';
import { localDateOf } from '@eco/calendar';
import { agencyIdOf } from '@eco/demo-data';
import type { SubgraphRuntime } from '@eco/subgraph';
import { addToTally, startTestStack, tallyTotal } from '@eco/testing';
import type { Tally, TestStack } from '@eco/testing';
import { CampaignEntity } from '../src/persistence/campaign.entity';
import { MeasureEntity } from '../src/persistence/measure.entity';
import type { MeasureStatus, MeasureVerification } from '../src/persistence/measure.entity';
import { ProblemEntity } from '../src/persistence/problem.entity';
import { ProblemCloseoutEntity } from '../src/persistence/problem-closeout.entity';
import { WeeklyReportEntity } from '../src/persistence/weekly-report.entity';
import { campaignRow, problemRow, sh } from './support/rollup-fixtures';

jest.setTimeout(60_000);

const S = agencyIdOf('sanitation');
const E = agencyIdOf('env-inspection');
const I = agencyIdOf('infrastructure');
const ZHUQIAO = agencyIdOf('zhuqiao');
const CAOLU = agencyIdOf('caolu');

/** Wednesday 2023-09-20 10:00 in Shanghai; its calendar week ends Monday 2023-09-25 00:00. */
const AS_OF = sh('2023-09-20 10:00:00');

// Measure kinds by status and verification: every input domain/problem-status.ts looks at.
const KINDS: Record<string, [MeasureStatus, MeasureVerification]> = {
  NS: ['NOT_STARTED', 'NONE'],
  IP: ['IN_PROGRESS', 'NONE'],
  CN: ['COMPLETED', 'NONE'],
  CS: ['COMPLETED', 'SUBMITTED'],
  CA: ['COMPLETED', 'ACCEPTED'],
  CR: ['COMPLETED', 'RETURNED'],
};
const MEASURE_SETS = [
  [],
  ['NS'],
  ['NS', 'NS'],
  ['IP'],
  ['NS', 'IP'],
  ['CN'],
  ['CA'],
  ['CA', 'CA'],
  ['CA', 'CS'],
  ['CA', 'IP'],
  ['CR', 'CN'],
  ['CA', 'NS'],
];
const CLOSEOUT_HISTORIES: ('CLOSED' | 'REOPENED')[][] = [
  [],
  ['CLOSED'],
  ['REOPENED'],
  ['CLOSED', 'REOPENED'],
  ['REOPENED', 'CLOSED'],
];
// Deadlines around AS_OF: past, at it, later this week, the week's last second, next Monday, none.
const DUE_AT = [
  sh('2023-09-08 17:30:00'),
  AS_OF,
  sh('2023-09-21 17:30:00'),
  sh('2023-09-24 23:59:59'),
  sh('2023-09-25 00:00:00'),
  null,
  sh('2023-10-08 17:30:00'),
];
const COMPLETED_AT = [null, sh('2023-09-05 10:00:00'), sh('2023-09-18 09:00:00'), sh('2023-09-17 23:30:00')];
const DEPARTMENTS = [S, E, I, null];

interface ListedMeasure {
  id: string;
  status: MeasureStatus;
  dueAt: string | null;
  completedAt: string | null;
  responsibleAgency: { id: string } | null;
}
interface ListedProblem {
  id: string;
  status: string;
  responsibleDepartment: { id: string } | null;
  measures: ListedMeasure[];
}

const LIST = `query($c: ID!) { problems(campaignId: $c) { id status responsibleDepartment { id }
  measures { id status dueAt completedAt responsibleAgency { id } } } }`;
const COUNTS = `query($c: ID!, $asOf: DateTime) {
  problemCounts(campaignId: $c) { department { id } status count }
  measureCounts(campaignId: $c, asOf: $asOf) { department { id } status count overdue dueThisWeek }
  measureWeekCounts(campaignId: $c) { weekStartsOn completed due } }`;

const keyOf = (department: { id: string } | null, status: string) => `${department?.id ?? 'none'} ${status}`;

/** Monday (Asia/Shanghai) of the week an instant falls in. */
function mondayOf(at: string): string {
  const date = localDateOf(new Date(at));
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The figures counted the way the dashboard used to count them: from every row the list returns. */
function countRows(problems: ListedProblem[], asOf: Date, weekEnd: Date) {
  const problemCounts: Tally = {};
  const measureCounts: Tally = {};
  const weeks: Tally = {};
  for (const p of problems) {
    addToTally(problemCounts, keyOf(p.responsibleDepartment, p.status), { count: 1 });
    for (const m of p.measures) {
      const due = m.dueAt ? Date.parse(m.dueAt) : null;
      const open = m.status !== 'COMPLETED';
      addToTally(measureCounts, keyOf(m.responsibleAgency ?? p.responsibleDepartment, m.status), {
        count: 1,
        overdue: open && due !== null && due < asOf.getTime() ? 1 : 0,
        dueThisWeek: open && due !== null && due >= asOf.getTime() && due < weekEnd.getTime() ? 1 : 0,
      });
      if (!open)
        addToTally(weeks, m.completedAt ? mondayOf(m.completedAt) : 'none', { completed: 1, due: 0 });
      if (m.dueAt) addToTally(weeks, mondayOf(m.dueAt), { completed: 0, due: 1 });
    }
  }
  return { problemCounts, measureCounts, weeks };
}

interface CountsAnswer {
  problemCounts: { department: { id: string } | null; status: string; count: number }[];
  measureCounts: {
    department: { id: string } | null;
    status: string;
    count: number;
    overdue: number;
    dueThisWeek: number;
  }[];
  measureWeekCounts: { weekStartsOn: string | null; completed: number; due: number }[];
}

function tallyOf(answer: CountsAnswer) {
  const problemCounts: Tally = {};
  const measureCounts: Tally = {};
  const weeks: Tally = {};
  for (const { department, status, ...figures } of answer.problemCounts)
    addToTally(problemCounts, keyOf(department, status), figures);
  for (const { department, status, ...figures } of answer.measureCounts)
    addToTally(measureCounts, keyOf(department, status), figures);
  for (const { weekStartsOn, ...figures } of answer.measureWeekCounts)
    addToTally(weeks, weekStartsOn ?? 'none', figures);
  return { problemCounts, measureCounts, weeks };
}

/**
 * The dashboard's count fields: computed by PostgreSQL (GROUP BY), they must equal what counting
 * the rows of `problems(campaignId)` gives, for bureau staff and for a partner agency, who counts
 * only the problems it is named on and its own measures of them.
 */
describe('the campaign figures counted by the database', () => {
  let t: TestStack;
  let runtime: SubgraphRuntime;
  let office: string;
  let zhuqiao: string;
  const campaignId = randomUUID();
  const smallCampaignId = randomUUID();
  /** What the fixtures gave 祝桥镇 to see. */
  const zhuqiaoSees = { problems: 0, measures: 0 };

  const gql = async <T>(token: string, query: string, variables: Record<string, unknown>) => {
    const response = await t.gql<T>(token, query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-figures', demo: 'directory' });
    runtime = t.stack.subgraphs.rectification.runtime;
    [office, zhuqiao] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-zhuqiao'),
    ]);
    const campaigns = [campaignId, smallCampaignId].map((id) => campaignRow(id, '2023-09-13'));
    const problems: Partial<ProblemEntity>[] = [];
    const measures: Partial<MeasureEntity>[] = [];
    const closeouts: Partial<ProblemCloseoutEntity>[] = [];
    let n = 0;
    const problem = (campaign: string, department: string | null, visibleTo: string[]) => {
      const id = randomUUID();
      problems.push(
        problemRow({
          id,
          campaignId: campaign,
          number: String(problems.length + 1),
          responsibleDepartmentId: department,
          visibleTo,
          openedAt: sh('2023-08-30 09:00:00'),
        }),
      );
      return id;
    };
    const measure = (problemId: string, kind: string, coordinating: string[]) => {
      const [status, verification] = KINDS[kind]!;
      const dueAt = DUE_AT[n % DUE_AT.length] ?? null;
      measures.push({
        id: randomUUID(),
        problemId,
        sequence: String(n),
        text: '具体点位明确第一责任主体',
        responsibleAgencyId: DEPARTMENTS[(n * 7) % DEPARTMENTS.length] ?? null,
        coordinatingAgencyIds: coordinating,
        deadlineKind: dueAt ? 'DATE' : 'LONG_TERM',
        deadlineLabel: dueAt ? '限期' : '长期坚持',
        dueAt,
        status,
        verification,
        completedAt: status === 'COMPLETED' ? (COMPLETED_AT[n % COMPLETED_AT.length] ?? null) : null,
      });
      n += 1;
    };
    // Every measure set under every close-out history: 60 problems in every derived status.
    MEASURE_SETS.forEach((set, i) =>
      CLOSEOUT_HISTORIES.forEach((history, j) => {
        const index = i * CLOSEOUT_HISTORIES.length + j;
        const shared = index % 3 === 0;
        const id = problem(
          campaignId,
          DEPARTMENTS[index % DEPARTMENTS.length] ?? null,
          shared ? [ZHUQIAO] : [],
        );
        if (shared) zhuqiaoSees.problems += 1;
        set.forEach((kind, k) => {
          const own = shared && k % 2 === 0;
          if (own) zhuqiaoSees.measures += 1;
          measure(id, kind, own ? [ZHUQIAO] : k % 2 === 0 ? [CAOLU] : []);
        });
        history.forEach((kind, k) =>
          closeouts.push({
            id: randomUUID(),
            problemId: id,
            kind,
            reason: null,
            at: sh(`2023-09-1${k} 10:00:00`),
          }),
        );
      }),
    );
    // A measure naming 祝桥镇 under a problem that does not: the list does not show it, nor may a count.
    measure(problem(campaignId, S, [CAOLU]), 'IP', [ZHUQIAO]);
    // Another campaign's rows stay out of this one's figures.
    const other = problem(smallCampaignId, S, [ZHUQIAO]);
    measure(other, 'IP', [ZHUQIAO]);
    await runtime.transaction('all', async (manager) => {
      await manager.insert(CampaignEntity, campaigns);
      await manager.insert(ProblemEntity, problems);
      await manager.insert(MeasureEntity, measures);
      await manager.insert(ProblemCloseoutEntity, closeouts);
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it.each([
    ['the rectification office', () => office],
    ['a partner agency (祝桥镇)', () => zhuqiao],
  ])('gives %s the counts of the rows it lists', async (_who, token) => {
    const listed = await gql<{ problems: ListedProblem[] }>(token(), LIST, { c: campaignId });
    const counted = await gql<CountsAnswer>(token(), COUNTS, { c: campaignId, asOf: AS_OF.toISOString() });
    const expected = countRows(listed.problems, AS_OF, sh('2023-09-25 00:00:00'));
    expect(tallyOf(counted)).toEqual(expected);
    // Not vacuous: each status and each deadline window occurs.
    expect(tallyTotal(expected.measureCounts, 'overdue')).toBeGreaterThan(0);
    expect(tallyTotal(expected.measureCounts, 'dueThisWeek')).toBeGreaterThan(0);
  });

  it('derives every problem status as the problem itself does', async () => {
    const counted = await gql<CountsAnswer>(office, COUNTS, { c: campaignId });
    expect(new Set(counted.problemCounts.map((c) => c.status))).toEqual(
      new Set(['OPEN', 'IN_PROGRESS', 'MEASURES_COMPLETED', 'CLOSED', 'REOPENED']),
    );
    expect(tallyTotal(tallyOf(counted).problemCounts)).toBe(61);
  });

  it('counts for a partner agency only the problems it is named on and its own measures of them', async () => {
    const [internal, partner] = await Promise.all(
      [office, zhuqiao].map((token) => gql<CountsAnswer>(token, COUNTS, { c: campaignId })),
    );
    expect(tallyTotal(tallyOf(partner!).problemCounts)).toBe(zhuqiaoSees.problems);
    expect(tallyTotal(tallyOf(partner!).measureCounts)).toBe(zhuqiaoSees.measures);
    expect(zhuqiaoSees.measures).toBeLessThan(tallyTotal(tallyOf(internal!).measureCounts));
    // 曹路镇 is named on none of the problems it has measures under but one: that one problem only.
    const caolu = await gql<CountsAnswer>(await t.tokenFor('demo-caolu'), COUNTS, { c: campaignId });
    expect(tallyTotal(tallyOf(caolu).problemCounts)).toBe(1);
    expect(tallyTotal(tallyOf(caolu).measureCounts)).toBe(0);
  });

  it('lists the unfinished measures due in a window, earliest first, as the list would', async () => {
    const DUE = `query($c: ID!, $from: DateTime, $before: DateTime!, $first: Int) {
      measuresDue(campaignId: $c, dueFrom: $from, dueBefore: $before, first: $first) { id } }`;
    for (const token of [office, zhuqiao]) {
      const listed = await gql<{ problems: ListedProblem[] }>(token, LIST, { c: campaignId });
      const rows = listed.problems
        .flatMap((p) => p.measures)
        .filter((m) => m.status !== 'COMPLETED' && m.dueAt);
      const window = (from: Date | null, before: Date) =>
        rows
          .filter(
            (m) =>
              Date.parse(m.dueAt!) < before.getTime() && (!from || Date.parse(m.dueAt!) >= from.getTime()),
          )
          .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!) || a.id.localeCompare(b.id))
          .map((m) => ({ id: m.id }));
      const weekEnd = sh('2023-09-25 00:00:00');
      const overdue = await gql<{ measuresDue: { id: string }[] }>(token, DUE, {
        c: campaignId,
        before: AS_OF.toISOString(),
        first: 100,
      });
      expect(overdue.measuresDue).toEqual(window(null, AS_OF));
      const thisWeek = await gql<{ measuresDue: { id: string }[] }>(token, DUE, {
        c: campaignId,
        from: AS_OF.toISOString(),
        before: weekEnd.toISOString(),
        first: 100,
      });
      expect(thisWeek.measuresDue).toEqual(window(AS_OF, weekEnd));
      expect(thisWeek.measuresDue.length).toBeGreaterThan(0);
      const two = await gql<{ measuresDue: { id: string }[] }>(token, DUE, {
        c: campaignId,
        before: weekEnd.toISOString(),
        first: 2,
      });
      expect(two.measuresDue).toEqual(window(null, weekEnd).slice(0, 2));
    }
    const tooMany = await t.gql(office, DUE, { c: campaignId, before: AS_OF.toISOString(), first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGINATION_INVALID_FIRST');
  });

  it('answers each count field with one statement, whatever the size of the campaign', async () => {
    const statementsFor = async (c: string) => {
      const before = t.stack.statementsServed();
      await gql(office, COUNTS, { c });
      return t.stack.statementsServed() - before;
    };
    const small = await statementsFor(smallCampaignId);
    expect(await statementsFor(campaignId)).toBe(small);
    // BEGIN READ ONLY and the scope, three counts, COMMIT.
    expect(small).toBeLessThanOrEqual(5);
  });

  it('counts the weekly-report obligations by status as weeklyReportWeeks lists them', async () => {
    // Its own campaign: 市容环卫处 open throughout; 生态环境督察处 done on 09-14; 基建处 and 计划财务处
    // done before times were kept (they owe nothing); a measure with no responsible unit (nobody owes).
    const weeklyCampaignId = randomUUID();
    const problemId = randomUUID();
    const measure = (
      responsibleAgencyId: string | null,
      status: MeasureStatus,
      completedAt: Date | null,
    ) => ({
      id: randomUUID(),
      problemId,
      sequence: '1',
      text: '加强行业监管。',
      responsibleAgencyId,
      deadlineKind: 'LONG_TERM' as const,
      deadlineLabel: '长期坚持',
      status,
      completedAt,
    });
    const report = (agencyId: string, weekDate: string, submittedAt: Date) => ({
      id: randomUUID(),
      campaignId: weeklyCampaignId,
      agencyId,
      weekDate,
      dueAt: sh(`${weekDate} 15:00:00`),
      progress: '已完成点位排查。',
      practices: '管执联动。',
      submittedAt,
    });
    await runtime.transaction('all', async (manager) => {
      await manager.insert(CampaignEntity, {
        id: weeklyCampaignId,
        name: '周报',
        sourceKind: 'MUNICIPAL_INSPECTION',
        sourceTitle: '市委第二巡视组巡视浦东新区情况反馈',
        periodStart: '2023-08-29',
        periodEnd: '2023-09-28',
        weeklyReportsStartOn: '2023-09-13',
      });
      await manager.insert(ProblemEntity, {
        id: problemId,
        campaignId: weeklyCampaignId,
        number: '1',
        title: '建筑垃圾偷乱倒',
        description: '建筑垃圾偷乱倒',
        responsibleDepartmentId: agencyIdOf('waste-centre'),
      });
      await manager.insert(MeasureEntity, [
        measure(S, 'IN_PROGRESS', null),
        measure(E, 'COMPLETED', sh('2023-09-14 10:00:00')),
        measure(I, 'COMPLETED', null),
        measure(agencyIdOf('finance'), 'COMPLETED', null),
        measure(null, 'IN_PROGRESS', null),
      ]);
      await manager.insert(WeeklyReportEntity, [
        report(S, '2023-09-13', sh('2023-09-13 14:00:00')),
        report(E, '2023-09-13', sh('2023-09-14 09:00:00')),
        report(I, '2023-09-20', sh('2023-09-20 09:00:00')),
        // A department owing nothing that reported all the same.
        report(agencyIdOf('hr'), '2023-09-13', sh('2023-09-13 11:00:00')),
      ]);
    });
    const WEEKS = `query($c: ID!, $asOf: DateTime) {
      weeklyReportWeeks(campaignId: $c, from: "2023-09-13", to: "2023-10-11", asOf: $asOf) {
        weekDate dueAt skipped holidayName obligations { status } }
      weeklyReportCounts(campaignId: $c, from: "2023-09-13", to: "2023-10-11", asOf: $asOf) {
        weekDate dueAt skipped holidayName obligations { status count } } }`;
    for (const asOf of [AS_OF, sh('2023-09-20 15:00:01')]) {
      const answer = await gql<{
        weeklyReportWeeks: { weekDate: string; obligations: { status: string }[] }[];
        weeklyReportCounts: { weekDate: string; obligations: { status: string; count: number }[] }[];
      }>(office, WEEKS, { c: weeklyCampaignId, asOf: asOf.toISOString() });
      const listed = answer.weeklyReportWeeks.map(({ obligations, ...week }) => ({
        ...week,
        obligations: Object.entries(
          obligations.reduce<Record<string, number>>(
            (counts, o) => ({ ...counts, [o.status]: (counts[o.status] ?? 0) + 1 }),
            {},
          ),
        )
          .map(([status, count]) => ({ status, count }))
          .sort((a, b) => a.status.localeCompare(b.status)),
      }));
      expect(answer.weeklyReportCounts).toEqual(listed);
    }
    const counts = (
      await gql<{ weeklyReportCounts: { weekDate: string; skipped: boolean; obligations: unknown[] }[] }>(
        office,
        WEEKS,
        { c: weeklyCampaignId, asOf: AS_OF.toISOString() },
      )
    ).weeklyReportCounts;
    expect(counts.map((w) => [w.weekDate, w.skipped, w.obligations])).toEqual([
      [
        '2023-09-13',
        false,
        [
          { status: 'LATE', count: 1 },
          { status: 'ON_TIME', count: 2 },
        ],
      ],
      [
        '2023-09-20',
        false,
        [
          { status: 'DUE', count: 1 },
          { status: 'ON_TIME', count: 1 },
        ],
      ],
      ['2023-09-27', false, [{ status: 'DUE', count: 1 }]],
      ['2023-10-04', true, []], // 国庆节: no report that week
      ['2023-10-11', false, [{ status: 'DUE', count: 1 }]],
    ]);
    // A campaign without weekly reports has no reporting weeks to count; an unknown one is an error.
    const COUNTS_ONLY = `query($c: ID!) { weeklyReportCounts(campaignId: $c, from: "2023-09-13", to: "2023-10-11") {
      weekDate } }`;
    const unscheduled = randomUUID();
    await runtime.transaction('all', (manager) =>
      manager.insert(CampaignEntity, {
        id: unscheduled,
        name: '无周报',
        sourceKind: 'AUDIT',
        sourceTitle: '经济责任审计报告',
        periodStart: '2023-08-29',
        periodEnd: '2023-09-28',
      }),
    );
    expect(await gql(office, COUNTS_ONLY, { c: unscheduled })).toEqual({ weeklyReportCounts: [] });
    const unknown = await t.gql(office, COUNTS_ONLY, { c: randomUUID() });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('CAMPAIGN_NOT_FOUND');
    const refused = await t.gql(zhuqiao, WEEKS, { c: weeklyCampaignId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
