import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { problemReopenedV1, recordEvent } from '@eco/events';
import type { EventActor } from '@eco/events';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { ProblemEntity } from '../persistence/problem.entity';
import type { RectificationStore } from '../persistence/rectification.store';

export interface ReopenRequest {
  reason: string;
  /** The measures put back to IN_PROGRESS, unverified. */
  measures: readonly MeasureEntity[];
  /** Who reopens: the office's clerk, or the person behind an event (null for the system). */
  actor: EventActor;
  now: Date;
  /** The event that caused the reopening, when one did. */
  sourceEventId?: string;
}

/**
 * The one path that reopens a problem (回头看): the named measures back to IN_PROGRESS with a
 * REOPENED timeline entry each, a REOPENED close-out record, and `rectification.problem.reopened.v1`,
 * all in the caller's transaction. The caller holds the problem's lock and decides who may reopen.
 */
export async function reopenProblemIn(
  manager: EntityManager,
  store: RectificationStore,
  problem: ProblemEntity,
  request: ReopenRequest,
): Promise<void> {
  const { actor, now, reason } = request;
  const who = {
    actorPersonId: actor?.personId ?? null,
    actorName: actor?.name ?? null,
    actorAgencyId: actor?.agencyId ?? null,
  };
  for (const measure of request.measures) {
    await store.updateMeasure(measure.id, { status: 'IN_PROGRESS', verification: 'NONE', completedAt: null });
    await store.insertUpdate({
      ...who,
      id: randomUUID(),
      measureId: measure.id,
      kind: 'REOPENED',
      note: reason,
      statusFrom: measure.status,
      statusTo: 'IN_PROGRESS',
      evidence: [],
      evidenceNotes: [],
      sourceEventId: request.sourceEventId ?? null,
      at: now,
    });
  }
  await store.insertCloseout({
    ...who,
    id: randomUUID(),
    problemId: problem.id,
    kind: 'REOPENED',
    reason,
    at: now,
  });
  await recordEvent(
    manager,
    problemReopenedV1,
    {
      problemId: problem.id,
      campaignId: problem.campaignId,
      reason,
      reopenedMeasureIds: request.measures.map((m) => m.id),
      reopenedAt: now.toISOString(),
    },
    {
      producer: 'rectification',
      actor,
      occurredAt: now,
      ...(request.sourceEventId ? { correlationId: request.sourceEventId } : {}),
    },
  );
}
