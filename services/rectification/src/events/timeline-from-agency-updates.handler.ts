import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  defineHandler,
  taskAcknowledgedV1,
  taskCompletionRequestedV1,
  taskProgressReportedV1,
} from '@eco/events';
import type { EventEnvelope, PayloadOf } from '@eco/events';
import { MeasureEntity } from '../persistence/measure.entity';
import { RectificationStore } from '../persistence/rectification.store';

type AgencyUpdate = EventEnvelope<
  | PayloadOf<typeof taskAcknowledgedV1>
  | PayloadOf<typeof taskProgressReportedV1>
  | PayloadOf<typeof taskCompletionRequestedV1>
>;

type TimelineEntry = {
  kind: 'AGENCY_ACKNOWLEDGED' | 'AGENCY_PROGRESS' | 'AGENCY_COMPLETION_REQUESTED';
  note: string | null;
  at: string;
  evidence: PayloadOf<typeof taskProgressReportedV1>['evidence'];
};

/** The measure an agency's update is about, refusing updates from agencies not assigned to it. */
function assignedMeasure(measures: Map<string, MeasureEntity>, event: AgencyUpdate): MeasureEntity {
  const measure = measures.get(event.payload.subjectId);
  if (!measure) throw new Error(`measure ${event.payload.subjectId} does not exist`);
  if (!measure.coordinatingAgencyIds.includes(event.payload.agencyId)) {
    throw new Error(`agency ${event.payload.agencyId} is not assigned measure ${measure.id}`);
  }
  return measure;
}

/**
 * Appends agencies' updates to their measures' timelines: one query for the measures, one insert
 * for every entry, whether one event or a batch. Updates about supervised items are supervision's.
 * Returns the measures, in the events' order.
 */
async function appendAgencyUpdates<E extends AgencyUpdate>(
  manager: EntityManager,
  events: readonly E[],
  entryOf: (event: E) => TimelineEntry,
): Promise<MeasureEntity[]> {
  const about = events.filter((event) => event.payload.subjectKind === 'MEASURE');
  if (about.length === 0) return [];
  const store = new RectificationStore(manager);
  const ids = [...new Set(about.map((event) => event.payload.subjectId))];
  const measures = new Map((await store.measuresByIds(ids)).map((m) => [m.id, m]));
  const updated = about.map((event) => assignedMeasure(measures, event));
  await store.insertUpdates(
    about.map((event, i) => {
      const entry = entryOf(event);
      return {
        id: randomUUID(),
        measureId: updated[i]!.id,
        kind: entry.kind,
        note: entry.note,
        actorPersonId: event.payload.personId,
        actorName: event.payload.personName,
        actorAgencyId: event.payload.agencyId,
        evidence: entry.evidence,
        sourceEventId: event.id,
        at: new Date(entry.at),
      };
    }),
  );
  return updated;
}

/** A handler of one kind of agency update: `handle` for one event, `handleMany` for a batch. */
function timelineHandler<
  C extends typeof taskAcknowledgedV1 | typeof taskProgressReportedV1 | typeof taskCompletionRequestedV1,
>(
  name: string,
  contract: C,
  entryOf: (event: EventEnvelope<PayloadOf<C>>) => TimelineEntry,
  afterwards: (manager: EntityManager, measures: MeasureEntity[]) => Promise<void> = async () => undefined,
) {
  const apply = async (manager: EntityManager, events: EventEnvelope<PayloadOf<C>>[]) =>
    afterwards(manager, await appendAgencyUpdates(manager, events, entryOf));
  return defineHandler({
    name,
    contract,
    handle: (manager, event) => apply(manager, [event]),
    handleMany: apply,
  });
}

/** An outside agency signed for a measure's task: the measure's timeline shows who and when. */
export const timelineFromAcknowledgement = timelineHandler(
  'timeline-from-task-acknowledged',
  taskAcknowledgedV1,
  (event) => ({ kind: 'AGENCY_ACKNOWLEDGED', note: null, at: event.payload.acknowledgedAt, evidence: [] }),
);

/** An outside agency reported progress: it joins the timeline, and a measure not started is now under way. */
export const timelineFromProgress = timelineHandler(
  'timeline-from-task-progress',
  taskProgressReportedV1,
  (event) => ({
    kind: 'AGENCY_PROGRESS',
    note: event.payload.note,
    at: event.payload.reportedAt,
    evidence: event.payload.evidence,
  }),
  async (manager, measures) => {
    const notStarted = measures.filter((m) => m.status === 'NOT_STARTED').map((m) => m.id);
    if (notStarted.length === 0) return;
    await manager.update(
      MeasureEntity,
      { id: In([...new Set(notStarted)]), status: 'NOT_STARTED' },
      { status: 'IN_PROGRESS' },
    );
  },
);

/**
 * An outside agency reports its part done and asks for acceptance: the timeline shows it with the
 * evidence. The measure's own status stays with its responsible department, which completes it and
 * submits it for verification (对账) once every assigned agency's part is in.
 */
export const timelineFromCompletionRequest = timelineHandler(
  'timeline-from-task-completion-requested',
  taskCompletionRequestedV1,
  (event) => ({
    kind: 'AGENCY_COMPLETION_REQUESTED',
    note: event.payload.note,
    at: event.payload.requestedAt,
    evidence: event.payload.evidence,
  }),
);
