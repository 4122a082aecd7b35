import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  defineHandler,
  taskAcknowledgedV1,
  taskCompletionRequestedV1,
  taskProgressReportedV1,
} from '@eco/events';
import { SupervisionStore } from '../persistence/supervision.store';

async function appendUpdate(
  manager: EntityManager,
  entry: {
    itemId: string;
    agencyId: string;
    personId: string;
    personName: string;
    kind: 'AGENCY_ACKNOWLEDGED' | 'AGENCY_PROGRESS' | 'AGENCY_COMPLETION_REQUESTED';
    note: string | null;
    at: string;
    eventId: string;
  },
): Promise<void> {
  const store = new SupervisionStore(manager);
  const [item] = await store.itemsByIds([entry.itemId]);
  if (!item) throw new Error(`supervision item ${entry.itemId} does not exist`);
  if (!item.involvedAgencyIds.includes(entry.agencyId))
    throw new Error(`agency ${entry.agencyId} is not involved in item ${item.id}`);
  await store.insertUpdate({
    id: randomUUID(),
    itemId: item.id,
    kind: entry.kind,
    note: entry.note,
    actorPersonId: entry.personId,
    actorName: entry.personName,
    actorAgencyId: entry.agencyId,
    sourceEventId: entry.eventId,
    at: new Date(entry.at),
  });
}

/** An involved agency signed for its task on an item: the item's timeline shows it. */
export const itemTimelineFromAcknowledgement = defineHandler({
  name: 'item-timeline-from-task-acknowledged',
  contract: taskAcknowledgedV1,
  async handle(manager, event) {
    const p = event.payload;
    if (p.subjectKind !== 'SUPERVISION_ITEM') return;
    await appendUpdate(manager, {
      itemId: p.subjectId,
      agencyId: p.agencyId,
      personId: p.personId,
      personName: p.personName,
      kind: 'AGENCY_ACKNOWLEDGED',
      note: null,
      at: p.acknowledgedAt,
      eventId: event.id,
    });
  },
});

/** An involved agency reported progress on an item. */
export const itemTimelineFromProgress = defineHandler({
  name: 'item-timeline-from-task-progress',
  contract: taskProgressReportedV1,
  async handle(manager, event) {
    const p = event.payload;
    if (p.subjectKind !== 'SUPERVISION_ITEM') return;
    await appendUpdate(manager, {
      itemId: p.subjectId,
      agencyId: p.agencyId,
      personId: p.personId,
      personName: p.personName,
      kind: 'AGENCY_PROGRESS',
      note: p.note,
      at: p.reportedAt,
      eventId: event.id,
    });
  },
});

/** An involved agency reported its part of an item done. */
export const itemTimelineFromCompletionRequest = defineHandler({
  name: 'item-timeline-from-task-completion-requested',
  contract: taskCompletionRequestedV1,
  async handle(manager, event) {
    const p = event.payload;
    if (p.subjectKind !== 'SUPERVISION_ITEM') return;
    await appendUpdate(manager, {
      itemId: p.subjectId,
      agencyId: p.agencyId,
      personId: p.personId,
      personName: p.personName,
      kind: 'AGENCY_COMPLETION_REQUESTED',
      note: p.note,
      at: p.requestedAt,
      eventId: event.id,
    });
  },
});
