import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  defineHandler,
  taskAcknowledgedV1,
  taskCompletionRequestedV1,
  taskProgressReportedV1,
} from '@eco/events';
import type { EventEnvelope, PayloadOf } from '@eco/events';
import type { SupervisionItemUpdateEntity } from '../persistence/supervision-item-update.entity';
import { SupervisionStore } from '../persistence/supervision.store';

/** The task reference every agency update carries. */
type AgencyUpdate = PayloadOf<typeof taskAcknowledgedV1>;

/** What every agency update says about its task. */
type TaskReference = Pick<AgencyUpdate, 'subjectKind' | 'subjectId' | 'agencyId' | 'personId' | 'personName'>;

type TimelineEntry = { kind: SupervisionItemUpdateEntity['kind']; note: string | null; at: string };

/**
 * Appends involved agencies' updates to their supervised items' timelines: one query for the
 * items, one insert for every entry, whether one event or a batch. Updates about measures belong to
 * rectification and are ignored here. An update from an agency not involved in its item is refused.
 */
async function appendUpdates<P extends TaskReference>(
  manager: EntityManager,
  events: readonly EventEnvelope<P>[],
  entryOf: (payload: P) => TimelineEntry,
): Promise<void> {
  const about = events.filter((event) => event.payload.subjectKind === 'SUPERVISION_ITEM');
  if (about.length === 0) return;
  const store = new SupervisionStore(manager);
  const ids = [...new Set(about.map((event) => event.payload.subjectId))];
  const items = new Map((await store.itemsByIds(ids)).map((item) => [item.id, item]));
  const rows = about.map((event) => {
    const update = event.payload;
    const item = items.get(update.subjectId);
    if (!item) throw new Error(`supervision item ${update.subjectId} does not exist`);
    if (!item.involvedAgencyIds.includes(update.agencyId)) {
      throw new Error(`agency ${update.agencyId} is not involved in item ${item.id}`);
    }
    const entry = entryOf(update);
    return {
      id: randomUUID(),
      itemId: item.id,
      kind: entry.kind,
      note: entry.note,
      actorPersonId: update.personId,
      actorName: update.personName,
      actorAgencyId: update.agencyId,
      sourceEventId: event.id,
      at: new Date(entry.at),
    };
  });
  await store.insertUpdates(rows);
}

/** A handler of one kind of agency update: `handle` for one event, `handleMany` for a batch. */
function itemTimelineHandler<
  C extends typeof taskAcknowledgedV1 | typeof taskProgressReportedV1 | typeof taskCompletionRequestedV1,
>(name: string, contract: C, entryOf: (payload: PayloadOf<C>) => TimelineEntry) {
  return defineHandler({
    name,
    contract,
    handle: (manager, event) => appendUpdates(manager, [event], entryOf),
    handleMany: (manager, events) => appendUpdates(manager, events, entryOf),
  });
}

/** An involved agency signed for its task on an item: the item's timeline shows it. */
export const itemTimelineFromAcknowledgement = itemTimelineHandler(
  'item-timeline-from-task-acknowledged',
  taskAcknowledgedV1,
  (payload) => ({ kind: 'AGENCY_ACKNOWLEDGED', note: null, at: payload.acknowledgedAt }),
);

/** An involved agency reported progress on an item. */
export const itemTimelineFromProgress = itemTimelineHandler(
  'item-timeline-from-task-progress',
  taskProgressReportedV1,
  (payload) => ({ kind: 'AGENCY_PROGRESS', note: payload.note, at: payload.reportedAt }),
);

/** An involved agency reported its part of an item done. */
export const itemTimelineFromCompletionRequest = itemTimelineHandler(
  'item-timeline-from-task-completion-requested',
  taskCompletionRequestedV1,
  (payload) => ({ kind: 'AGENCY_COMPLETION_REQUESTED', note: payload.note, at: payload.requestedAt }),
);
