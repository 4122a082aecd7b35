import { randomUUID } from 'node:crypto';
import type { Principal } from '@eco/auth';
import { addWorkingDays } from '@eco/calendar';
import { taskAcknowledgedV1, taskCompletionRequestedV1, taskProgressReportedV1 } from '@eco/events';
import type { EventContract } from '@eco/events';
import type { ActionableTask, DatasetBuilder } from './dataset';
import type { Directory } from './directory-rows';
import { recordHistoricalEvent } from './event-history';
import type { PlannedMeasure } from './rectification-rows';
import type { PlannedItem } from './supervision-rows';

interface PlannedTask {
  id: string;
  agencyId: string;
  subjectKind: 'MEASURE' | 'SUPERVISION_ITEM';
  subjectId: string;
  problemId: string | null;
  findingId: string | null;
  title: string;
  dueAt: Date | null;
  openedAt: Date;
}

const UPDATE_KINDS = {
  ACKNOWLEDGED: {
    contract: taskAcknowledgedV1,
    timeline: 'AGENCY_ACKNOWLEDGED',
    handler: 'task-acknowledged',
  },
  PROGRESS: { contract: taskProgressReportedV1, timeline: 'AGENCY_PROGRESS', handler: 'task-progress' },
  COMPLETION_REQUESTED: {
    contract: taskCompletionRequestedV1,
    timeline: 'AGENCY_COMPLETION_REQUESTED',
    handler: 'task-completion-requested',
  },
} satisfies Record<string, { contract: EventContract; timeline: string; handler: string }>;

const PROGRESS_NOTES = [
  '已完成现场巡查',
  '已约谈相关企业负责人',
  '已完成补植绿化',
  '已立案查处',
  '整改方案已报镇政府审定',
  '已组织联合执法检查',
];

/**
 * Coordination tasks in the outside agencies' inboxes (one per measure or item and named agency),
 * their history (签收, 反馈, completion requests), and what that history left elsewhere: the
 * measure and item timelines in rectification and supervision, and the events in between.
 */
export function buildCoordination(
  b: DatasetBuilder,
  directory: Directory,
  measures: PlannedMeasure[],
  items: PlannedItem[],
): { actionable: ActionableTask[]; tasksPerAgency: Map<string, number> } {
  const { random, calendar } = b;
  const planned: PlannedTask[] = [];
  for (const m of measures) {
    for (const agencyId of m.coordinating) {
      planned.push({
        id: randomUUID(),
        agencyId,
        subjectKind: 'MEASURE',
        subjectId: m.id,
        problemId: m.problemId,
        findingId: m.findingId,
        title: m.text,
        dueAt: m.dueAt,
        openedAt: new Date(m.createdAt.getTime() + random.int(50, 500)),
      });
    }
  }
  for (const item of items) {
    for (const agencyId of item.involved) {
      planned.push({
        id: randomUUID(),
        agencyId,
        subjectKind: 'SUPERVISION_ITEM',
        subjectId: item.id,
        problemId: null,
        findingId: null,
        title: item.title,
        dueAt: item.dueAt,
        openedAt: new Date(item.createdAt.getTime() + random.int(50, 500)),
      });
    }
  }
  // The inbox is newest first by insertion order (seq): insert in the order the tasks opened.
  planned.sort((x, y) => x.openedAt.getTime() - y.openedAt.getTime());

  const tasks = b.table('agencies.coordination_tasks');
  const taskUpdates = b.table('agencies.task_updates', ['agencies.coordination_tasks']);
  const measureUpdates = b.table('rectification.measure_updates', ['rectification.measures']);
  const itemUpdates = b.table('supervision.item_updates', ['supervision.items']);
  const actionable: ActionableTask[] = [];
  const tasksPerAgency = new Map<string, number>();

  for (const task of planned) {
    tasksPerAgency.set(task.agencyId, (tasksPerAgency.get(task.agencyId) ?? 0) + 1);
    const liaison = directory.liaisonOf.get(task.agencyId)!;
    const status = random.weighted([
      ['OPEN', 12],
      ['ACKNOWLEDGED', 18],
      ['IN_PROGRESS', 55],
      ['COMPLETION_REQUESTED', 15],
    ] as const);
    const acknowledgeDueAt = addWorkingDays(calendar, task.openedAt, 1);
    const history: { kind: keyof typeof UPDATE_KINDS; at: Date; note: string | null }[] = [];
    if (status !== 'OPEN') {
      // Most sign within the working day; some late.
      const ackAt = b.later(task.openedAt, 0.2, random.chance(0.85) ? 20 : 96);
      history.push({ kind: 'ACKNOWLEDGED', at: ackAt, note: null });
      let at = ackAt;
      const progressCount = status === 'ACKNOWLEDGED' ? 0 : random.int(status === 'IN_PROGRESS' ? 1 : 0, 6);
      for (let p = 0; p < progressCount; p += 1) {
        at = b.later(at, 24, 24 * 21);
        history.push({ kind: 'PROGRESS', at, note: random.pick(PROGRESS_NOTES) });
      }
      if (status === 'COMPLETION_REQUESTED')
        history.push({
          kind: 'COMPLETION_REQUESTED',
          at: b.later(at, 24, 24 * 14),
          note: '整治完成，请验收',
        });
    }
    tasks.push({
      id: task.id,
      agency_id: task.agencyId,
      subject_kind: task.subjectKind,
      subject_id: task.subjectId,
      problem_id: task.problemId,
      finding_id: task.findingId,
      title: task.title,
      status,
      due_at: task.dueAt,
      opened_at: task.openedAt,
      acknowledged_at: history[0]?.at ?? null,
      acknowledged_by: history[0] ? liaison.personId : null,
      source_event_id: randomUUID(),
      version: 1 + history.length,
      acknowledge_due_at: acknowledgeDueAt,
      completion_requested_at: status === 'COMPLETION_REQUESTED' ? history.at(-1)!.at : null,
    });
    for (const entry of history)
      writeUpdate(b, task, liaison, entry, { taskUpdates, measureUpdates, itemUpdates });
    if (status === 'ACKNOWLEDGED' || status === 'IN_PROGRESS') {
      actionable.push({
        taskId: task.id,
        agencyId: task.agencyId,
        subjectKind: task.subjectKind,
        subjectId: task.subjectId,
        personId: liaison.personId,
        personName: liaison.name,
      });
    }
  }
  return { actionable, tasksPerAgency };
}

function writeUpdate(
  b: DatasetBuilder,
  task: PlannedTask,
  liaison: Principal,
  entry: { kind: keyof typeof UPDATE_KINDS; at: Date; note: string | null },
  tables: Record<'taskUpdates' | 'measureUpdates' | 'itemUpdates', Record<string, unknown>[]>,
): void {
  const kind = UPDATE_KINDS[entry.kind];
  const updateId = randomUUID();
  const evidence =
    entry.kind === 'ACKNOWLEDGED' || b.random.chance(0.5)
      ? []
      : [
          {
            name: '现场照片.jpg',
            url: `https://files.example/${updateId}.jpg`,
            sha256: null,
            sizeBytes: b.random.int(80_000, 4_000_000),
          },
        ];
  tables.taskUpdates.push({
    id: updateId,
    task_id: task.id,
    kind: entry.kind,
    note: entry.note,
    person_id: liaison.personId,
    person_name: liaison.name,
    evidence,
    at: entry.at,
  });
  const ref = {
    taskId: task.id,
    agencyId: task.agencyId,
    subjectKind: task.subjectKind,
    subjectId: task.subjectId,
    personId: liaison.personId,
    personName: liaison.name,
  };
  const at = entry.at.toISOString();
  const payload =
    entry.kind === 'ACKNOWLEDGED'
      ? { ...ref, acknowledgedAt: at }
      : entry.kind === 'PROGRESS'
        ? { ...ref, updateId, note: entry.note, evidence, reportedAt: at }
        : { ...ref, note: entry.note, evidence, requestedAt: at };
  const eventId = recordHistoricalEvent(b, {
    producer: 'agencies',
    contract: kind.contract,
    payload,
    occurredAt: entry.at,
    actor: { personId: liaison.personId, agencyId: liaison.agencyId, name: liaison.name },
    consumers: [
      { schema: 'rectification', consumer: `rectification--timeline-from-${kind.handler}` },
      { schema: 'supervision', consumer: `supervision--item-timeline-from-${kind.handler}` },
    ],
  });
  const timelineEntry = {
    id: randomUUID(),
    kind: kind.timeline,
    note: entry.note,
    actor_person_id: liaison.personId,
    actor_name: liaison.name,
    actor_agency_id: liaison.agencyId,
    source_event_id: eventId,
    at: entry.at,
  };
  if (task.subjectKind === 'MEASURE')
    tables.measureUpdates.push({ ...timelineEntry, measure_id: task.subjectId, evidence });
  else tables.itemUpdates.push({ ...timelineEntry, item_id: task.subjectId });
}
