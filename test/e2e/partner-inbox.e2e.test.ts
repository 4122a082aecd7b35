import { agencyIdOf } from '@eco/demo-data';
import { startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

/**
 * A partner's inbox beyond the first thread (issue #7): a supervised item reaches the township,
 * which signs for it against its SLA, reports progress and requests completion; every action
 * reaches the item's timeline in supervision, and the directory names each unit's liaison.
 */
describe("a township's inbox for a supervised item", () => {
  let t: TestStack;
  let officer: string;
  let zhuqiao: string;
  let taskId: string;
  let itemId: string;

  beforeAll(async () => {
    t = await startTestStack({ label: 'inbox', demo: 'directory' });
    officer = await t.tokenFor('demo-supervision-officer');
    zhuqiao = await t.tokenFor('demo-zhuqiao');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('opens a task for each involved agency, with a one-working-day acknowledgement deadline', async () => {
    const created = await t.gql<any>(
      officer,
      `mutation($input: CreateSupervisionItemInput!) { createSupervisionItem(input: $input) { ok error { code } item { id assessed } } }`,
      {
        input: {
          title: '祝桥镇拱极北侧扬尘整治',
          category: 'DISTRICT_KEY_TASK',
          sourcePlatform: '区网上督查室',
          responsibleDepartmentId: agencyIdOf('sanitation'),
          involvedAgencyIds: [agencyIdOf('zhuqiao')],
          dueAt: '2026-12-31T09:30:00.000Z',
        },
      },
    );
    expect(created.data.createSupervisionItem).toMatchObject({ ok: true, item: { assessed: true } });
    itemId = created.data.createSupervisionItem.item.id;

    const inbox = await waitFor('the task in 祝桥镇 inbox', async () => {
      const response = await t.gql<any>(
        zhuqiao,
        `{ myTasks { totalCount edges { node { id status openedAt acknowledgeDueAt acknowledgement dueAt supervisionItem { id title category responsibleDepartment { name } } measure { id } } } } }`,
      );
      return response.data?.myTasks.totalCount === 1 ? response.data.myTasks.edges[0].node : undefined;
    });
    taskId = inbox.id;
    expect(inbox).toMatchObject({
      status: 'OPEN',
      measure: null,
      dueAt: '2026-12-31T09:30:00.000Z',
      supervisionItem: {
        id: itemId,
        title: '祝桥镇拱极北侧扬尘整治',
        category: 'DISTRICT_KEY_TASK',
        responsibleDepartment: { name: '市容环卫处' },
      },
    });
    expect(['PENDING', 'DUE_SOON']).toContain(inbox.acknowledgement);
    const due = Date.parse(inbox.acknowledgeDueAt);
    expect(due).toBeGreaterThan(Date.parse(inbox.openedAt));
    // One working day is never more than the longest run of PRC holidays (8 days) plus a day away.
    expect(due - Date.parse(inbox.openedAt)).toBeLessThan(10 * 24 * 3600 * 1000);
  });

  it('refuses progress and completion before the task is signed for, and bureau staff acting for the agency', async () => {
    const progress = await t.gql<any>(
      zhuqiao,
      'mutation($id: ID!) { reportTaskProgress(input: { taskId: $id, note: "已巡查" }) { ok error { code } } }',
      { id: taskId },
    );
    expect(progress.data.reportTaskProgress.error.code).toBe('TASK_NOT_ACKNOWLEDGED');
    const completion = await t.gql<any>(
      zhuqiao,
      'mutation($id: ID!) { requestTaskCompletion(input: { taskId: $id, note: "已完成" }) { ok error { code } } }',
      { id: taskId },
    );
    expect(completion.data.requestTaskCompletion.error.code).toBe('TASK_NOT_ACKNOWLEDGED');
    const staff = await t.gql<any>(
      officer,
      'mutation($id: ID!) { acknowledgeTask(input: { taskId: $id }) { ok error { code } } }',
      { id: taskId },
    );
    expect(staff.data.acknowledgeTask.error.code).toBe('FORBIDDEN');
    const state = await t.gql<any>(zhuqiao, 'query($id: ID!) { task(id: $id) { status updates { kind } } }', {
      id: taskId,
    });
    expect(state.data.task).toEqual({ status: 'OPEN', updates: [] });
  });

  it('rejects malformed evidence with field errors and changes nothing', async () => {
    await t.gql(zhuqiao, 'mutation($id: ID!) { acknowledgeTask(input: { taskId: $id }) { ok } }', {
      id: taskId,
    });
    const bad = await t.gql<any>(
      zhuqiao,
      'mutation($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { ok error { code fieldErrors { field } } } }',
      { input: { taskId, note: '  ', evidence: [{ name: '', sha256: 'xyz', sizeBytes: -1 }] } },
    );
    expect(bad.data.reportTaskProgress.ok).toBe(false);
    expect(bad.data.reportTaskProgress.error.code).toBe('AGENCIES_INVALID_INPUT');
    expect(
      bad.data.reportTaskProgress.error.fieldErrors.map((e: { field: string }) => e.field).sort(),
    ).toEqual(['evidence.0.name', 'evidence.0.sha256', 'evidence.0.sizeBytes', 'note']);
    const state = await t.gql<any>(
      zhuqiao,
      'query($id: ID!) { task(id: $id) { status acknowledgement updates { kind } } }',
      { id: taskId },
    );
    expect(state.data.task).toEqual({
      status: 'ACKNOWLEDGED',
      acknowledgement: 'ON_TIME',
      updates: [{ kind: 'ACKNOWLEDGED' }],
    });
  });

  it('carries progress and the completion request to the item in supervision', async () => {
    await t.gql(
      zhuqiao,
      'mutation($id: ID!) { reportTaskProgress(input: { taskId: $id, note: "已完成补植绿化" }) { ok } }',
      { id: taskId },
    );
    const requested = await t.gql<any>(
      zhuqiao,
      `mutation($input: RequestTaskCompletionInput!) { requestTaskCompletion(input: $input) { ok error { code } task { status completionRequestedAt latestUpdate { kind note evidence { name url } } } } }`,
      {
        input: {
          taskId,
          note: '整治完成，请验收',
          evidence: [{ name: '验收照片', url: 'https://files.example/zhuqiao/1.jpg' }],
        },
      },
    );
    expect(requested.data.requestTaskCompletion).toMatchObject({
      ok: true,
      task: {
        status: 'COMPLETION_REQUESTED',
        latestUpdate: {
          kind: 'COMPLETION_REQUESTED',
          note: '整治完成，请验收',
          evidence: [{ name: '验收照片' }],
        },
      },
    });
    const again = await t.gql<any>(
      zhuqiao,
      'mutation($id: ID!) { requestTaskCompletion(input: { taskId: $id, note: "再次" }) { ok error { code } } }',
      { id: taskId },
    );
    expect(again.data.requestTaskCompletion.error.code).toBe('TASK_COMPLETION_ALREADY_REQUESTED');

    const timeline = await waitFor('all three updates on the item', async () => {
      const response = await t.gql<any>(
        officer,
        'query($id: ID!) { supervisionItem(id: $id) { updates { kind note actorName actorAgency { name } } } }',
        { id: itemId },
      );
      const updates = response.data?.supervisionItem.updates ?? [];
      return updates.length === 3 ? updates : undefined;
    });
    expect(timeline.map((u: { kind: string }) => u.kind)).toEqual([
      'AGENCY_ACKNOWLEDGED',
      'AGENCY_PROGRESS',
      'AGENCY_COMPLETION_REQUESTED',
    ]);
    expect(timeline[2]).toMatchObject({ note: '整治完成，请验收', actorAgency: { name: '祝桥镇' } });
  });

  it('filters the inbox by status', async () => {
    const requested = await t.gql<any>(
      zhuqiao,
      '{ myTasks(filter: { status: [COMPLETION_REQUESTED] }) { totalCount } }',
    );
    const open = await t.gql<any>(zhuqiao, '{ myTasks(filter: { status: [OPEN] }) { totalCount } }');
    expect([requested.data.myTasks.totalCount, open.data.myTasks.totalCount]).toEqual([1, 0]);
  });

  it("names each unit's liaison in the directory", async () => {
    const response = await t.gql<any>(
      zhuqiao,
      `query($id: ID!) { agency(id: $id) { name liaisons { name memberships { kind agency { name } } } } }`,
      {
        id: agencyIdOf('zhuqiao'),
      },
    );
    expect(response.data.agency).toEqual({
      name: '祝桥镇',
      liaisons: [
        { name: '祝桥镇联络员（演示）', memberships: [{ kind: 'LIAISON', agency: { name: '祝桥镇' } }] },
      ],
    });
  });
});
