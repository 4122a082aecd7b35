import { randomUUID } from 'node:crypto';
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

/** Loads the measure an agency's update is about, refusing updates from agencies not assigned to it. */
async function assignedMeasure(store: RectificationStore, event: AgencyUpdate): Promise<MeasureEntity> {
  const [measure] = await store.measuresByIds([event.payload.subjectId]);
  if (!measure) throw new Error(`measure ${event.payload.subjectId} does not exist`);
  if (!measure.coordinatingAgencyIds.includes(event.payload.agencyId)) {
    throw new Error(`agency ${event.payload.agencyId} is not assigned measure ${measure.id}`);
  }
  return measure;
}

async function appendAgencyUpdate(
  manager: EntityManager,
  event: AgencyUpdate,
  entry: {
    kind: 'AGENCY_ACKNOWLEDGED' | 'AGENCY_PROGRESS' | 'AGENCY_COMPLETION_REQUESTED';
    note: string | null;
    at: string;
    evidence: PayloadOf<typeof taskProgressReportedV1>['evidence'];
  },
): Promise<MeasureEntity | null> {
  if (event.payload.subjectKind !== 'MEASURE') return null;
  const store = new RectificationStore(manager);
  const measure = await assignedMeasure(store, event);
  await store.insertUpdate({
    id: randomUUID(),
    measureId: measure.id,
    kind: entry.kind,
    note: entry.note,
    actorPersonId: event.payload.personId,
    actorName: event.payload.personName,
    actorAgencyId: event.payload.agencyId,
    evidence: entry.evidence,
    sourceEventId: event.id,
    at: new Date(entry.at),
  });
  return measure;
}

/** An outside agency signed for a measure's task: the measure's timeline shows who and when. */
export const timelineFromAcknowledgement = defineHandler({
  name: 'timeline-from-task-acknowledged',
  contract: taskAcknowledgedV1,
  async handle(manager, event) {
    await appendAgencyUpdate(manager, event, {
      kind: 'AGENCY_ACKNOWLEDGED',
      note: null,
      at: event.payload.acknowledgedAt,
      evidence: [],
    });
  },
});

/** An outside agency reported progress: it joins the timeline, and a measure not started is now under way. */
export const timelineFromProgress = defineHandler({
  name: 'timeline-from-task-progress',
  contract: taskProgressReportedV1,
  async handle(manager, event) {
    const measure = await appendAgencyUpdate(manager, event, {
      kind: 'AGENCY_PROGRESS',
      note: event.payload.note,
      at: event.payload.reportedAt,
      evidence: event.payload.evidence,
    });
    if (measure?.status === 'NOT_STARTED') {
      await manager.update(
        MeasureEntity,
        { id: measure.id, status: 'NOT_STARTED' },
        { status: 'IN_PROGRESS' },
      );
    }
  },
});

/**
 * An outside agency reports its part done and asks for acceptance: the timeline shows it with the
 * evidence. The measure's own status stays with its responsible department, which completes it and
 * submits it for verification (对账) once every assigned agency's part is in.
 */
export const timelineFromCompletionRequest = defineHandler({
  name: 'timeline-from-task-completion-requested',
  contract: taskCompletionRequestedV1,
  async handle(manager, event) {
    await appendAgencyUpdate(manager, event, {
      kind: 'AGENCY_COMPLETION_REQUESTED',
      note: event.payload.note,
      at: event.payload.requestedAt,
      evidence: event.payload.evidence,
    });
  },
});
