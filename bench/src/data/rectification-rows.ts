import { randomUUID } from 'node:crypto';
import type { Principal } from '@eco/auth';
import { localDateOf, shanghaiInstant } from '@eco/calendar';
import { measureAssignedV1 } from '@eco/events';
import type { DatasetBuilder } from './dataset';
import type { Directory } from './directory-rows';
import { recordHistoricalEvent } from './event-history';
import type { ConfirmedFinding } from './inspection-rows';

export interface PlannedMeasure {
  id: string;
  problemId: string;
  findingId: string | null;
  text: string;
  responsibleAgencyId: string;
  coordinating: string[];
  dueAt: Date | null;
  createdAt: Date;
}

export interface Rectification {
  measures: PlannedMeasure[];
  /** The campaign with the most problems: the dashboard reads it. */
  largestCampaignId: string;
}

interface PlannedProblem {
  id: string;
  campaignId: string;
  number: number;
  sourceNumber: string | null;
  aspect: string;
  title: string;
  description: string;
  leadLeaderId: string;
  departmentId: string;
  coordinating: string[];
  sourceFindingId: string | null;
  openedAt: Date;
  measures: PlannedMeasure[];
}

const ASPECTS = [
  '贯彻落实党中央决策部署方面',
  '落实全面从严治党责任方面',
  '生态环境保护责任落实方面',
  '落实中央八项规定精神方面',
  '领导班子和干部队伍建设方面',
  '基层党组织建设方面',
  '巡视巡察整改方面',
  '财务和资产管理方面',
];
const MEASURE_TEXTS = [
  '开展专项排查，建立问题清单和整改台账',
  '修订完善内部管理制度，规范审批流程',
  '组织专题学习和警示教育',
  '会同属地街镇开展联合执法检查',
  '对相关责任人进行约谈提醒',
  '建立长效监管机制，定期开展回头看',
  '完成现场整治并组织验收',
  '加强日常巡查，发现问题及时处置',
];
const MUNICIPAL_SOURCES = [
  '市委第二巡视组巡视浦东新区情况反馈意见',
  '市生态环境保护督察反馈意见',
  '区委巡察反馈意见',
];
/** A reporting Wednesday (seed 003: weekly reports from 2023-09-13); others are whole weeks after it. */
const FIRST_REPORTING_WEDNESDAY = '2023-09-13';
const WEEK_MS = 7 * 86_400_000;

function wednesdayAfter(weeks: number): string {
  return localDateOf(shanghaiInstant(FIRST_REPORTING_WEDNESDAY, '12:00').getTime() + weeks * WEEK_MS);
}

/**
 * Campaigns, problems (most from confirmed findings), measures (about three per problem, as seed
 * 004's 186 for 64) and their timelines, close-outs, weekly reports and accountability records.
 */
export function buildRectification(
  b: DatasetBuilder,
  directory: Directory,
  findings: ConfirmedFinding[],
  inboxAgencyId: string,
  minimumInboxTasks: number,
): Rectification {
  const { random } = b;
  const office = directory.rectificationOffice;
  const campaigns = b.table('rectification.campaigns');
  const campaignProblems = new Map<string, PlannedProblem[]>();

  const addCampaign = (kind: string, title: string, year: number): string => {
    const id = randomUUID();
    const weeklyStart = random.chance(0.8) ? wednesdayAfter(random.int(-100, 100)) : null;
    campaigns.push({
      id,
      name: `${year}年${title}整改工作`,
      source_kind: kind,
      source_title: title,
      period_start: `${year}-03-01`,
      period_end: `${year}-12-31`,
      office_agency_id: office.agencyId,
      leading_group: directory.leaders.map((leader, i) => ({
        name: leader.name,
        role: i === 0 ? 'LEADER' : 'DEPUTY',
        personId: leader.personId,
      })),
      report_received_on: `${year}-02-${String(random.int(10, 28)).padStart(2, '0')}`,
      weekly_reports_start_on: weeklyStart,
      created_at: new Date(`${year}-02-28T01:00:00Z`),
    });
    campaignProblems.set(id, []);
    return id;
  };

  // One internal-inspection campaign per round year; its problems come from the confirmed findings.
  const campaignOfRound = new Map<string, string>();
  for (const finding of findings) {
    if (!campaignOfRound.has(finding.roundId)) {
      campaignOfRound.set(
        finding.roundId,
        addCampaign('INTERNAL_INSPECTION', '区生态环境局党组巡察反馈意见', finding.year),
      );
    }
  }
  const otherCampaigns = Array.from({ length: b.count(21, 2) }, (_, i) =>
    addCampaign(
      i % 3 === 2 ? 'AUDIT' : 'MUNICIPAL_INSPECTION',
      i % 3 === 2 ? '经济责任审计报告' : random.pick(MUNICIPAL_SOURCES),
      2019 + (i % 7),
    ),
  );

  const problems: PlannedProblem[] = [];
  const planProblem = (campaignId: string, finding: ConfirmedFinding | null): void => {
    const siblings = campaignProblems.get(campaignId)!;
    const department = finding
      ? directory.departments.find((d) => d.id === finding.targetAgencyId)!
      : random.pick(directory.departments);
    const openedAt = finding
      ? b.later(finding.confirmedAt, 1, 72)
      : b.instantBetween(new Date('2019-03-01'), new Date());
    const coordinating = random.chance(0.45)
      ? directory.partnerPool.drawDistinct(random, random.int(1, 3)).map((a) => a.id)
      : [];
    const title = finding?.title ?? `${department.name}${random.pick(MEASURE_TEXTS).slice(0, 8)}不到位`;
    const problem: PlannedProblem = {
      id: randomUUID(),
      campaignId,
      number: siblings.length + 1,
      sourceNumber: finding ? null : String(random.int(1, 120)),
      aspect: random.pick(ASPECTS),
      title,
      description: finding?.description ?? `${title}，整改责任未完全压实，需制定措施限期整改。`,
      leadLeaderId: random.pick(directory.leaders).personId,
      departmentId: department.id,
      coordinating,
      sourceFindingId: finding?.id ?? null,
      openedAt,
      measures: [],
    };
    const measureCount = random.weighted([
      [1, 15],
      [2, 25],
      [3, 25],
      [4, 20],
      [5, 10],
      [6, 5],
    ] as const);
    for (let m = 0; m < measureCount; m += 1) {
      const createdAt = b.later(openedAt, 1, 240);
      const dueOn = localDateOf(b.later(createdAt, 24 * 20, 24 * 300, new Date('2026-12-31')));
      const dated = random.chance(0.75);
      problem.measures.push({
        id: randomUUID(),
        problemId: problem.id,
        findingId: problem.sourceFindingId,
        text: `${random.pick(MEASURE_TEXTS)}（${problem.number}.${m + 1}）`,
        responsibleAgencyId: department.id,
        coordinating:
          coordinating.length > 0 && random.chance(0.75)
            ? random.sample(coordinating, random.int(1, coordinating.length))
            : [],
        dueAt: dated ? shanghaiInstant(dueOn, b.calendar.dateDeadlineTime) : null,
        createdAt,
      });
    }
    siblings.push(problem);
    problems.push(problem);
  };
  for (const finding of findings) planProblem(campaignOfRound.get(finding.roundId)!, finding);
  for (let i = b.count(900, 10); i > 0; i -= 1) planProblem(random.pick(otherCampaigns), null);

  // The benchmarked inbox needs more than a 200-row page, at any scale.
  const measures = problems.flatMap((p) => p.measures);
  let inboxLoad = measures.filter((m) => m.coordinating.includes(inboxAgencyId)).length;
  for (const measure of random.sample(measures, measures.length)) {
    if (inboxLoad >= minimumInboxTasks) break;
    if (measure.coordinating.includes(inboxAgencyId)) continue;
    measure.coordinating.push(inboxAgencyId);
    inboxLoad += 1;
  }

  writeProblems(b, directory, problems);
  let largestCampaignId = otherCampaigns[0]!;
  for (const [id, list] of campaignProblems) {
    if (list.length > campaignProblems.get(largestCampaignId)!.length) largestCampaignId = id;
  }
  writeWeeklyReports(b, directory, campaigns, campaignProblems);
  return { measures, largestCampaignId };
}

function writeProblems(b: DatasetBuilder, directory: Directory, problems: PlannedProblem[]): void {
  const { random } = b;
  const office = directory.rectificationOffice;
  const problemRows = b.table('rectification.problems', ['rectification.campaigns']);
  const measureRows = b.table('rectification.measures', ['rectification.problems']);
  const updates = b.table('rectification.measure_updates', ['rectification.measures']);
  const closeouts = b.table('rectification.problem_closeouts', ['rectification.problems']);
  const plans = b.table('rectification.measure_follow_up_plans', ['rectification.measures']);
  const accountability = b.table('rectification.accountability_records', ['rectification.problems']);
  const grants = b.table('inspections.finding_grants', ['inspections.findings']);
  const granted = new Set<string>();

  const timeline = (
    measureId: string,
    kind: string,
    at: Date,
    actor: Principal,
    extra: Record<string, unknown> = {},
  ) =>
    updates.push({
      id: randomUUID(),
      measure_id: measureId,
      kind,
      note: null,
      actor_person_id: actor.personId,
      actor_name: actor.name,
      actor_agency_id: actor.agencyId,
      evidence: [],
      at,
      ...extra,
    });

  for (const problem of problems) {
    const visible = new Set([...problem.coordinating, ...problem.measures.flatMap((m) => m.coordinating)]);
    problemRows.push({
      id: problem.id,
      campaign_id: problem.campaignId,
      number: String(problem.number),
      source_number: problem.sourceNumber,
      aspect: problem.aspect,
      title: problem.title,
      description: problem.description,
      lead_leader_id: problem.leadLeaderId,
      responsible_department_id: problem.departmentId,
      coordinating_agency_ids: problem.coordinating,
      visible_to_agency_ids: [...visible],
      source_finding_id: problem.sourceFindingId,
      opened_at: problem.openedAt,
    });
    const clerk = random.pick(directory.staffOf.get(problem.departmentId) ?? [office]);
    let allAccepted = true;
    let lastAcceptedAt = problem.openedAt;
    let anyCompleted = false;
    problem.measures.forEach((measure, index) => {
      const status = random.weighted([
        ['COMPLETED', 55],
        ['IN_PROGRESS', 35],
        ['NOT_STARTED', 10],
      ] as const);
      const verification =
        status === 'COMPLETED'
          ? random.weighted([
              ['ACCEPTED', 70],
              ['SUBMITTED', 15],
              ['RETURNED', 5],
              ['NONE', 10],
            ] as const)
          : 'NONE';
      const deadlineKind = measure.dueAt
        ? random.weighted([
            ['DATE', 70],
            ['MONTH_END', 25],
            ['DATE_RANGE', 5],
          ] as const)
        : random.weighted([
            ['LONG_TERM', 85],
            ['NONE', 15],
          ] as const);
      const dueOn = measure.dueAt ? localDateOf(measure.dueAt) : null;
      const label =
        deadlineKind === 'LONG_TERM'
          ? '长期坚持'
          : deadlineKind === 'NONE'
            ? '已完成'
            : deadlineKind === 'MONTH_END'
              ? `${Number(dueOn!.slice(5, 7))}月底`
              : `${dueOn}前`;
      const startedAt = b.later(measure.createdAt, 24, 24 * 30);
      const completedAt = status === 'COMPLETED' ? b.later(startedAt, 24 * 5, 24 * 200) : null;
      measureRows.push({
        id: measure.id,
        problem_id: problem.id,
        sequence: String(index + 1),
        text: measure.text,
        responsible_agency_id: measure.responsibleAgencyId,
        coordinating_agency_ids: measure.coordinating,
        deadline_kind: deadlineKind,
        starts_on: deadlineKind === 'DATE_RANGE' ? localDateOf(measure.createdAt) : null,
        due_on: dueOn,
        deadline_label: label,
        due_at: measure.dueAt,
        status,
        evidence_notes:
          status === 'COMPLETED' && random.chance(0.3)
            ? [`立案号 ${random.int(20230000000, 20259999999)}`]
            : [],
        verification,
        completed_at: completedAt,
        created_at: measure.createdAt,
      });

      timeline(measure.id, 'CREATED', measure.createdAt, office);
      if (measure.coordinating.length > 0) {
        timeline(measure.id, 'ASSIGNED_TO_AGENCIES', measure.createdAt, office);
        const dependsOnFinding = measure.findingId !== null;
        recordHistoricalEvent(b, {
          producer: 'rectification',
          contract: measureAssignedV1,
          payload: {
            measureId: measure.id,
            problemId: problem.id,
            sourceFindingId: measure.findingId,
            agencyIds: measure.coordinating,
            title: measure.text,
            dueAt: measure.dueAt?.toISOString() ?? null,
          },
          occurredAt: measure.createdAt,
          actor: office,
          consumers: [
            { schema: 'agencies', consumer: 'agencies--open-tasks-for-measure' },
            { schema: 'inspections', consumer: 'inspections--grant-finding-to-agencies' },
          ],
        });
        if (dependsOnFinding) {
          for (const agencyId of measure.coordinating) {
            const key = `${measure.findingId}|${agencyId}`;
            if (granted.has(key)) continue;
            granted.add(key);
            grants.push({
              finding_id: measure.findingId,
              agency_id: agencyId,
              granted_at: measure.createdAt,
            });
          }
        }
      }
      if (status !== 'NOT_STARTED') {
        timeline(measure.id, 'STATUS_CHANGED', startedAt, clerk, {
          status_from: 'NOT_STARTED',
          status_to: 'IN_PROGRESS',
        });
        for (let n = random.int(0, 3); n > 0; n -= 1) {
          timeline(measure.id, 'STATUS_CHANGED', b.later(startedAt, 24, 24 * 60), clerk, {
            status_from: 'IN_PROGRESS',
            status_to: 'IN_PROGRESS',
            note: '按计划推进，本周完成现场核查。',
          });
        }
      }
      if (completedAt) {
        anyCompleted = true;
        timeline(measure.id, 'STATUS_CHANGED', completedAt, clerk, {
          status_from: 'IN_PROGRESS',
          status_to: 'COMPLETED',
          note: '整改完成。',
          evidence: [
            { name: '整改完成报告.pdf', url: null, sha256: null, sizeBytes: random.int(50_000, 900_000) },
          ],
        });
        if (verification !== 'NONE') {
          const submittedAt = b.later(completedAt, 2, 24 * 10);
          timeline(measure.id, 'SUBMITTED_FOR_VERIFICATION', submittedAt, clerk);
          if (verification === 'ACCEPTED' || verification === 'RETURNED') {
            const decidedAt = b.later(submittedAt, 2, 24 * 10);
            timeline(
              measure.id,
              verification === 'ACCEPTED' ? 'VERIFICATION_ACCEPTED' : 'VERIFICATION_RETURNED',
              decidedAt,
              office,
              {
                note: verification === 'RETURNED' ? '佐证材料不全，请补充。' : null,
              },
            );
            if (decidedAt > lastAcceptedAt) lastAcceptedAt = decidedAt;
          }
        }
      } else if (measure.dueAt && measure.dueAt < new Date() && random.chance(0.3)) {
        plans.push({
          measure_id: measure.id,
          route: '细化整改路径，分阶段推进，按月报送进展。',
          timetable: [
            { step: '完成方案细化', dueOn: localDateOf(b.later(new Date(), 24 * 10, 24 * 30)) },
            {
              step: '完成整改并验收',
              dueOn: localDateOf(b.later(new Date(), 24 * 60, 24 * 120, new Date('2026-12-31'))),
            },
          ],
          recorded_at: b.later(measure.dueAt, 24, 24 * 20),
          recorded_by_person_id: clerk.personId,
          recorded_by_name: clerk.name,
        });
      }
      if (!(status === 'COMPLETED' && verification === 'ACCEPTED')) allAccepted = false;
    });

    const closeout = (kind: string, at: Date, reason: string | null) =>
      closeouts.push({
        id: randomUUID(),
        problem_id: problem.id,
        kind,
        reason,
        actor_person_id: office.personId,
        actor_name: office.name,
        actor_agency_id: office.agencyId,
        at,
      });
    if (allAccepted) closeout('CLOSED', b.later(lastAcceptedAt, 1, 24 * 5), null);
    else if (anyCompleted && random.chance(0.03)) {
      const closedAt = b.later(lastAcceptedAt, 1, 24 * 5);
      closeout('CLOSED', closedAt, null);
      closeout('REOPENED', b.later(closedAt, 24 * 30, 24 * 200), '回头看发现问题反弹');
    }
    if (random.chance(0.05)) {
      accountability.push({
        id: randomUUID(),
        problem_id: problem.id,
        kind: random.chance(0.7) ? 'INTERVIEW' : 'ACCOUNTABILITY',
        person_ids: [random.pick(directory.staffOf.get(problem.departmentId) ?? [office]).personId],
        agency_id: problem.departmentId,
        reason: '整改推进不力',
        decided_on: localDateOf(b.later(problem.openedAt, 24 * 30, 24 * 300)),
        recorded_by_person_id: office.personId,
        recorded_by_name: office.name,
        recorded_at: b.later(problem.openedAt, 24 * 30, 24 * 300),
      });
    }
  }
}

/** 周报: each responsible department of a campaign reports every Wednesday for some weeks. */
function writeWeeklyReports(
  b: DatasetBuilder,
  directory: Directory,
  campaigns: Record<string, unknown>[],
  campaignProblems: Map<string, PlannedProblem[]>,
): void {
  const { random } = b;
  const reports = b.table('rectification.weekly_reports', ['rectification.campaigns']);
  const figures = b.table('rectification.discipline_figures', ['rectification.campaigns']);
  for (const campaign of campaigns) {
    const campaignId = campaign['id'] as string;
    const start = campaign['weekly_reports_start_on'] as string | null;
    // The departments that carry most of the campaign's problems report weekly (seed 003: about ten).
    const load = new Map<string, number>();
    for (const p of campaignProblems.get(campaignId)!)
      load.set(p.departmentId, (load.get(p.departmentId) ?? 0) + 1);
    const departments = [...load.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 10)
      .map(([id]) => id);
    if (start) {
      const firstWeek = Math.round(
        (shanghaiInstant(start, '12:00').getTime() -
          shanghaiInstant(FIRST_REPORTING_WEDNESDAY, '12:00').getTime()) /
          WEEK_MS,
      );
      for (let week = 0, weeks = random.int(6, 16); week < weeks; week += 1) {
        const weekDate = wednesdayAfter(firstWeek + week);
        const dueAt = shanghaiInstant(weekDate, '15:00');
        if (dueAt > new Date()) break;
        for (const departmentId of departments) {
          if (random.chance(0.05)) continue; // missing: the obligation shows MISSING
          const clerk = random.pick(directory.staffOf.get(departmentId) ?? [directory.rectificationOffice]);
          reports.push({
            id: randomUUID(),
            campaign_id: campaignId,
            agency_id: departmentId,
            week_date: weekDate,
            due_at: dueAt,
            progress: '本周整改落实情况：'.padEnd(280, '按计划推进整改措施，完成现场核查和资料归档。'),
            practices: '经验做法：建立周调度机制，问题清单化管理。',
            difficulties: random.chance(0.4) ? '部分措施需属地街镇配合推进。' : null,
            submitted_by_person_id: clerk.personId,
            submitted_by_name: clerk.name,
            submitted_at: new Date(dueAt.getTime() - random.int(-20, 48 * 60) * 60_000),
            revised_at: null,
          });
        }
      }
    }
    const year = Number((campaign['period_start'] as string).slice(0, 4));
    for (let quarter = 1; quarter <= random.int(1, 4); quarter += 1) {
      figures.push({
        campaign_id: campaignId,
        as_of: `${year}-${String(quarter * 3).padStart(2, '0')}-28`,
        cases_filed: random.int(0, 5),
        people_disciplined: random.int(0, 5),
        admonishment_talks: random.int(0, 12),
        regulations_created: random.int(0, 8),
        regulations_revised: random.int(0, 8),
        recorded_by_person_id: directory.rectificationOffice.personId,
        recorded_at: new Date(`${year}-${String(quarter * 3).padStart(2, '0')}-28T08:00:00Z`),
      });
    }
  }
}
