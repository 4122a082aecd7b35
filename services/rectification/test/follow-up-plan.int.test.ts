import type { Role } from '@eco/auth';
import { agencyIdOf, demoPerson, personIdOf } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { FollowUpPlanService } from '../src/domain/follow-up-plan.service';
import { RectificationStore } from '../src/persistence/rectification.store';
import { createCampaign, mutate } from './support/rectification-fixtures';

jest.setTimeout(60_000);

/**
 * Seed 002 §2 (DOMAIN.md §2): unfinished items at the report deadline need a follow-up plan with a
 * timetable and a route. Report received 2023-09-26, so the report deadline is 2023-11-27 17:30.
 */
describe('follow-up plans for measures unfinished at the report deadline', () => {
  let t: TestStack;
  let office: string;
  let clerk: string;
  let zhuqiao: string;
  let campaignId: string;
  let datedId: string;
  let longTermId: string;
  let completedId: string;
  let undatedCampaignMeasureId: string;

  const PLAN = `followUpPlanRequired followUpPlan { route timetable { step dueOn } recordedAt recordedBy { id } recordedByName }
    timeline { kind note actorName }`;
  const TIMETABLE = [
    { step: '完成剩余点位清理', dueOn: '2023-12-15' },
    { step: '执法局结案', dueOn: '2024-01-31' },
  ];

  const record = (token: string, input: Record<string, unknown>) =>
    mutate<{
      measure: {
        followUpPlanRequired: boolean;
        followUpPlan: { route: string; timetable: { step: string; dueOn: string }[] } | null;
        timeline: { kind: string; note: string | null }[];
      } | null;
    }>(t, token, 'recordFollowUpPlan', 'RecordFollowUpPlanInput', input, `measure { id ${PLAN} }`);

  const measureOf = async (id: string, token = office) => {
    const response = await t.gql<{
      measure: {
        followUpPlanRequired: boolean;
        followUpPlan: {
          route: string;
          timetable: { step: string; dueOn: string }[];
          recordedAt: string;
          recordedBy: { id: string } | null;
          recordedByName: string | null;
        } | null;
        timeline: { kind: string; note: string | null; actorName: string | null }[];
      };
    }>(token, `query($id: ID!) { measure(id: $id) { ${PLAN} } }`, { id });
    return response;
  };

  const openProblemWithMeasures = async (forCampaign: string, measures: Record<string, unknown>[]) => {
    const opened = await mutate<{ problem: { id: string } }>(
      t,
      office,
      'openProblem',
      'OpenProblemInput',
      {
        campaignId: forCampaign,
        number: '1',
        sourceNumber: '21',
        title: '朝航路89号制砖厂环境污染隐患',
        description: '朝航路 89 号制砖厂多个点位存在环境污染隐患。',
        responsibleDepartmentId: agencyIdOf('sanitation'),
      },
      'problem { id }',
    );
    const ids: string[] = [];
    for (const input of measures) {
      const added = await mutate<{ measure: { id: string } }>(
        t,
        office,
        'addMeasure',
        'AddMeasureInput',
        { problemId: opened.problem.id, ...input },
        'measure { id }',
      );
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      ids.push(added.measure.id);
    }
    return ids;
  };

  /** The service as the sanitation clerk would use it, with the clock fixed. */
  const serviceAt = (at: string) => {
    const person = demoPerson('demo-sanitation-clerk');
    return new FollowUpPlanService(
      t.stack.subgraphs.rectification.runtime,
      { personId: person.id, agencyId: person.agencyId, name: person.name, roles: person.roles as Role[] },
      () => new Date(at),
    );
  };
  const requiredAt = (measureId: string, at: string) =>
    // Read as the office would (row-level security scope: every agency's rows).
    t.stack.subgraphs.rectification.runtime.transaction('all', async (manager) => {
      const store = new RectificationStore(manager);
      const [measure] = await store.measuresByIds([measureId]);
      const [problem] = await store.problemsByIds([measure!.problemId]);
      const [campaign] = await store.campaignsByIds([problem!.campaignId!]);
      const [plan] = await store.followUpPlansByMeasureIds([measureId]);
      return serviceAt(at).isRequired(measure!, campaign!, plan ?? null);
    });

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-follow-up', demo: 'directory' });
    [office, clerk, zhuqiao] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-sanitation-clerk'),
      t.tokenFor('demo-zhuqiao'),
    ]);
    campaignId = await createCampaign(t, office, { reportReceivedOn: '2023-09-26' });
    const measureIds = await openProblemWithMeasures(campaignId, [
      {
        text: '责令企业拆除现有设备并搬离厂区。',
        coordinatingAgencyIds: [agencyIdOf('zhuqiao')],
        deadline: { kind: 'DATE', dueOn: '2023-11-15' },
      },
      { text: '建立全覆盖排查长效机制。', deadline: { kind: 'LONG_TERM' } },
      { text: '由执法局立案查处。', deadline: { kind: 'DATE', dueOn: '2023-10-31' } },
    ]);
    [datedId, longTermId, completedId] = [measureIds[0]!, measureIds[1]!, measureIds[2]!];
    const completed = await mutate(
      t,
      clerk,
      'updateMeasureStatus',
      'UpdateMeasureStatusInput',
      { measureId: completedId, status: 'COMPLETED', evidenceNotes: ['立案号 20230414049'] },
      'measure { id }',
    );
    if (!completed.ok) throw new Error(JSON.stringify(completed.error));
    const undatedCampaign = await createCampaign(t, office, { name: '未收到报告的整改' });
    undatedCampaignMeasureId = (
      await openProblemWithMeasures(undatedCampaign, [
        { text: '开展专项排查。', deadline: { kind: 'DATE', dueOn: '2023-11-15' } },
      ])
    )[0]!;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it('requires a plan of an unfinished measure only after the report deadline (fixed clock)', async () => {
    expect(await requiredAt(datedId, '2023-11-20T02:00:00Z')).toBe(false);
    expect(await requiredAt(datedId, '2023-11-27T09:30:00Z')).toBe(false);
    expect(await requiredAt(datedId, '2023-11-27T09:31:00Z')).toBe(true);
    expect(await requiredAt(undatedCampaignMeasureId, '2030-01-01T00:00:00Z')).toBe(false);
  });

  it('never requires one of a completed or long-term measure', async () => {
    expect(await requiredAt(completedId, '2023-12-01T00:00:00Z')).toBe(false);
    expect(await requiredAt(longTermId, '2023-12-01T00:00:00Z')).toBe(false);
  });

  it('shows the requirement on the measure (today is long after 2023-11-27)', async () => {
    const flags = await Promise.all(
      [datedId, longTermId, completedId, undatedCampaignMeasureId].map(
        async (id) => (await measureOf(id)).data!.measure.followUpPlanRequired,
      ),
    );
    expect(flags).toEqual([true, false, false, false]);
    expect((await measureOf(datedId)).data!.measure.followUpPlan).toBeNull();
  });

  it('refuses bad input, a completed measure, a campaign without a deadline and wrong roles; nothing is written', async () => {
    const before = (await measureOf(datedId)).data!.measure;
    const good = { measureId: datedId, route: '督促企业清理、执法局跟进查处', timetable: TIMETABLE };
    const fieldsOf = async (token: string, input: Record<string, unknown>) => {
      const result = await record(token, input);
      expect(result.ok).toBe(false);
      return [result.error?.code, ...(result.error?.fieldErrors.map((e) => e.field) ?? [])];
    };
    const INVALID = 'RECTIFICATION_INVALID_INPUT';
    expect(await fieldsOf(clerk, { ...good, route: '  ' })).toEqual([INVALID, 'route']);
    expect(await fieldsOf(clerk, { ...good, route: '路'.repeat(1001) })).toEqual([INVALID, 'route']);
    expect(await fieldsOf(clerk, { ...good, timetable: [] })).toEqual([INVALID, 'timetable']);
    const steps = Array.from({ length: 21 }, (_, i) => ({ step: `第${i + 1}步`, dueOn: '2024-01-31' }));
    expect(await fieldsOf(clerk, { ...good, timetable: steps })).toEqual([INVALID, 'timetable']);
    expect(
      await fieldsOf(clerk, { ...good, timetable: [{ step: '步'.repeat(301), dueOn: '2024-01-31' }] }),
    ).toEqual([INVALID, 'timetable.0.step']);
    expect(await fieldsOf(clerk, { ...good, timetable: [...TIMETABLE].reverse() })).toEqual([
      INVALID,
      'timetable.1.dueOn',
    ]);
    expect(
      await fieldsOf(clerk, { ...good, timetable: [{ step: '整改', dueOn: '2023-11-26' }, ...TIMETABLE] }),
    ).toEqual([INVALID, 'timetable.0.dueOn']);
    expect(await fieldsOf(clerk, { ...good, measureId: completedId })).toEqual([
      'FOLLOW_UP_PLAN_NOT_NEEDED',
      'measureId',
    ]);
    expect(await fieldsOf(clerk, { ...good, measureId: undatedCampaignMeasureId })).toEqual([
      'REPORT_DEADLINE_UNKNOWN',
      'measureId',
    ]);
    const otherDepartment = await t.tokenFor({
      personId: personIdOf('demo-env-inspection-clerk'),
      agencyId: agencyIdOf('env-inspection'),
      name: '生态环境督察处内勤',
      roles: ['DEPARTMENT_CLERK'],
    });
    const supervision = await t.tokenFor('demo-supervision-officer');
    for (const token of [otherDepartment, supervision, zhuqiao]) {
      expect((await record(token, good)).error?.code).toBe('FORBIDDEN');
    }
    expect((await measureOf(datedId)).data!.measure).toEqual(before);
    expect((await measureOf(undatedCampaignMeasureId)).data!.measure.followUpPlan).toBeNull();
    expect((await measureOf(completedId)).data!.measure.followUpPlan).toBeNull();
  });

  it('records a plan by the responsible department, and a second one replaces it keeping the history', async () => {
    const first = await record(clerk, {
      measureId: datedId,
      route: '督促企业清理、执法局跟进查处',
      timetable: TIMETABLE,
    });
    expect(first.ok).toBe(true);
    expect(first.measure?.followUpPlanRequired).toBe(false);
    expect(first.measure?.followUpPlan).toEqual(
      expect.objectContaining({ route: '督促企业清理、执法局跟进查处', timetable: TIMETABLE }),
    );

    const second = await record(office, {
      measureId: datedId,
      route: '  由街道牵头，分两步完成  ',
      timetable: [{ step: '全部搬离', dueOn: '2023-11-27' }],
    });
    expect(second.ok).toBe(true);
    const { measure } = (await measureOf(datedId)).data!;
    expect(measure.followUpPlanRequired).toBe(false);
    expect(measure.followUpPlan).toEqual({
      route: '由街道牵头，分两步完成',
      timetable: [{ step: '全部搬离', dueOn: '2023-11-27' }],
      recordedAt: expect.any(String),
      recordedBy: { id: demoPerson('demo-rectification-office').id },
      recordedByName: demoPerson('demo-rectification-office').name,
    });
    expect(measure.timeline.filter((u) => u.kind === 'FOLLOW_UP_PLAN')).toEqual([
      {
        kind: 'FOLLOW_UP_PLAN',
        note: '督促企业清理、执法局跟进查处',
        actorName: demoPerson('demo-sanitation-clerk').name,
      },
      {
        kind: 'FOLLOW_UP_PLAN',
        note: '由街道牵头，分两步完成',
        actorName: demoPerson('demo-rectification-office').name,
      },
    ]);
  });

  it('records the time from the service clock', async () => {
    await serviceAt('2023-12-01T02:00:00Z').recordFollowUpPlan({
      measureId: datedId,
      route: '按期推进',
      timetable: TIMETABLE,
    });
    const { measure } = (await measureOf(datedId)).data!;
    expect(measure.followUpPlan?.recordedAt).toBe('2023-12-01T02:00:00.000Z');
    expect(measure.timeline.filter((u) => u.kind === 'FOLLOW_UP_PLAN')).toHaveLength(3);
  });

  it('puts the plan’s last date on the ledger row', async () => {
    const ledger = await t.gql<{
      rectificationLedger: { measure: { id: string } | null; followUpDueOn: string | null }[];
    }>(office, `query($c: ID!) { rectificationLedger(campaignId: $c) { measure { id } followUpDueOn } }`, {
      c: campaignId,
    });
    expect(ledger.data!.rectificationLedger.map((r) => [r.measure?.id, r.followUpDueOn])).toEqual([
      [datedId, '2024-01-31'],
      [longTermId, null],
      [completedId, null],
    ]);
  });

  it('keeps plans from partner agencies', async () => {
    const response = await measureOf(datedId, zhuqiao);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
