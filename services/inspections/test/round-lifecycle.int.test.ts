import { agencyIdOf, personIdOf } from '@eco/demo-data';
import { postGraphQL, startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { inspectionsOutbox, mustMutate, mutate } from './support/inspections-fixtures';

jest.setTimeout(90_000);

const wasteCentre = agencyIdOf('waste-centre');
const TARGET = `target { id version phase onSiteFrom onSiteUntil
  phases { phase plannedStart plannedEnd actualStart actualEnd current } }`;

interface Target {
  id: string;
  version: number;
  phase: string;
  onSiteFrom: string | null;
  onSiteUntil: string | null;
  phases: {
    phase: string;
    plannedStart: string | null;
    plannedEnd: string | null;
    actualStart: string | null;
    actualEnd: string | null;
    current: boolean;
  }[];
}

/**
 * Issue #4: one unit of an internal inspection round (seed 000) from preparation to closing, through
 * the gateway, on real PostgreSQL and NATS JetStream: the phases and their rules, the 50 % rule, the
 * survey, confidential interviews, findings, the feedback's deadlines and what rectification makes
 * of each event.
 */
describe('an internal inspection round, unit by unit', () => {
  let t: TestStack;
  let office: string; // in the group (Audit Office staff)
  let leader: string; // 组长
  let clerk: string; // bureau staff, not in the group
  let deputyChief: string; // a bureau leader, not in the group
  let zhuqiao: string; // a partner agency
  let roundId: string;
  let target: Target;
  const findings: { serious?: string; general?: string } = {};
  let feedbackId: string;

  const targetVersion = async () =>
    (
      await t.gql<{ inspectionTarget: { version: number } }>(
        office,
        'query($id: ID!) { inspectionTarget(id: $id) { version } }',
        { id: target.id },
      )
    ).data!.inspectionTarget.version;

  const advance = (to: string, on: string) =>
    mutate<{ target: Target }>(t, office, 'advanceTargetPhase', { targetId: target.id, to, on }, TARGET);

  beforeAll(async () => {
    t = await startTestStack({ label: 'inspections-round', demo: 'directory' });
    [office, leader, clerk, deputyChief, zhuqiao] = (await Promise.all(
      [
        'demo-rectification-office',
        'kang-yongliang',
        'demo-sanitation-clerk',
        'xue-jialiang',
        'demo-zhuqiao',
      ].map((p) => t.tokenFor(p)),
    )) as [string, string, string, string, string];
    const round = await mustMutate<{ round: { id: string } }>(
      t,
      office,
      'createInspectionRound',
      {
        name: '2023年内部巡察（测试）',
        roundNumber: 3,
        startYear: 2021,
        endYear: 2023,
        year: 2023,
        groupLeaderId: personIdOf('kang-yongliang'),
        deputyGroupLeaderId: personIdOf('yang-xin'),
        periodStart: '2023-08-01',
        periodEnd: '2023-10-31',
        memberDepartments: [
          {
            agencyId: agencyIdOf('audit-office'),
            staff: [{ name: '整改办（演示）', personId: personIdOf('demo-rectification-office') }],
          },
          { agencyId: agencyIdOf('finance'), staff: [{ name: '张君' }] },
        ],
        specialInspections: [
          { title: '工会经费使用情况专项巡察', focus: ['2022年1月至今的工会经费使用情况'] },
        ],
        budgetLines: [{ purpose: '第三方审计费用', amountYuan: '126000', fundingSource: '审计经费' }],
        outsideFirm: { name: '上海申威会计师事务所', procurementRoute: '电子集市平台' },
        idempotencyKey: 'round-lifecycle-create',
      },
      'round { id }',
    );
    roundId = round.round.id;
    target = (
      await mustMutate<{ target: Target }>(
        t,
        office,
        'addInspectionTarget',
        {
          roundId,
          agencyId: wasteCentre,
          onSiteFrom: '2023-08-21',
          onSiteUntil: '2023-08-25',
          preparationStartedOn: '2023-08-01',
        },
        TARGET,
      )
    ).target;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  it("carries the round's plan: group, member departments and staff, special inspection, budget, outside firm", async () => {
    const response = await t.gql<{ inspectionRound: Record<string, unknown> }>(
      leader,
      `query($id: ID!) { inspectionRound(id: $id) { version status viewerIsGroupMember
        groupLeader { name } deputyGroupLeader { name }
        memberDepartments { agency { name } staff { name person { name } } }
        specialInspections { title focus } budgetLines { purpose amountYuan fundingSource }
        outsideFirm { name service procurementRoute }
        targets { sequence agency { name } onSiteFrom onSiteUntil phase } } }`,
      { id: roundId },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.inspectionRound).toEqual({
      version: 1,
      status: 'OPEN',
      viewerIsGroupMember: true,
      groupLeader: { name: '康永良' },
      deputyGroupLeader: { name: '杨新' },
      memberDepartments: [
        {
          agency: { name: '审计办公室' },
          staff: [{ name: '整改办（演示）', person: { name: '整改办（演示）' } }],
        },
        { agency: { name: '计划财务处' }, staff: [{ name: '张君', person: null }] },
      ],
      specialInspections: [{ title: '工会经费使用情况专项巡察', focus: ['2022年1月至今的工会经费使用情况'] }],
      budgetLines: [{ purpose: '第三方审计费用', amountYuan: '126000.00', fundingSource: '审计经费' }],
      outsideFirm: { name: '上海申威会计师事务所', service: null, procurementRoute: '电子集市平台' },
      targets: [
        {
          sequence: 1,
          agency: { name: '废管中心' },
          onSiteFrom: '2023-08-21',
          onSiteUntil: '2023-08-25',
          phase: 'PREPARATION',
        },
      ],
    });
  });

  it('edits the plan only at the version read, and never out of the reach of a unit window', async () => {
    const stale = await mutate(t, office, 'updateInspectionRound', {
      roundId,
      expectedVersion: 7,
      planDocumentNumber: 'X',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', currentVersion: 1 } });
    const narrowed = await mutate(t, office, 'updateInspectionRound', {
      roundId,
      expectedVersion: 1,
      periodEnd: '2023-08-22',
    });
    expect(narrowed).toMatchObject({ ok: false, error: { code: 'INSPECTION_ROUND_PERIOD_EXCLUDES_TARGET' } });
    const edited = await mustMutate<{ round: { version: number; planDocumentNumber: string } }>(
      t,
      office,
      'updateInspectionRound',
      { roundId, expectedVersion: 1, planDocumentNumber: '浦环党[2023]39号' },
      'round { version planDocumentNumber }',
    );
    expect(edited.round).toEqual({ version: 2, planDocumentNumber: '浦环党[2023]39号' });
  });

  it('plans about a week on site inside the round; only the group extends it, with a reason', async () => {
    const tooLong = await mutate(t, office, 'addInspectionTarget', {
      roundId,
      agencyId: agencyIdOf('greening-centre'),
      onSiteFrom: '2023-09-04',
      onSiteUntil: '2023-09-12',
    });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'INSPECTION_TARGET_WINDOW_TOO_LONG', fieldErrors: [{ field: 'onSiteUntil' }] },
    });
    const outside = await mutate(t, office, 'addInspectionTarget', {
      roundId,
      agencyId: agencyIdOf('greening-centre'),
      onSiteFrom: '2023-10-30',
      onSiteUntil: '2023-11-03',
    });
    expect(outside.error?.code).toBe('INSPECTION_TARGET_WINDOW_OUTSIDE_ROUND');
    const twice = await mutate(t, office, 'addInspectionTarget', { roundId, agencyId: wasteCentre });
    expect(twice.error?.code).toBe('INSPECTION_TARGET_ALREADY_IN_ROUND');

    const extension = {
      targetId: target.id,
      until: '2023-08-29',
      reason: '招投标资料需补充核查',
      decidedOn: '2023-08-18',
    };
    const notInGroup = await mutate(t, office, 'extendOnSiteWindow', {
      ...extension,
      decidedById: personIdOf('xue-jialiang'),
    });
    expect(notInGroup).toMatchObject({
      ok: false,
      error: { code: 'INSPECTION_TARGET_DECIDER_NOT_IN_GROUP', fieldErrors: [{ field: 'decidedById' }] },
    });
    const extended = await mustMutate<{
      target: Target & { originallyPlannedUntil: string; windowExtensions: unknown[] };
    }>(
      t,
      office,
      'extendOnSiteWindow',
      { ...extension, decidedById: personIdOf('kang-yongliang'), expectedVersion: target.version },
      `${TARGET} target { originallyPlannedUntil windowExtensions { previousUntil newUntil reason decidedBy { name } decidedOn } }`,
    );
    expect(extended.target).toMatchObject({
      onSiteUntil: '2023-08-29',
      originallyPlannedUntil: '2023-08-25',
      windowExtensions: [
        {
          previousUntil: '2023-08-25',
          newUntil: '2023-08-29',
          reason: '招投标资料需补充核查',
          decidedBy: { name: '康永良' },
          decidedOn: '2023-08-18',
        },
      ],
    });
    target = extended.target;
  });

  it('refuses illegal transitions with a code, and goes on site only after the notice and a week of public notice', async () => {
    expect((await advance('SUMMARY', '2023-08-21')).error).toMatchObject({
      code: 'INSPECTION_PHASE_TRANSITION_NOT_ALLOWED',
      fieldErrors: [{ field: 'to' }],
    });
    expect((await advance('ON_SITE', '2023-08-21')).error?.code).toBe('INSPECTION_UNIT_NOT_NOTIFIED');
    await mustMutate(t, office, 'notifyInspectedUnit', {
      targetId: target.id,
      notifiedOn: '2023-08-10',
      reference: '巡察通知',
    });
    await mustMutate(t, office, 'recordPublicNotice', { targetId: target.id, postedOn: '2023-08-16' });
    expect((await advance('ON_SITE', '2023-08-21')).error?.code).toBe('INSPECTION_PUBLIC_NOTICE_TOO_LATE');
    await mustMutate(t, office, 'recordPublicNotice', { targetId: target.id, postedOn: '2023-08-14' });
    await mustMutate(t, office, 'planTargetPhases', {
      targetId: target.id,
      phases: [{ phase: 'SUMMARY', plannedStart: '2023-08-30', plannedEnd: '2023-09-22' }],
    });

    const stale = await mutate(t, office, 'advanceTargetPhase', {
      targetId: target.id,
      to: 'ON_SITE',
      on: '2023-08-21',
      expectedVersion: 1,
    });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', currentVersion: await targetVersion() });

    const onSite = await advance('ON_SITE', '2023-08-21');
    expect(onSite.ok).toBe(true);
    target = onSite.target;
    expect(target.phase).toBe('ON_SITE');
    expect(target.phases).toEqual([
      {
        phase: 'PREPARATION',
        plannedStart: null,
        plannedEnd: null,
        actualStart: '2023-08-01',
        actualEnd: '2023-08-21',
        current: false,
      },
      {
        phase: 'ON_SITE',
        plannedStart: '2023-08-21',
        plannedEnd: '2023-08-29',
        actualStart: '2023-08-21',
        actualEnd: null,
        current: true,
      },
      {
        phase: 'SUMMARY',
        plannedStart: '2023-08-30',
        plannedEnd: '2023-09-22',
        actualStart: null,
        actualEnd: null,
        current: false,
      },
      {
        phase: 'RECTIFICATION_SUPERVISION',
        plannedStart: null,
        plannedEnd: null,
        actualStart: null,
        actualEnd: null,
        current: false,
      },
      {
        phase: 'CLOSED',
        plannedStart: null,
        plannedEnd: null,
        actualStart: null,
        actualEnd: null,
        current: false,
      },
    ]);
    // The notice stays up throughout the visit.
    const removed = await mutate(t, office, 'recordPublicNotice', {
      targetId: target.id,
      postedOn: '2023-08-14',
      removedOn: '2023-08-24',
    });
    expect(removed.error?.code).toBe('INSPECTION_PUBLIC_NOTICE_REMOVED_DURING_VISIT');
    expect((await advance('SUMMARY', '2023-08-30')).error?.code).toBe(
      'INSPECTION_MOBILISATION_MEETING_MISSING',
    );
  });

  it('refuses a mobilisation meeting where ordinary staff are under half of attendees, recording nothing', async () => {
    const under = await mutate(t, office, 'recordMobilisationMeeting', {
      targetId: target.id,
      heldOn: '2023-08-21',
      attendance: {
        leadershipMembers: 5,
        middleManagers: 12,
        democraticPartyRepresentatives: 3,
        ordinaryStaff: 19,
      },
    });
    expect(under).toMatchObject({
      ok: false,
      error: {
        code: 'MOBILISATION_ORDINARY_STAFF_BELOW_HALF',
        fieldErrors: [
          { field: 'attendance.ordinaryStaff', message: '19 of 39 attendees (48.72%); at least 20 needed' },
        ],
      },
    });
    const none = await t.gql<{ inspectionTarget: { mobilisationMeeting: unknown } }>(
      office,
      'query($id: ID!) { inspectionTarget(id: $id) { mobilisationMeeting { id } } }',
      { id: target.id },
    );
    expect(none.data!.inspectionTarget.mobilisationMeeting).toBeNull();

    const held = await mustMutate<{ activity: Record<string, unknown> }>(
      t,
      office,
      'recordMobilisationMeeting',
      {
        targetId: target.id,
        heldOn: '2023-08-21',
        attendance: {
          leadershipMembers: 5,
          middleManagers: 12,
          democraticPartyRepresentatives: 3,
          ordinaryStaff: 20,
        },
      },
      'activity { kind heldOn ... on MobilisationMeeting { attendance { total ordinaryStaff ordinaryStaffShare meetsOrdinaryStaffRule } } }',
    );
    expect(held.activity).toEqual({
      kind: 'MOBILISATION_MEETING',
      heldOn: '2023-08-21',
      attendance: { total: 40, ordinaryStaff: 20, ordinaryStaffShare: 0.5, meetsOrdinaryStaffRule: true },
    });
    const again = await mutate(t, office, 'recordMobilisationMeeting', {
      targetId: target.id,
      heldOn: '2023-08-22',
      attendance: {
        leadershipMembers: 1,
        middleManagers: 0,
        democraticPartyRepresentatives: 0,
        ordinaryStaff: 1,
      },
    });
    expect(again.error?.code).toBe('MOBILISATION_MEETING_ALREADY_RECORDED');
  });

  it('summarises the satisfaction survey per unit from the individual answers, never more answers than attendees', async () => {
    const levels = [
      ['SATISFIED', 'SATISFIED'],
      ['SATISFIED', 'BASICALLY_SATISFIED'],
      ['BASICALLY_SATISFIED', 'DISSATISFIED'],
      ['DISSATISFIED', 'SATISFIED'],
      ['SATISFIED', 'SATISFIED'],
      ['SATISFIED', 'DISSATISFIED'],
    ];
    const recorded = await mustMutate<{ recorded: number }>(
      t,
      office,
      'recordSurveyResponses',
      {
        targetId: target.id,
        responses: levels.map(([staff, leadership], i) => ({
          respondentGroup: i % 2 ? 'ORDINARY_STAFF' : null,
          staffSatisfaction: staff,
          leadershipSatisfaction: leadership,
        })),
      },
      'recorded',
    );
    expect(recorded.recorded).toBe(6);
    const tooMany = await mutate(t, office, 'recordSurveyResponses', {
      targetId: target.id,
      responses: Array.from({ length: 35 }, () => ({
        staffSatisfaction: 'SATISFIED',
        leadershipSatisfaction: 'SATISFIED',
      })),
    });
    expect(tooMany).toMatchObject({
      ok: false,
      error: {
        code: 'SURVEY_RESPONSES_EXCEED_ATTENDEES',
        fieldErrors: [{ message: '6 recorded + 35 new > 40 attendees' }],
      },
    });

    const summary = await t.gql<{ inspectionTarget: { surveySummary: unknown } }>(
      office,
      `query($id: ID!) { inspectionTarget(id: $id) { surveySummary { attendees responses responseRate
        staffSatisfaction { satisfied basicallySatisfied dissatisfied satisfactionRate }
        leadershipSatisfaction { satisfied basicallySatisfied dissatisfied satisfactionRate } } } }`,
      { id: target.id },
    );
    expect(summary.data!.inspectionTarget.surveySummary).toEqual({
      attendees: 40,
      responses: 6,
      responseRate: 0.15,
      staffSatisfaction: { satisfied: 4, basicallySatisfied: 1, dissatisfied: 1, satisfactionRate: 0.8333 },
      leadershipSatisfaction: {
        satisfied: 3,
        basicallySatisfied: 1,
        dissatisfied: 2,
        satisfactionRate: 0.6667,
      },
    });
  });

  it("keeps interviews to the round's inspection group: anyone else gets nothing, not even that one took place", async () => {
    const byClerk = await mutate(t, clerk, 'recordInterview', {
      targetId: target.id,
      heldOn: '2023-08-22',
      intervieweeName: '某科长',
      intervieweeRole: 'MIDDLE_MANAGER',
      notes: 'x',
    });
    expect(byClerk.error?.code).toBe('FORBIDDEN');
    const recorded = await mustMutate<{ activity: { notes: string } }>(
      t,
      office,
      'recordInterview',
      {
        targetId: target.id,
        heldOn: '2023-08-22',
        intervieweeName: '废管中心副主任',
        intervieweeRole: 'LEADERSHIP_MEMBER',
        notes: '反映中转站转运项目两次续签未上会。',
      },
      'activity { kind ... on Interview { notes } }',
    );
    expect(recorded.activity).toEqual({ kind: 'INTERVIEW', notes: '反映中转站转运项目两次续签未上会。' });
    await mustMutate(t, office, 'recordDocumentReview', {
      targetId: target.id,
      heldOn: '2023-08-23',
      documents: ['2022年度招投标项目台账', '党组织会议纪要'],
    });

    const query = `query($id: ID!) { inspectionTarget(id: $id) {
      interviews { intervieweeName notes }
      activities { kind ... on Interview { notes } }
      round { viewerIsGroupMember } } }`;
    for (const member of [office, leader]) {
      const seen = await t.gql<{
        inspectionTarget: { interviews: unknown[]; activities: { kind: string }[] };
      }>(member, query, { id: target.id });
      expect(seen.data!.inspectionTarget.interviews).toEqual([
        { intervieweeName: '废管中心副主任', notes: '反映中转站转运项目两次续签未上会。' },
      ]);
      expect(seen.data!.inspectionTarget.activities.map((a) => a.kind)).toEqual([
        'MOBILISATION_MEETING',
        'INTERVIEW',
        'DOCUMENT_REVIEW',
      ]);
    }
    for (const outsider of [clerk, deputyChief]) {
      const seen = await t.gql(outsider, query, { id: target.id });
      expect(seen.errors).toBeUndefined();
      expect(seen.data).toEqual({
        inspectionTarget: {
          interviews: [],
          activities: [{ kind: 'MOBILISATION_MEETING' }, { kind: 'DOCUMENT_REVIEW' }],
          round: { viewerIsGroupMember: false },
        },
      });
    }
    const partner = await t.gql(zhuqiao, query, { id: target.id });
    expect(partner.data).toEqual({ inspectionTarget: null });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entities = await postGraphQL(t.stack.subgraphs.inspections.url, {
      query:
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on InspectionTarget { id interviews { notes } } } }',
      variables: { r: [{ __typename: 'InspectionTarget', id: target.id }] },
      headers: { 'x-eco-gateway-token': await t.gatewayTokenFor('demo-zhuqiao') },
    });
    expect(entities.data).toEqual({ _entities: [null] });
  });

  it('records findings against the unit by category, with severity and evidence; refers only a serious one', async () => {
    const serious = await mustMutate<{ finding: { id: string; number: string; version: number } }>(
      t,
      office,
      'recordFinding',
      {
        roundId,
        targetAgencyId: wasteCentre,
        category: '单位内控、招投标制度执行情况和预算执行情况等',
        title: '中转站转运项目未经公开招投标续签',
        description: '张江中转站生活垃圾转运项目协议到期后，未经上会和公开招投标，两次续签合同。',
        severity: 'SERIOUS',
        evidence: ['续签合同两份', '2022年度招投标项目台账'],
      },
      'finding { id number version }',
    );
    findings.serious = serious.finding.id;
    const general = await mustMutate<{ finding: { id: string } }>(
      t,
      office,
      'recordFinding',
      {
        roundId,
        targetAgencyId: wasteCentre,
        category: '中央八项规定精神落实情况',
        title: '公务用车台账不全',
        description: '加油卡使用台账缺失。',
      },
      'finding { id }',
    );
    findings.general = general.finding.id;
    expect(
      (
        await mutate(t, office, 'recordFinding', {
          roundId,
          targetAgencyId: agencyIdOf('greening-centre'),
          title: 'x',
          description: 'y',
        })
      ).error?.code,
    ).toBe('FINDING_TARGET_NOT_IN_ROUND');
    expect(
      (
        await mutate(t, office, 'referFindingToDiscipline', {
          findingId: findings.general,
          referredOn: '2023-08-25',
        })
      ).error?.code,
    ).toBe('FINDING_NOT_SERIOUS');
    const referred = await mustMutate<{ finding: Record<string, unknown> }>(
      t,
      office,
      'referFindingToDiscipline',
      {
        findingId: findings.serious,
        expectedVersion: serious.finding.version,
        referredOn: '2023-08-25',
        note: '涉嫌违规续签',
      },
      'finding { severity evidence disciplineReferral { referredOn note referredBy { name } } target { id } }',
    );
    expect(referred.finding).toEqual({
      severity: 'SERIOUS',
      evidence: ['续签合同两份', '2022年度招投标项目台账'],
      disciplineReferral: {
        referredOn: '2023-08-25',
        note: '涉嫌违规续签',
        referredBy: { name: '整改办（演示）' },
      },
      target: { id: target.id },
    });
    expect((await mutate(t, office, 'confirmFinding', { findingId: findings.general })).error?.code).toBe(
      'FINDING_CONFIRMED_BY_FEEDBACK',
    );
  });

  it('confirms the findings in the written feedback, with the plan and report deadlines counted by the calendar', async () => {
    target = (await advance('SUMMARY', '2023-08-30')).target;
    expect((await advance('RECTIFICATION_SUPERVISION', '2023-09-22')).error?.code).toBe(
      'INSPECTION_FEEDBACK_NOT_ISSUED',
    );
    const issued = await mustMutate<{ target: Target; feedback: Record<string, any> }>(
      t,
      office,
      'issueUnitFeedback',
      {
        targetId: target.id,
        expectedVersion: target.version,
        issuedOn: '2023-09-22',
        title: '关于对废管中心巡察情况的反馈意见',
        content: '巡察发现以下问题……请于收到反馈意见后2周内报送整改方案，2个月内报送整改情况报告。',
        findingIds: [findings.serious, findings.general],
      },
      `${TARGET} feedback { id issuedOn planDueAt reportDueAt findings { id status confirmedAt }
         deadlines { kind dueAt explanation explanationEn provisional } }`,
    );
    feedbackId = issued.feedback.id;
    expect(issued.target.phase).toBe('RECTIFICATION_SUPERVISION');
    expect(issued.target.phases.find((p) => p.phase === 'SUMMARY')).toMatchObject({
      actualStart: '2023-08-30',
      actualEnd: '2023-09-22',
    });
    expect(issued.feedback).toMatchObject({
      issuedOn: '2023-09-22',
      // Two weeks: Friday 10-06 is in the National Day holiday; Saturday 10-07 is a working day (调休).
      planDueAt: '2023-10-07T09:30:00.000Z',
      reportDueAt: '2023-11-22T09:30:00.000Z',
      findings: [{ status: 'CONFIRMED' }, { status: 'CONFIRMED' }],
    });
    expect(issued.feedback.deadlines.map((d: { kind: string; dueAt: string }) => [d.kind, d.dueAt])).toEqual([
      ['PLAN', '2023-10-07T09:30:00.000Z'],
      ['REPORT', '2023-11-22T09:30:00.000Z'],
    ]);
    expect(issued.feedback.deadlines[0].explanation).toContain('国庆');

    const events = await inspectionsOutbox(t);
    const subjects = events.map((e) => e.subject);
    expect(subjects.filter((s) => s === 'inspections.finding.confirmed.v1')).toHaveLength(2);
    // The findings' events precede the feedback's, in the same transaction.
    expect(subjects.lastIndexOf('inspections.finding.confirmed.v1')).toBeLessThan(
      subjects.indexOf('inspections.feedback.issued.v1'),
    );
    expect(events.find((e) => e.subject === 'inspections.feedback.issued.v1')!.payload).toMatchObject({
      feedbackId,
      targetAgencyId: wasteCentre,
      issuedOn: '2023-09-22',
      planDueAt: '2023-10-07T09:30:00.000Z',
      reportDueAt: '2023-11-22T09:30:00.000Z',
    });
  });

  it('in rectification: each confirmed finding opens a problem, and the feedback a campaign with the same deadlines', async () => {
    const status = await waitFor('the problems opened from the findings', async () => {
      const response = await t.gql<{
        finding: { rectificationStatus: string | null; problem: { id: string } | null };
      }>(
        office,
        'query($id: ID!) { finding(id: $id) { rectificationStatus problem { id responsibleDepartment { name } } } }',
        { id: findings.serious },
      );
      return response.data?.finding.problem ? response.data.finding : undefined;
    });
    expect(status).toMatchObject({
      rectificationStatus: 'OPEN',
      problem: { responsibleDepartment: { name: '废管中心' } },
    });

    const campaign = await waitFor('the campaign opened from the feedback', async () => {
      const response = await t.gql<{ rectificationCampaign: Record<string, any> | null }>(
        office,
        `query($id: ID!) { rectificationCampaign(id: $id) { sourceKind name reportReceivedOn planDueAt reportDueAt
          problems { sourceFinding { id } } } }`,
        { id: feedbackId },
      );
      const found = response.data?.rectificationCampaign;
      return found && found.problems.length === 2 ? found : undefined;
    });
    expect(campaign).toMatchObject({
      sourceKind: 'INTERNAL_INSPECTION',
      name: '关于对废管中心巡察情况的反馈意见',
      reportReceivedOn: '2023-09-22',
      planDueAt: '2023-10-07T09:30:00.000Z',
      reportDueAt: '2023-11-22T09:30:00.000Z',
    });
    expect(
      campaign.problems.map((p: { sourceFinding: { id: string } }) => p.sourceFinding.id).sort(),
    ).toEqual([findings.serious, findings.general].sort());
  });

  it('in rectification: a site visit that finds false rectification reopens the problem', async () => {
    const visit = await mustMutate<{ activity: Record<string, unknown> }>(
      t,
      office,
      'recordSiteVisit',
      {
        targetId: target.id,
        heldOn: '2023-11-02',
        site: '张江中转站',
        checks: [
          { findingId: findings.general, result: 'RECTIFIED' },
          {
            findingId: findings.serious,
            result: 'FALSE_RECTIFICATION',
            note: '补签的招标材料系事后编制，转运仍由原单位承担',
          },
        ],
      },
      'activity { kind ... on SiteVisit { site checks { finding { id } result note } } }',
    );
    expect(visit.activity).toMatchObject({
      kind: 'SITE_VISIT',
      checks: [
        { finding: { id: findings.general }, result: 'RECTIFIED' },
        { finding: { id: findings.serious }, result: 'FALSE_RECTIFICATION' },
      ],
    });
    const reopened = await waitFor('the problem reopened', async () => {
      const response = await t.gql<{
        finding: {
          rectificationStatus: string;
          problem: { closeoutHistory: { kind: string; reason: string }[] };
        };
      }>(
        office,
        'query($id: ID!) { finding(id: $id) { rectificationStatus problem { closeoutHistory { kind reason } } } }',
        { id: findings.serious },
      );
      return response.data?.finding.rectificationStatus === 'REOPENED' ? response.data.finding : undefined;
    });
    expect(reopened.problem.closeoutHistory).toEqual([
      {
        kind: 'REOPENED',
        reason: '回头看发现虚假整改：张江中转站：补签的招标材料系事后编制，转运仍由原单位承担',
      },
    ]);
    const other = await t.gql<{ finding: { rectificationStatus: string } }>(
      office,
      'query($id: ID!) { finding(id: $id) { rectificationStatus } }',
      {
        id: findings.general,
      },
    );
    expect(other.data!.finding.rectificationStatus).toBe('OPEN');
  });

  it('closes the unit once its rectification is checked, and the round once its report went to the Party group', async () => {
    expect(
      (await mutate(t, office, 'closeInspectionRound', { roundId, closedOn: '2023-12-20' })).error?.code,
    ).toBe('INSPECTION_ROUND_REPORT_MISSING');
    await mustMutate(t, office, 'submitRoundReport', {
      roundId,
      submittedOn: '2023-10-31',
      title: '区生态环境局2023年内部巡察情况报告',
      summary: '对6个基层单位开展巡察，发现问题……',
    });
    expect(
      (await mutate(t, office, 'closeInspectionRound', { roundId, closedOn: '2023-12-20' })).error?.code,
    ).toBe('INSPECTION_ROUND_TARGETS_NOT_CLOSED');
    expect((await advance('CLOSED', '2023-12-15')).error?.code).toBe(
      'INSPECTION_RECTIFICATION_CHECK_MISSING',
    );
    const checked = await mustMutate<{ target: { rectificationCheck: Record<string, unknown> } }>(
      t,
      office,
      'recordRectificationCheck',
      {
        targetId: target.id,
        planReceivedOn: '2023-10-08',
        reportReceivedOn: '2023-11-20',
        checkedOn: '2023-12-12',
        conclusion: '整改基本到位；虚假整改问题已移交。',
        assessmentNote: '纳入年度考核',
      },
      'target { rectificationCheck { planReceivedOn planOnTime reportReceivedOn reportOnTime checkedOn conclusion assessmentNote } }',
    );
    expect(checked.target.rectificationCheck).toEqual({
      planReceivedOn: '2023-10-08',
      planOnTime: false,
      reportReceivedOn: '2023-11-20',
      reportOnTime: true,
      checkedOn: '2023-12-12',
      conclusion: '整改基本到位；虚假整改问题已移交。',
      assessmentNote: '纳入年度考核',
    });
    expect((await advance('CLOSED', '2023-12-15')).target.phase).toBe('CLOSED');

    const closed = await mustMutate<{
      round: { status: string; closedOn: string; report: Record<string, unknown> };
    }>(
      t,
      office,
      'closeInspectionRound',
      { roundId, closedOn: '2023-12-20' },
      'round { status closedOn report { addressedTo submittedOn } }',
    );
    expect(closed.round).toEqual({
      status: 'CLOSED',
      closedOn: '2023-12-20',
      report: { addressedTo: '局党组', submittedOn: '2023-10-31' },
    });
    expect((await mutate(t, office, 'updateInspectionRound', { roundId, name: 'x' })).error?.code).toBe(
      'INSPECTION_ROUND_CLOSED',
    );

    const published = await waitFor('the round-closed event published to JetStream', async () => {
      const event = (await inspectionsOutbox(t)).find((e) => e.subject === 'inspections.round.closed.v1');
      return event?.published ? event : undefined;
    });
    expect(published.payload).toEqual({
      roundId,
      roundName: '2023年内部巡察（测试）',
      year: 2023,
      closedOn: '2023-12-20',
      targetAgencyIds: [wasteCentre],
      confirmedFindings: 2,
      findingsReferredToDiscipline: 1,
    });
  });

  it('replaying the feedback event in rectification changes nothing', async () => {
    const event = (await inspectionsOutbox(t)).find((e) => e.subject === 'inspections.feedback.issued.v1')!;
    const [envelope] = await t.stack.subgraphs.inspections.runtime.dataSource.query(
      `SELECT envelope FROM inspections.outbox WHERE subject = 'inspections.feedback.issued.v1' AND envelope::text LIKE $1`,
      [`%${event.payload.feedbackId as string}%`],
    );
    await expect(
      t.stack.subgraphs.rectification.consumer.replay('open-campaign-from-feedback', envelope.envelope),
    ).resolves.toBe('duplicate');
  });
});
