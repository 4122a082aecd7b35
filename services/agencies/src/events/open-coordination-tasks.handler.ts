import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { defineHandler, measureAssignedV1, supervisionItemAssignedV1 } from '@eco/events';
import type { TaskSubjectKind } from '@eco/events';
import { acknowledgeDueAt } from '../domain/acknowledgement-sla';
import { AgenciesStore } from '../persistence/agencies.store';

interface TaskOpening {
  subjectKind: TaskSubjectKind;
  subjectId: string;
  problemId: string | null;
  findingId: string | null;
  title: string;
  dueAt: string | null;
  agencyIds: string[];
  sourceEventId: string;
  openedAt: string;
}

/** One task per named agency that the directory knows; a repeated event opens nothing new. */
async function openTasks(manager: EntityManager, opening: TaskOpening): Promise<void> {
  const store = new AgenciesStore(manager);
  const known = new Set((await store.agenciesByIds(opening.agencyIds)).map((a) => a.id));
  const unknown = opening.agencyIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`unknown agencies: ${unknown.join(', ')}`);
  for (const agencyId of opening.agencyIds) {
    await store.insertTaskIfAbsent({
      id: randomUUID(),
      agencyId,
      subjectKind: opening.subjectKind,
      subjectId: opening.subjectId,
      problemId: opening.problemId,
      findingId: opening.findingId,
      title: opening.title,
      status: 'OPEN',
      dueAt: opening.dueAt ? new Date(opening.dueAt) : null,
      openedAt: new Date(opening.openedAt),
      acknowledgeDueAt: acknowledgeDueAt(new Date(opening.openedAt)),
      sourceEventId: opening.sourceEventId,
    });
  }
}

/** A measure assigned to outside agencies opens a task in each one's inbox. */
export const openTasksForMeasure = defineHandler({
  name: 'open-tasks-for-measure',
  contract: measureAssignedV1,
  handle: (manager, event) =>
    openTasks(manager, {
      subjectKind: 'MEASURE',
      subjectId: event.payload.measureId,
      problemId: event.payload.problemId,
      findingId: event.payload.sourceFindingId,
      title: event.payload.title,
      dueAt: event.payload.dueAt,
      agencyIds: event.payload.agencyIds,
      sourceEventId: event.id,
      openedAt: event.occurredAt,
    }),
});

/** A supervised item involving outside agencies opens a task in each one's inbox. */
export const openTasksForSupervisionItem = defineHandler({
  name: 'open-tasks-for-supervision-item',
  contract: supervisionItemAssignedV1,
  handle: (manager, event) =>
    openTasks(manager, {
      subjectKind: 'SUPERVISION_ITEM',
      subjectId: event.payload.itemId,
      problemId: null,
      findingId: null,
      title: event.payload.title,
      dueAt: event.payload.dueAt,
      agencyIds: event.payload.agencyIds,
      sourceEventId: event.id,
      openedAt: event.occurredAt,
    }),
});
