import { randomUUID } from 'node:crypto';
import { takeAgenciesWeeklyRollup } from '@eco/agencies-service';
import { applyRowScope } from '@eco/db';
import { agencyIdOf, demoPerson } from '@eco/demo-data';
import { eachDelivery, weeklyRollupReadyV1 } from '@eco/events';
import type { EventEnvelope, PayloadOf, Subscription } from '@eco/events';
import { createLogger } from '@eco/logging';
import {
  createRectificationSubgraph,
  DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  takeWeeklyRollup,
} from '@eco/rectification-service';
import { startSubgraph } from '@eco/subgraph';
import type { RunningSubgraph } from '@eco/subgraph';
import { takeSupervisionWeeklyRollup } from '@eco/supervision-service';
import { insertRows, startTestStack, TEST_AUTH, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

jest.setTimeout(90_000);

/** An instant in Shanghai time: `'2023-09-20 15:00:00'`. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`);

const WEEK = '2023-09-20';
const CUT_OFF = sh('2023-09-20 15:00:00');
const sanitation = agencyIdOf('sanitation');
const zhuqiao = agencyIdOf('zhuqiao');
const caolu = agencyIdOf('caolu');

/** Ids of the facts, for the expectations. */
const id = {
  problem: randomUUID(),
  measure: randomUUID(),
  overdueItem: randomUUID(),
  newItem: randomUUID(),
  escalation: randomUUID(),
  overdueTask: randomUUID(),
  newTask: randomUUID(),
  doneTask: randomUUID(),
};

/**
 * Issue #8 through the gateway: one weekly roll-up (周汇总) to which rectification, supervision and
 * the agencies each contribute the part they took at Wednesday 15:00 (Asia/Shanghai), announced
 * once over NATS when all three are in; a township sees its own coordination tasks only.
 */
describe('the weekly roll-up, federated', () => {
  let t: TestStack;
  let internal: string;
  let township: string;
  let replica: RunningSubgraph;
  let listener: Subscription;
  const announced: EventEnvelope<PayloadOf<typeof weeklyRollupReadyV1>>[] = [];

  /** The facts of the week of 2023-09-20, as recorded at their instants (history, not "now"). */
  async function recordTheWeek(): Promise<void> {
    const { rectification, supervision, agencies } = t.stack.subgraphs;
    await insertRows(rectification.runtime.dataSource, 'rectification.problems', [
      {
        id: id.problem,
        number: '1',
        source_number: '21',
        title: '建筑垃圾偷乱倒',
        description: '曹路镇海塘区域渣土消纳点扬尘',
        responsible_department_id: sanitation,
        coordinating_agency_ids: [zhuqiao],
        visible_to_agency_ids: [zhuqiao],
        opened_at: sh('2023-09-15 09:00:00'),
      },
    ]);
    await insertRows(rectification.runtime.dataSource, 'rectification.measures', [
      {
        id: id.measure,
        problem_id: id.problem,
        sequence: '1',
        text: '加大对曹路、海塘区域等重点卸点的巡查频次',
        responsible_agency_id: sanitation,
        coordinating_agency_ids: [zhuqiao],
        deadline_kind: 'DATE',
        due_on: '2023-09-19',
        deadline_label: '9月19日前',
        due_at: sh('2023-09-19 17:30:00'),
        status: 'IN_PROGRESS',
        created_at: sh('2023-09-15 09:00:00'),
      },
    ]);
    await insertRows(supervision.runtime.dataSource, 'supervision.items', [
      {
        id: id.overdueItem,
        title: '建筑垃圾消纳点整治',
        category: 'DISTRICT_KEY_TASK',
        responsible_department_id: sanitation,
        year: 2023,
        due_at: sh('2023-09-19 17:30:00'),
        created_at: sh('2023-09-01 09:00:00'),
      },
      {
        id: id.newItem,
        title: '祝桥镇拱极北侧扬尘整治',
        category: 'BUREAU_KEY_TASK',
        responsible_department_id: sanitation,
        involved_agency_ids: [zhuqiao],
        year: 2023,
        created_at: sh('2023-09-14 09:00:00'),
      },
    ]);
    // Yellow for August (recorded before the previous cut-off), red for September this week.
    await insertRows(supervision.runtime.dataSource, 'supervision.light_records', [
      {
        id: randomUUID(),
        item_id: id.overdueItem,
        period: '2023-08',
        light: 'YELLOW',
        source: 'PLATFORM',
        recorded_at: sh('2023-09-05 10:00:00'),
      },
      {
        id: randomUUID(),
        item_id: id.overdueItem,
        period: '2023-09',
        light: 'RED',
        source: 'PLATFORM',
        recorded_at: sh('2023-09-18 10:00:00'),
      },
    ]);
    await insertRows(supervision.runtime.dataSource, 'supervision.escalations', [
      {
        id: id.escalation,
        item_id: id.overdueItem,
        level: 1,
        triggers: [
          {
            level: 1,
            rule: 'CONSECUTIVE_YELLOW',
            key: 'run:2023-08',
            periods: ['2023-08', '2023-09'],
            detail: '连续二次亮黄灯',
          },
        ],
        state: 'TRIGGERED',
        interviewer_role: 'DEPARTMENT_HEAD',
        interviewee_role: 'PROJECT_OWNER',
        triggered_at: sh('2023-09-18 10:00:00'),
      },
    ]);
    const task = (taskId: string, agencyId: string, extra: Record<string, unknown>) => ({
      id: taskId,
      agency_id: agencyId,
      subject_kind: 'MEASURE',
      subject_id: randomUUID(),
      problem_id: id.problem,
      title: '加大重点卸点巡查频次',
      status: 'OPEN',
      due_at: null,
      opened_at: sh('2023-09-01 09:00:00'),
      acknowledge_due_at: sh('2023-09-04 09:00:00'),
      acknowledged_at: null,
      completion_requested_at: null,
      source_event_id: randomUUID(),
      ...extra,
    });
    await insertRows(agencies.runtime.dataSource, 'agencies.coordination_tasks', [
      // 祝桥镇: signed for, due Tuesday, not done by the cut-off: newly overdue.
      task(id.overdueTask, zhuqiao, {
        status: 'IN_PROGRESS',
        due_at: sh('2023-09-19 17:30:00'),
        acknowledged_at: sh('2023-09-02 10:00:00'),
      }),
      // 祝桥镇: opened this week, not signed for within its working day.
      task(id.newTask, zhuqiao, {
        opened_at: sh('2023-09-14 09:00:00'),
        acknowledge_due_at: sh('2023-09-15 09:00:00'),
      }),
      // 曹路镇: reported done this week.
      task(id.doneTask, caolu, {
        status: 'COMPLETION_REQUESTED',
        acknowledged_at: sh('2023-09-02 10:00:00'),
        completion_requested_at: sh('2023-09-18 16:00:00'),
      }),
    ]);
    const liaison = demoPerson('demo-zhuqiao');
    await insertRows(agencies.runtime.dataSource, 'agencies.task_updates', [
      {
        id: randomUUID(),
        task_id: id.overdueTask,
        kind: 'PROGRESS',
        note: '已完成点位排查。',
        person_id: liaison.id,
        person_name: liaison.name,
        at: sh('2023-09-18 11:00:00'),
      },
    ]);
  }

  beforeAll(async () => {
    t = await startTestStack({ label: 'weekly-rollup', demo: 'directory' });
    [internal, township] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-zhuqiao'),
    ]);
    // Another system picking the roll-up up, on the deployment's own stream.
    listener = await t.stack.transport.subscribe(
      { durableName: 'e2e-weekly-rollup-listener', subject: weeklyRollupReadyV1.subject },
      eachDelivery(async (delivery) => {
        announced.push(JSON.parse(new TextDecoder().decode(delivery.data)));
        delivery.ack();
      }),
    );
    // A second replica of rectification on the same database and stream: two runners, two pools.
    replica = await startSubgraph(createRectificationSubgraph(), {
      databaseUrl: t.stack.databaseUrl,
      transport: t.stack.transport,
      internalTokenSecret: TEST_AUTH.internalTokenSecret,
      logger: createLogger('replica', 'silent'),
      poolSize: 2,
      scopedReads: !t.stack.embeddedDatabase,
    });
    replica.startRelay();
    await recordTheWeek();
  });

  afterAll(async () => {
    await listener?.stop();
    await replica?.stop();
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it('takes one roll-up when two replicas race for the week at the cut-off', async () => {
    const runners = [t.stack.subgraphs.rectification.runtime, replica.runtime, replica.runtime].map(
      (runtime) => takeWeeklyRollup(runtime, DEFAULT_WEEKLY_ROLLUP_SCHEDULE, WEEK, CUT_OFF),
    );
    const results = await Promise.all(runners);
    expect(results.map((r) => r?.taken).filter(Boolean)).toEqual([true]);
    expect(
      results.every((r) => r?.rollup.weekOf === WEEK && r.rollup.takenAt.getTime() === CUT_OFF.getTime()),
    ).toBe(true);
  });

  it('announces the roll-up once over NATS when supervision and the agencies have added their parts', async () => {
    const schedule = DEFAULT_WEEKLY_ROLLUP_SCHEDULE;
    const { supervision, agencies } = t.stack.subgraphs;
    await Promise.all([
      takeSupervisionWeeklyRollup(supervision.runtime, schedule, WEEK, CUT_OFF),
      takeSupervisionWeeklyRollup(supervision.runtime, schedule, WEEK, CUT_OFF),
      takeAgenciesWeeklyRollup(agencies.runtime, schedule, WEEK, CUT_OFF),
      takeAgenciesWeeklyRollup(agencies.runtime, schedule, WEEK, CUT_OFF),
    ]);
    const ready = await waitFor('the ready event', async () =>
      announced.find((e) => e.payload.weekOf === WEEK),
    );
    expect(ready.payload).toMatchObject({
      weekOf: WEEK,
      cutOffAt: CUT_OFF.toISOString(),
      periodStartsAt: sh('2023-09-13 15:00:00').toISOString(),
      moved: false,
      parts: {
        rectification: { measuresOverdue: 1, measuresNewlyOverdue: 1, problemsNew: 1 },
        supervision: { itemsOverdue: 1, itemsTurnedRed: 1, escalationsTriggered: 1, itemsNew: 1 },
        agencies: {
          tasksOverdue: 1,
          tasksNewlyOverdue: 1,
          tasksNew: 1,
          tasksCompleted: 1,
          progressReports: 1,
        },
      },
    });
    await t.stack.settleEvents();
    expect(announced.filter((e) => e.payload.weekOf === WEEK)).toHaveLength(1);
  });

  it('answers one query with every part, through the gateway', async () => {
    const response = await t.gql<any>(
      internal,
      `query($w: Date!) { weeklyRollup(weekOf: $w) {
        weekOf cutOffAt moved periodStartsAt weekStartsOn weekEndsOn parts readyAt
        rectification { totals { measuresOverdue newlyOverdueMeasures { id } newProblems { id displayNumber } } }
        supervision {
          totals { itemsOverdue lightsRed lightChanges escalationsTriggered
                   turnedRedItems { id title } newlyOverdueItems { id } newItems { id } escalations { id level } }
          departments { department { name } itemsOpen }
        }
        coordination {
          agencies { agency { name } tasksOpen tasksOverdue tasksNew tasksCompleted acknowledgementsOverdue progressReports
                     newlyOverdueTasks { id } newTasks { id } completedTasks { id } }
        }
      } }`,
      { w: '2023-09-22' },
    );
    expect(response.errors).toBeUndefined();
    const week = response.data.weeklyRollup;
    expect(week).toMatchObject({
      weekOf: WEEK,
      cutOffAt: CUT_OFF.toISOString(),
      moved: false,
      weekStartsOn: '2023-09-18',
      weekEndsOn: '2023-09-24',
      parts: ['RECTIFICATION', 'SUPERVISION', 'AGENCIES'],
      rectification: {
        totals: {
          measuresOverdue: 1,
          newlyOverdueMeasures: [{ id: id.measure }],
          newProblems: [{ id: id.problem, displayNumber: '1 (21)' }],
        },
      },
      supervision: {
        totals: {
          itemsOverdue: 1,
          lightsRed: 1,
          lightChanges: 1,
          escalationsTriggered: 1,
          turnedRedItems: [{ id: id.overdueItem, title: '建筑垃圾消纳点整治' }],
          newlyOverdueItems: [{ id: id.overdueItem }],
          newItems: [{ id: id.newItem }],
          escalations: [{ id: id.escalation, level: 1 }],
        },
        departments: [{ department: { name: '市容环卫处' }, itemsOpen: 2 }],
      },
    });
    expect(week.readyAt).not.toBeNull();
    expect(week.coordination.agencies).toHaveLength(2);
    expect(week.coordination.agencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agency: { name: '曹路镇' },
          tasksOpen: 0,
          tasksCompleted: 1,
          completedTasks: [{ id: id.doneTask }],
        }),
        expect.objectContaining({
          agency: { name: '祝桥镇' },
          tasksOpen: 2,
          tasksOverdue: 1,
          tasksNew: 1,
          acknowledgementsOverdue: 1,
          progressReports: 1,
          newlyOverdueTasks: [{ id: id.overdueTask }],
          newTasks: [{ id: id.newTask }],
        }),
      ]),
    );
  });

  it("gives a township its own agency's coordination tasks and nothing of the bureau's", async () => {
    const own = await t.gql<any>(
      township,
      `query($w: Date!) { weeklyRollup(weekOf: $w) { weekOf coordination {
        totals { tasksOpen tasksCompleted } agencies { agency { name } tasksOpen newTasks { id } } } } }`,
      { w: WEEK },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.weeklyRollup.coordination).toEqual({
      totals: { tasksOpen: 2, tasksCompleted: 0 },
      agencies: [{ agency: { name: '祝桥镇' }, tasksOpen: 2, newTasks: [{ id: id.newTask }] }],
    });
    for (const part of [
      'rectification { totals { measuresOpen } }',
      'supervision { totals { itemsOpen } }',
    ]) {
      const refused = await t.gql<any>(
        township,
        `query($w: Date!) { weeklyRollup(weekOf: $w) { weekOf ${part} } }`,
        {
          w: WEEK,
        },
      );
      expect(refused.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toContain(
        'FORBIDDEN',
      );
    }
  });

  it('backs the township up with row-level security on the stored rows (real PostgreSQL)', async () => {
    if (t.stack.embeddedDatabase) return; // PGlite's one superuser session ignores row security (ADR 0006)
    const visible = async (runtime: RunningSubgraph['runtime'], sql: string) =>
      runtime.dataSource.transaction(async (manager) => {
        await applyRowScope(manager, { agencyId: zhuqiao });
        return (await manager.query(sql)) as Record<string, unknown>[];
      });
    const { agencies, rectification, supervision } = t.stack.subgraphs;
    expect(await visible(agencies.runtime, `SELECT agency_id FROM agencies.weekly_rollup_agencies`)).toEqual([
      { agency_id: zhuqiao },
    ]);
    expect(
      await visible(rectification.runtime, `SELECT 1 FROM rectification.weekly_rollup_departments`),
    ).toEqual([]);
    expect(await visible(supervision.runtime, `SELECT 1 FROM supervision.weekly_rollup_departments`)).toEqual(
      [],
    );
  });

  it('serves the monthly and quarterly supervision reports from the same data', async () => {
    const response = await t.gql<any>(
      internal,
      `{ monthlySupervisionReport(year: 2023, month: 9) { period provisional asOf lights { red } escalations { level count }
           attention { item { id } light escalationLevel } }
         quarterlyReport(year: 2023, month: 11) { coversFrom coversTo escalations { level count } attention { item { id } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.monthlySupervisionReport).toMatchObject({
      period: '2023-09',
      provisional: false,
      asOf: new Date(sh('2023-10-01 00:00:00').getTime() - 1).toISOString(),
      lights: { red: 1 },
      escalations: [
        { level: 1, count: 1 },
        { level: 2, count: 0 },
        { level: 3, count: 0 },
      ],
      attention: [{ item: { id: id.overdueItem }, light: 'RED', escalationLevel: 1 }],
    });
    expect(response.data.quarterlyReport).toMatchObject({
      coversFrom: '2023-08',
      coversTo: '2023-10',
      escalations: [
        { level: 1, count: 1 },
        { level: 2, count: 0 },
        { level: 3, count: 0 },
      ],
      attention: [{ item: { id: id.overdueItem } }],
    });
    const refused = await t.gql<any>(
      township,
      `{ monthlySupervisionReport(year: 2023, month: 9) { period } }`,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is null for a week not rolled up, and lists the weeks taken', async () => {
    const response = await t.gql<any>(
      internal,
      `{ none: weeklyRollup(weekOf: "2023-08-02") { weekOf } list: weeklyRollups(from: "2023-09-01", to: "2023-09-30") { weekOf } }`,
    );
    expect(response.data).toEqual({ none: null, list: [{ weekOf: WEEK }] });
  });
});
