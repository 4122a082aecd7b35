import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { localDateOf, shanghaiInstant } from '@eco/calendar';
import type { Principal } from '@eco/auth';
import {
  demoPerson,
  SUPERVISION_DEMO_ITEMS,
  SUPERVISION_DEMO_MEETING,
  SUPERVISION_DEMO_YEAR,
} from '@eco/demo-data';
import type { DemoSupervisionItem, DemoSupervisionReport } from '@eco/demo-data';
import type { SubgraphRuntime } from '@eco/subgraph';
import { actorOf } from '../domain/actor';
import type { SupervisionCategory } from '../domain/categories';
import { platformOf } from '../domain/categories';
import { itemObligations } from '../domain/item-obligations';
import { recordLight } from '../domain/item-monitoring';
import { lightFromPlan } from '../domain/plan-light';
import { checkReport, templateOf } from '../domain/report-templates';
import type { ReportSections } from '../domain/report-templates';
import { Schedules } from '../domain/reporting-facts';
import { registerItem } from '../domain/supervision.service';
import { LeaderInstructionEntity } from '../persistence/leader-instruction.entity';
import { ReportingStore } from '../persistence/reporting.store';
import { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { WorkflowStore } from '../persistence/workflow.store';

/** The demo's reports run through October; later months are left to show what overdue looks like. */
const LAST_ROUTINE_PERIOD = `${SUPERVISION_DEMO_YEAR}-10`;

const at = (local: string) => {
  const [date, time] = local.split('T');
  return shanghaiInstant(date!, time ?? '00:00');
};

function sectionsOf(report: DemoSupervisionReport): ReportSections {
  return {
    progress: report.progress ?? null,
    difficulties: report.difficulties ?? null,
    nextSteps: report.nextSteps ?? [],
    permits: report.permits ?? null,
    thisMonth: report.thisMonth ?? null,
    nextMonth: report.nextMonth ?? null,
    notes: report.notes ?? null,
    cumulativePercent: report.cumulativePercent ?? null,
  };
}

/** A routine on-time report filling the item's template, at the plan's own percentage. */
function routineReport(
  item: DemoSupervisionItem,
  category: SupervisionCategory,
  period: string,
  dueAt: Date,
): DemoSupervisionReport {
  const planned = lightFromPlan(item.milestones, null, localDateOf(dueAt)).plannedPercent ?? 0;
  const submittedAt = localDateOf(dueAt.getTime() - 2 * 86_400_000);
  const base = { period, submittedAt: `${submittedAt}T10:00` };
  switch (templateOf(category)) {
    case 'PRACTICAL_PROJECT_MONTHLY':
      return {
        ...base,
        permits: '按计划办理',
        thisMonth: '按计划推进',
        nextMonth: '继续推进',
        cumulativePercent: planned,
      };
    case 'LEADER_INSTRUCTION_PROGRESS':
    case 'LIVELIHOOD_BRIEF':
      return {
        ...base,
        progress: '按计划推进。',
        difficulties: '暂无。',
        nextSteps: [{ text: '继续按计划推进', dueOn: `${period}-28` }],
        cumulativePercent: planned,
      };
    default:
      return { ...base, progress: '按计划推进。', cumulativePercent: planned };
  }
}

async function seedItem(
  manager: EntityManager,
  demo: DemoSupervisionItem,
  officer: Principal,
  schedules: Schedules,
) {
  const store = new SupervisionStore(manager);
  const reporting = new ReportingStore(manager);
  const category = demo.category as SupervisionCategory;
  await registerItem(manager, store, {
    id: demo.id,
    title: demo.title,
    category,
    sourcePlatform: demo.sourcePlatform,
    platformNumber: demo.platformNumber,
    year: SUPERVISION_DEMO_YEAR,
    responsibleDepartmentId: demo.responsibleDepartmentId,
    responsiblePersonId: demo.responsiblePersonId,
    leadLeaderId: demo.leadLeaderId,
    involvedAgencyIds: [],
    dueAt: null,
    goal: demo.goal,
    measures: demo.measures,
    createdAt: at(demo.createdAt),
    instruction: demo.instruction
      ? { receivedAt: at(demo.instruction.receivedAt), instructionDueOn: demo.instruction.instructionDueOn }
      : null,
    actor: officer,
  });
  for (const milestone of demo.milestones) {
    await store.insertMilestone({ ...milestone, itemId: demo.id, createdAt: at(demo.createdAt) });
  }
  const [item] = await store.itemsByIds([demo.id]);
  const actor = actorOf(officer);

  // Reports: the demo's own, and a routine on-time one for every other month owed through October.
  const closedAt = demo.closed ? at(demo.closed.at) : null;
  const owed = itemObligations({ ...item!, closedAt }, schedules, [], at(`${LAST_ROUTINE_PERIOD}-28T00:00`), {
    from: `${SUPERVISION_DEMO_YEAR}-01`,
    to: LAST_ROUTINE_PERIOD,
  });
  const reports = [
    ...owed
      .filter((o) => !demo.reports.some((r) => r.period === o.period))
      .map((o) => routineReport(demo, category, o.period, o.dueAt)),
    ...demo.reports,
  ].sort((x, y) => (x.period < y.period ? -1 : 1));
  for (const report of reports) {
    const deadline = schedules.deadline(item!, report.period);
    if (!deadline) continue;
    const sections = sectionsOf(report);
    const template = templateOf(category);
    const submittedAt = at(report.submittedAt);
    await reporting.insertReport({
      id: randomUUID(),
      itemId: demo.id,
      period: report.period,
      template,
      sections,
      firstSections: sections,
      overLimitFields: checkReport(template, sections).overLimit.map((o) => o.field),
      dueAt: deadline.dueAt,
      submittedAt,
      submittedByPersonId: officer.personId,
      submittedByName: demo.responsiblePersonId ? '市容环卫处内勤（演示）' : officer.name,
      revisedAt: null,
    });
    // Off the platforms the bureau lights the item itself, from its plan, on each report.
    if (platformOf(category) === null) {
      const computed = lightFromPlan(
        demo.milestones,
        sections.cumulativePercent,
        localDateOf(deadline.nodeAt),
      );
      if (computed.light) {
        await recordLight(
          manager,
          item!,
          { period: report.period, light: computed.light, source: 'COMPUTED', reason: computed.reason },
          submittedAt,
          actor,
        );
      }
    }
  }
  for (const light of demo.platformLights) {
    await recordLight(
      manager,
      item!,
      { period: light.period, light: light.light, source: 'PLATFORM', reason: null },
      at(light.recordedAt),
      actor,
    );
  }

  if (demo.instruction) {
    await manager.update(
      LeaderInstructionEntity,
      { id: demo.id },
      {
        claimedAt: at(demo.instruction.claimedAt),
        claimedBy: demo.responsiblePersonId,
        feedbackText: demo.instruction.feedbackText,
        feedbackSubmittedAt: at(demo.instruction.feedbackSubmittedAt),
        feedbackApprovedAt: at(demo.instruction.feedbackApprovedAt),
        feedbackApprovedBy: demo.leadLeaderId,
      },
    );
  }
  if (demo.closureReport) {
    const report = demo.closureReport;
    await new WorkflowStore(manager).insertClosureReport({
      id: demo.id,
      itemNumber: report.itemNumber,
      itemName: demo.title,
      reportingAgencyId: report.reportingAgencyId,
      problemDescription: report.problemDescription,
      resolution: report.resolution,
      solutionDocument: { name: report.solutionDocument, url: null },
      consentForm: { name: report.consentForm, url: null },
      submittedAt: at(report.submittedAt),
      submittedBy: officer.personId,
    });
  }
  if (demo.closed) {
    await manager.update(
      SupervisionItemEntity,
      { id: demo.id },
      {
        status: 'CLOSED',
        closedAt: at(demo.closed.at),
        closedBy: officer.personId,
        closingNote: demo.closed.note,
      },
    );
  }
}

/**
 * Loads one supervised item of every category (packages/demo-data) through the same domain code as
 * the API: lights recorded in order re-derive escalation, so the demo's interviews and their
 * events are the real ones. Runs once.
 */
export async function seedSupervisionDemo(runtime: SubgraphRuntime): Promise<boolean> {
  const person = demoPerson('demo-supervision-officer');
  const officer: Principal = {
    personId: person.id,
    agencyId: person.agencyId,
    name: person.name,
    roles: ['SUPERVISION_OFFICER'],
  };
  // Seeded as the system: every agency's rows (row-level security).
  return runtime.transaction('all', async (manager) => {
    const store = new SupervisionStore(manager);
    if ((await store.itemsByIds([SUPERVISION_DEMO_ITEMS[0]!.id])).length > 0) return false;
    const schedules = new Schedules(await new ReportingStore(manager).schedules());
    for (const demo of SUPERVISION_DEMO_ITEMS) await seedItem(manager, demo, officer, schedules);
    const meeting = SUPERVISION_DEMO_MEETING;
    await new WorkflowStore(manager).insertMeeting({
      id: meeting.id,
      heldOn: meeting.heldOn,
      title: meeting.title,
      attendees: meeting.attendees,
      itemIds: meeting.itemCodes.map((code) => SUPERVISION_DEMO_ITEMS.find((i) => i.code === code)!.id),
      problems: meeting.problems,
      decisions: meeting.decisions,
      recordedBy: officer.personId,
      recordedAt: at(`${meeting.heldOn}T17:00`),
    });
    return true;
  });
}
