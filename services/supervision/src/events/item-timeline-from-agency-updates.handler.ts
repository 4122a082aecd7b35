import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  defineHandler,
  taskAcknowledgedV1,
  taskCompletionRequestedV1,
  taskProgressReportedV1,
} from '@eco/events';
import type { PayloadOf } from '@eco/events';
import type { SupervisionItemUpdateEntity } from '../persistence/supervision-item-update.entity';
import { SupervisionStore } from '../persistence/supervision.store';

/** The task reference every agency update carries. */
type AgencyUpdate = PayloadOf<typeof taskAcknowledgedV1>;

/**
 * Appends an involved agency's update to its supervised item's timeline; updates about measures
 * belong to rectification and are ignored here.
 */
async function appendUpdate(
  manager: EntityManager,
  eventId: string,
  update: Pick<AgencyUpdate, 'subjectKind' | 'subjectId' | 'agencyId' | 'personId' | 'personName'>,
  entry: { kind: SupervisionItemUpdateEntity['kind']; note: string | null; at: string },
): Promise<void> {
  if (update.subjectKind !== 'SUPERVISION_ITEM') return;
  const store = new SupervisionStore(manager);
  const [item] = await store.itemsByIds([update.subjectId]);
  if (!item) throw new Error(`supervision item ${update.subjectId} does not exist`);
  if (!item.involvedAgencyIds.includes(update.agencyId)) {
    throw new Error(`agency ${update.agencyId} is not involved in item ${item.id}`);
  }
  await store.insertUpdate({
    id: randomUUID(),
    itemId: item.id,
    kind: entry.kind,
    note: entry.note,
    actorPersonId: update.personId,
    actorName: update.personName,
    actorAgencyId: update.agencyId,
    sourceEventId: eventId,
    at: new Date(entry.at),
  });
}

/** An involved agency signed for its task on an item: the item's timeline shows it. */
export const itemTimelineFromAcknowledgement = defineHandler({
  name: 'item-timeline-from-task-acknowledged',
  contract: taskAcknowledgedV1,
  handle: (manager, event) =>
    appendUpdate(manager, event.id, event.payload, {
      kind: 'AGENCY_ACKNOWLEDGED',
      note: null,
      at: event.payload.acknowledgedAt,
    }),
});

/** An involved agency reported progress on an item. */
export const itemTimelineFromProgress = defineHandler({
  name: 'item-timeline-from-task-progress',
  contract: taskProgressReportedV1,
  handle: (manager, event) =>
    appendUpdate(manager, event.id, event.payload, {
      kind: 'AGENCY_PROGRESS',
      note: event.payload.note,
      at: event.payload.reportedAt,
    }),
});

/** An involved agency reported its part of an item done. */
export const itemTimelineFromCompletionRequest = defineHandler({
  name: 'item-timeline-from-task-completion-requested',
  contract: taskCompletionRequestedV1,
  handle: (manager, event) =>
    appendUpdate(manager, event.id, event.payload, {
      kind: 'AGENCY_COMPLETION_REQUESTED',
      note: event.payload.note,
      at: event.payload.requestedAt,
    }),
});
