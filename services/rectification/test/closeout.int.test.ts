import { agencyIdOf, personIdOf } from '@eco/demo-data';
import { startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { createCampaign, mutate, outboxEvents } from './support/rectification-fixtures';

jest.setTimeout(60_000);

/**
 * Issue #5 §1–2, through the gateway on real Postgres and NATS: the responsible department moves its
 * measures to completion with evidence, the rectification office verifies them (对账), the last
 * acceptance closes the problem (销号), and a rebound reopens it (回头看).
 */
describe('measure completion and close-out', () => {
  let t: TestStack;
  let office: string;
  let clerk: string;
  let zhuqiao: string;
  let problemId: string;
  let datedId: string;
  let longTermId: string;

  const MEASURE = `measure { id status verification evidenceNotes completedAt countsTowardsCloseOut underPeriodicReview
    timeline { kind note statusFrom statusTo evidenceNotes actorName actor { id } evidence { name url sha256 sizeBytes } } }`;
  const problemQuery = `query($id: ID!) { problem(id: $id) { status closedAt closeoutHistory { kind reason actorName }
    measures { id status verification } } }`;
  const problemOf = async (token = office) =>
    (
      await t.gql<{
        problem: {
          status: string;
          closedAt: string | null;
          closeoutHistory: { kind: string; reason: string | null }[];
        };
      }>(token, problemQuery, { id: problemId })
    ).data!.problem;

  const update = (token: string, input: Record<string, unknown>) =>
    mutate<{
      measure: {
        id: string;
        status: string;
        verification: string;
        evidenceNotes: string[];
        timeline: unknown[];
      };
    }>(t, token, 'updateMeasureStatus', 'UpdateMeasureStatusInput', input, MEASURE);
  const submit = (measureId: string, evidenceNotes: string[] = []) =>
    mutate<{ measure: { verification: string } }>(
      t,
      clerk,
      'submitMeasureForVerification',
      'SubmitMeasureForVerificationInput',
      { measureId, evidenceNotes },
      'measure { verification }',
    );
  const verify = (input: Record<string, unknown>) =>
    mutate<{
      measure: { verification: string; countsTowardsCloseOut: boolean; underPeriodicReview: boolean };
    }>(
      t,
      office,
      'verifyMeasure',
      'VerifyMeasureInput',
      input,
      'measure { verification countsTowardsCloseOut underPeriodicReview }',
    );

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-closeout', demo: 'directory' });
    [office, clerk, zhuqiao] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-sanitation-clerk'),
      t.tokenFor('demo-zhuqiao'),
    ]);
    const campaignId = await createCampaign(t, office);
    const opened = await mutate<{ problem: { id: string } }>(
      t,
      office,
      'openProblem',
      'OpenProblemInput',
      {
        campaignId,
        number: '1',
        sourceNumber: '21',
        title: '朝航路89号制砖厂环境污染隐患',
        description: '朝航路 89 号制砖厂多个点位存在环境污染隐患。',
        leadLeaderId: personIdOf('xue-jialiang'),
        responsibleDepartmentId: agencyIdOf('sanitation'),
      },
      'problem { id }',
    );
    problemId = opened.problem.id;
    const add = async (input: Record<string, unknown>) =>
      (
        await mutate<{ measure: { id: string } }>(
          t,
          office,
          'addMeasure',
          'AddMeasureInput',
          { problemId, ...input },
          'measure { id }',
        )
      ).measure.id;
    datedId = await add({
      text: '责令企业2天内拆除现有设备并搬离厂区，由执法局立案查处。',
      coordinatingAgencyIds: [agencyIdOf('zhuqiao')],
      deadline: { kind: 'DATE', dueOn: '2023-09-08' },
    });
    longTermId = await add({ text: '建立全覆盖排查长效机制。', deadline: { kind: 'LONG_TERM' } });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it('announces the opened problem as rectification.problem.opened.v1', async () => {
    expect((await outboxEvents(t, problemId)).map((e) => e.subject)).toContain(
      'rectification.problem.opened.v1',
    );
    expect(await problemOf()).toMatchObject({ status: 'OPEN', closedAt: null, closeoutHistory: [] });
  });

  it('lets the responsible department start a measure, with who and when on the timeline', async () => {
    const result = await update(clerk, {
      measureId: datedId,
      status: 'IN_PROGRESS',
      note: '已会同祝桥镇现场踏勘',
    });
    expect(result.ok).toBe(true);
    expect(result.measure.status).toBe('IN_PROGRESS');
    expect(result.measure.timeline.at(-1)).toEqual({
      kind: 'STATUS_CHANGED',
      note: '已会同祝桥镇现场踏勘',
      statusFrom: 'NOT_STARTED',
      statusTo: 'IN_PROGRESS',
      evidenceNotes: [],
      actorName: '市容环卫处内勤（演示）',
      actor: { id: personIdOf('demo-sanitation-clerk') },
      evidence: [],
    });
    expect((await problemOf()).status).toBe('IN_PROGRESS');
  });

  it('shows 祝桥镇 reporting its part done on the measure’s timeline, leaving the status to the department', async () => {
    const task = await waitFor('祝桥镇’s task for the measure', async () => {
      const inbox = await t.gql<{
        myTasks: { edges: { node: { id: string; measure: { id: string } | null } }[] };
      }>(zhuqiao, `{ myTasks(first: 20) { edges { node { id measure { id } } } } }`);
      return inbox.data?.myTasks.edges.find((e) => e.node.measure?.id === datedId)?.node;
    });
    const signed = await t.gql<{ acknowledgeTask: { ok: boolean } }>(
      zhuqiao,
      `mutation($id: ID!) { acknowledgeTask(input: { taskId: $id }) { ok } }`,
      { id: task.id },
    );
    expect(signed.data?.acknowledgeTask.ok).toBe(true);
    const requested = await t.gql<{ requestTaskCompletion: { ok: boolean } }>(
      zhuqiao,
      `mutation($input: RequestTaskCompletionInput!) { requestTaskCompletion(input: $input) { ok } }`,
      {
        input: {
          taskId: task.id,
          note: '设备已拆除搬离，请验收',
          evidence: [{ name: '现场照片', url: 'https://files.example.org/zhuqiao/1.jpg' }],
        },
      },
    );
    expect(requested.data?.requestTaskCompletion.ok).toBe(true);
    const entry = await waitFor('the completion request on the timeline', async () => {
      const measure = await t.gql<{
        measure: {
          status: string;
          timeline: {
            kind: string;
            note: string | null;
            actorName: string | null;
            evidence: { name: string }[];
          }[];
        };
      }>(
        office,
        `query($id: ID!) { measure(id: $id) { status timeline { kind note actorName evidence { name } } } }`,
        {
          id: datedId,
        },
      );
      const found = measure.data?.measure.timeline.find((u) => u.kind === 'AGENCY_COMPLETION_REQUESTED');
      return found ? { status: measure.data!.measure.status, found } : undefined;
    });
    expect(entry).toEqual({
      status: 'IN_PROGRESS',
      found: {
        kind: 'AGENCY_COMPLETION_REQUESTED',
        note: '设备已拆除搬离，请验收',
        actorName: '祝桥镇联络员（演示）',
        evidence: [{ name: '现场照片' }],
      },
    });
  });

  it('refuses to complete a measure without evidence, with a coded field error and nothing changed', async () => {
    const result = await update(clerk, { measureId: datedId, status: 'COMPLETED', note: '已完成' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'RECTIFICATION_INVALID_INPUT', fieldErrors: [{ field: 'evidence' }] },
      measure: null,
    });
    const malformed = await update(clerk, {
      measureId: datedId,
      status: 'COMPLETED',
      evidence: [{ name: '现场照片', url: 'not a url', sha256: 'xyz' }],
    });
    expect(malformed.error?.fieldErrors.map((f) => f.field).sort()).toEqual([
      'evidence.0.sha256',
      'evidence.0.url',
    ]);
    const measure = await t.gql<{ measure: { status: string; timeline: unknown[] } }>(
      office,
      `query($id: ID!) { measure(id: $id) { status timeline { kind } } }`,
      { id: datedId },
    );
    expect(measure.data?.measure).toEqual({
      status: 'IN_PROGRESS',
      timeline: [
        { kind: 'CREATED' },
        { kind: 'ASSIGNED_TO_AGENCIES' },
        { kind: 'STATUS_CHANGED' },
        { kind: 'AGENCY_ACKNOWLEDGED' },
        { kind: 'AGENCY_COMPLETION_REQUESTED' },
      ],
    });
  });

  it('refuses a status change backwards, and refuses partners and other departments', async () => {
    expect((await update(clerk, { measureId: datedId, status: 'NOT_STARTED' })).error?.code).toBe(
      'MEASURE_STATUS_TRANSITION_INVALID',
    );
    const otherDepartment = await t.tokenFor({
      personId: personIdOf('demo-env-inspection-clerk'),
      agencyId: agencyIdOf('env-inspection'),
      name: '生态环境督察处内勤',
      roles: ['DEPARTMENT_CLERK'],
    });
    expect(
      (await update(otherDepartment, { measureId: datedId, status: 'IN_PROGRESS', note: '代报' })).error
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await update(zhuqiao, { measureId: datedId, status: 'IN_PROGRESS', note: '巡查' })).error?.code,
    ).toBe('FORBIDDEN');
  });

  it('completes a measure with a document and the enforcement case number, and announces it', async () => {
    const document = {
      name: '立案决定书.pdf',
      url: 'https://files.example.org/case/20230414049.pdf',
      sha256: 'a'.repeat(64),
      sizeBytes: 182_044,
    };
    const result = await update(clerk, {
      measureId: datedId,
      status: 'COMPLETED',
      note: '已完成整改。该点位已立案查处，企业已取缔，厂房内生产设备已全部搬离。',
      evidence: [document],
      evidenceNotes: ['立案号 20230414049'],
    });
    expect(result.ok).toBe(true);
    expect(result.measure).toMatchObject({
      status: 'COMPLETED',
      verification: 'NONE',
      evidenceNotes: ['立案号 20230414049'],
    });
    expect(result.measure.timeline.at(-1)).toMatchObject({
      statusFrom: 'IN_PROGRESS',
      statusTo: 'COMPLETED',
      evidence: [document],
      evidenceNotes: ['立案号 20230414049'],
    });
    const completed = (await outboxEvents(t, datedId)).filter(
      (e) => e.subject === 'rectification.measure.completed.v1',
    );
    expect(completed).toHaveLength(1);
    expect(completed[0]!.payload).toMatchObject({
      measureId: datedId,
      problemId,
      responsibleAgencyId: agencyIdOf('sanitation'),
      longTerm: false,
      evidenceNotes: ['立案号 20230414049'],
    });
  });

  it('refuses an edit at a stale version with CONFLICT and the current version, and changes nothing', async () => {
    const versionOf = async () =>
      (
        await t.gql<{ problem: { measures: { id: string; version: number; status: string }[] } }>(
          office,
          'query($id: ID!) { problem(id: $id) { measures { id version status } } }',
          { id: problemId },
        )
      ).data!.problem.measures.find((m) => m.id === longTermId)!;
    const before = await versionOf();
    const note = { measureId: longTermId, status: before.status, note: '机制起草中' };

    const stale = await update(clerk, { ...note, expectedVersion: before.version + 1 });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', currentVersion: before.version });
    expect(await versionOf()).toEqual(before);

    const current = await update(clerk, { ...note, expectedVersion: before.version });
    expect(current.ok).toBe(true);
    expect((await versionOf()).version).toBe(before.version + 1);
  });

  it('completes the long-term measure once its mechanism is established: the problem awaits close-out', async () => {
    const result = await update(clerk, {
      measureId: longTermId,
      status: 'COMPLETED',
      note: '长效机制已建立：祝桥镇全覆盖排查，联勤联动工作站增加技防人防措施。',
      evidenceNotes: ['《祝桥镇环境全覆盖排查工作机制》'],
    });
    expect(result.ok).toBe(true);
    expect((await problemOf()).status).toBe('MEASURES_COMPLETED');
  });

  it('lets the office return a submitted measure with a reason, and the department resubmit it', async () => {
    expect((await submit(datedId)).measure.verification).toBe('SUBMITTED');
    expect((await submit(longTermId)).measure.verification).toBe('SUBMITTED');
    const noReason = await verify({ measureId: datedId, decision: 'RETURN' });
    expect(noReason.error).toMatchObject({
      code: 'RECTIFICATION_INVALID_INPUT',
      fieldErrors: [{ field: 'reason' }],
    });
    const returned = await verify({
      measureId: datedId,
      decision: 'RETURN',
      reason: '缺少设备搬离后的现场照片',
    });
    expect(returned.measure.verification).toBe('RETURNED');
    expect((await submit(longTermId)).error?.code).toBe('MEASURE_VERIFICATION_STATE_INVALID');
    expect((await submit(datedId, ['现场照片3张（2023-09-08）'])).measure.verification).toBe('SUBMITTED');
  });

  it('refuses verification by the department itself', async () => {
    const byClerk = await mutate<{ measure: null }>(
      t,
      clerk,
      'verifyMeasure',
      'VerifyMeasureInput',
      { measureId: datedId, decision: 'ACCEPT' },
      'measure { id }',
    );
    expect(byClerk.error?.code).toBe('FORBIDDEN');
  });

  it('closes the problem when the last measure is accepted, and announces the close', async () => {
    const first = await verify({ measureId: datedId, decision: 'ACCEPT' });
    expect(first.measure).toEqual({
      verification: 'ACCEPTED',
      countsTowardsCloseOut: true,
      underPeriodicReview: false,
    });
    expect((await problemOf()).status).toBe('MEASURES_COMPLETED');
    const last = await verify({ measureId: longTermId, decision: 'ACCEPT' });
    expect(last.measure).toEqual({
      verification: 'ACCEPTED',
      countsTowardsCloseOut: true,
      underPeriodicReview: true,
    });
    const problem = await problemOf();
    expect(problem.status).toBe('CLOSED');
    expect(problem.closedAt).not.toBeNull();
    expect(problem.closeoutHistory).toEqual([{ kind: 'CLOSED', reason: null, actorName: '整改办（演示）' }]);
    const closed = (await outboxEvents(t, problemId)).filter(
      (e) => e.subject === 'rectification.problem.closed.v1',
    );
    expect(closed).toHaveLength(1);
    expect(closed[0]!.payload).toMatchObject({ problemId, measureIds: [datedId, longTermId] });
  });

  it('refuses changes to a closed problem until it is reopened', async () => {
    expect(
      (await update(clerk, { measureId: datedId, status: 'COMPLETED', evidenceNotes: ['补充'] })).error?.code,
    ).toBe('PROBLEM_CLOSED');
    const added = await mutate<{ measure: null }>(
      t,
      office,
      'addMeasure',
      'AddMeasureInput',
      { problemId, text: '新措施', deadline: { kind: 'NONE' } },
      'measure { id }',
    );
    expect(added.error?.code).toBe('PROBLEM_CLOSED');
  });

  it('reopens a closed problem when a later check finds a rebound, with the reason', async () => {
    const reason = '回头看发现该点位有死灰复燃迹象';
    const badMeasure = await mutate<{ problem: null }>(
      t,
      office,
      'reopenProblem',
      'ReopenProblemInput',
      { problemId, reason, measureIds: [problemId] },
      'problem { id }',
    );
    expect(badMeasure.error).toMatchObject({
      code: 'RECTIFICATION_INVALID_INPUT',
      fieldErrors: [{ field: 'measureIds' }],
    });
    expect((await problemOf()).status).toBe('CLOSED');

    const reopened = await mutate<{
      problem: { status: string; measures: { id: string; status: string; verification: string }[] };
    }>(
      t,
      office,
      'reopenProblem',
      'ReopenProblemInput',
      { problemId, reason, measureIds: [datedId] },
      'problem { status measures { id status verification } }',
    );
    expect(reopened.ok).toBe(true);
    expect(reopened.problem.status).toBe('REOPENED');
    expect(reopened.problem.measures).toEqual([
      { id: datedId, status: 'IN_PROGRESS', verification: 'NONE' },
      { id: longTermId, status: 'COMPLETED', verification: 'ACCEPTED' },
    ]);
    expect((await problemOf()).closeoutHistory.map((c) => [c.kind, c.reason])).toEqual([
      ['CLOSED', null],
      ['REOPENED', reason],
    ]);
    const events = (await outboxEvents(t, problemId)).filter(
      (e) => e.subject === 'rectification.problem.reopened.v1',
    );
    expect(events.map((e) => e.payload)).toMatchObject([
      { problemId, reason, reopenedMeasureIds: [datedId] },
    ]);
    expect(
      (
        await mutate<{ problem: null }>(
          t,
          office,
          'reopenProblem',
          'ReopenProblemInput',
          { problemId, reason },
          'problem { id }',
        )
      ).error?.code,
    ).toBe('PROBLEM_NOT_CLOSED');
  });

  it('shows the assigned partner the status of its measure and problem, but no accountability records', async () => {
    const response = await t.gql<{ problem: { status: string; measures: { id: string }[] } }>(
      zhuqiao,
      `query($id: ID!) { problem(id: $id) { status measures { id } } }`,
      { id: problemId },
    );
    expect(response.data?.problem).toEqual({ status: 'REOPENED', measures: [{ id: datedId }] });
    const records = await t.gql(
      zhuqiao,
      `query($id: ID!) { problem(id: $id) { accountabilityRecords { id } } }`,
      {
        id: problemId,
      },
    );
    expect(records.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records an interview (约谈) about the problem, linked to the people concerned', async () => {
    const bad = await mutate<{ record: null }>(
      t,
      office,
      'recordAccountability',
      'RecordAccountabilityInput',
      { problemId, kind: 'INTERVIEW', reason: '整改进度缓慢', decidedOn: '2023-09-20' },
      'record { id }',
    );
    expect(bad.error).toMatchObject({
      code: 'RECTIFICATION_INVALID_INPUT',
      fieldErrors: [{ field: 'personIds' }],
    });
    const recorded = await mutate<{
      record: { kind: string; people: { id: string }[]; problem: { id: string } };
    }>(
      t,
      office,
      'recordAccountability',
      'RecordAccountabilityInput',
      {
        problemId,
        kind: 'INTERVIEW',
        personIds: [personIdOf('demo-sanitation-clerk')],
        agencyId: agencyIdOf('sanitation'),
        reason: '整改进度缓慢，回头看发现反弹',
        decidedOn: '2023-09-20',
      },
      'record { kind people { id } problem { id } }',
    );
    expect(recorded).toMatchObject({
      ok: true,
      record: {
        kind: 'INTERVIEW',
        people: [{ id: personIdOf('demo-sanitation-clerk') }],
        problem: { id: problemId },
      },
    });
    const listed = await t.gql<{
      problem: { accountabilityRecords: { kind: string; reason: string; decidedOn: string }[] };
    }>(office, `query($id: ID!) { problem(id: $id) { accountabilityRecords { kind reason decidedOn } } }`, {
      id: problemId,
    });
    expect(listed.data?.problem.accountabilityRecords).toEqual([
      { kind: 'INTERVIEW', reason: '整改进度缓慢，回头看发现反弹', decidedOn: '2023-09-20' },
    ]);
  });
});
