import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { measureCompletedV1, problemClosedV1, recordEvent } from '@eco/events';
import { claimVersion, expectedVersion, parseInput } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { MeasureEntity } from '../persistence/measure.entity';
import type { MeasureStatus } from '../persistence/measure.entity';
import type { MeasureUpdateEntity } from '../persistence/measure-update.entity';
import { ProblemEntity } from '../persistence/problem.entity';
import type { RectificationStore } from '../persistence/rectification.store';
import { canActForDepartment, canManageRectification } from './access-policy';
import { evidenceListSchema, evidenceNotesSchema } from './evidence-input';
import { deriveProblemStatus } from './problem-status';
import { actorOf } from './actor';
import { problemStatusIn } from './current-problem-status';
import { rectificationError, RectificationErrorCode } from './rectification.errors';
import { reopenProblemIn } from './reopen-problem';
import { inTransaction, systemClock } from './transaction';
import type { Clock } from './transaction';

const PRODUCER = 'rectification';
const uuid = z.string().uuid('must be an id');
const note = z.string().trim().min(1).max(5_000);
const STATUS_ORDER: Record<MeasureStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED: 2 };

const updateMeasureStatusSchema = z
  .object({
    measureId: uuid,
    expectedVersion,
    status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED']),
    note: note.nullish(),
    evidence: evidenceListSchema,
    evidenceNotes: evidenceNotesSchema,
  })
  .superRefine((input, ctx) => {
    if (input.status === 'COMPLETED' && input.evidence.length === 0 && input.evidenceNotes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['evidence'],
        message: 'completing a measure needs evidence: a document or an evidence note such as a 立案号',
      });
    }
  });

const submitForVerificationSchema = z.object({
  measureId: uuid,
  expectedVersion,
  note: note.nullish(),
  evidence: evidenceListSchema,
  evidenceNotes: evidenceNotesSchema,
});

const verifyMeasureSchema = z
  .object({
    measureId: uuid,
    expectedVersion,
    decision: z.enum(['ACCEPT', 'RETURN']),
    reason: note.nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.decision === 'RETURN' && !input.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a returned measure needs a reason' });
    }
  });

const reopenProblemSchema = z.object({
  expectedVersion,
  problemId: uuid,
  reason: note,
  measureIds: z.array(uuid).max(200).nullish(),
});

/**
 * A measure's progress and close-out (对账销号): the responsible department moves it forward with
 * notes and evidence and submits it for verification; the rectification office accepts or returns
 * it, and reopens a closed problem when a later check (回头看) finds a rebound. Problem status stays
 * derived; the CLOSED / REOPENED records and events are written when a change makes it so.
 */
export class MeasureProgressService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  async updateMeasureStatus(rawInput: unknown): Promise<MeasureEntity> {
    const input = parseInput(updateMeasureStatusSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (manager, store) => {
      const { measure, problem } = await this.lockForDepartment(store, input.measureId);
      await claimVersion(
        manager,
        MeasureEntity,
        measure.id,
        input.expectedVersion,
        RectificationErrorCode.MeasureNotFound,
      );
      if (measure.status === 'COMPLETED' || STATUS_ORDER[input.status] < STATUS_ORDER[measure.status]) {
        throw rectificationError(
          RectificationErrorCode.MeasureStatusTransitionInvalid,
          `a ${measure.status} measure cannot become ${input.status}; a completed one changes only by verification or reopening`,
          [{ field: 'status', message: `not allowed from ${measure.status}` }],
        );
      }
      if (input.status === measure.status && !input.note) {
        throw rectificationError(RectificationErrorCode.InvalidInput, 'the input is not valid', [
          { field: 'note', message: 'an update that keeps the status needs a note' },
        ]);
      }
      const now = this.clock();
      const evidenceNotes = [...new Set([...measure.evidenceNotes, ...input.evidenceNotes])];
      const completing = input.status === 'COMPLETED';
      await store.updateMeasure(measure.id, {
        status: input.status,
        evidenceNotes,
        ...(completing ? { completedAt: now } : {}),
      });
      await store.insertUpdate(
        this.timelineEntry(measure.id, 'STATUS_CHANGED', now, {
          note: input.note ?? null,
          statusFrom: measure.status,
          statusTo: input.status,
          evidence: input.evidence,
          evidenceNotes: input.evidenceNotes,
        }),
      );
      if (completing) {
        await recordEvent(
          manager,
          measureCompletedV1,
          {
            measureId: measure.id,
            problemId: problem.id,
            responsibleAgencyId: measure.responsibleAgencyId,
            longTerm: measure.deadlineKind === 'LONG_TERM',
            evidenceNotes,
            completedAt: now.toISOString(),
          },
          { producer: PRODUCER, actor: actorOf(this.principal), occurredAt: now },
        );
      }
      return (await store.measuresByIds([measure.id]))[0]!;
    });
  }

  async submitMeasureForVerification(rawInput: unknown): Promise<MeasureEntity> {
    const input = parseInput(submitForVerificationSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (manager, store) => {
      const { measure } = await this.lockForDepartment(store, input.measureId);
      await claimVersion(
        manager,
        MeasureEntity,
        measure.id,
        input.expectedVersion,
        RectificationErrorCode.MeasureNotFound,
      );
      if (measure.status !== 'COMPLETED') {
        throw rectificationError(
          RectificationErrorCode.MeasureNotCompleted,
          'only a completed measure is submitted for verification',
        );
      }
      if (measure.verification !== 'NONE' && measure.verification !== 'RETURNED') {
        throw rectificationError(
          RectificationErrorCode.MeasureVerificationStateInvalid,
          `the measure is already ${measure.verification.toLowerCase()}`,
        );
      }
      const now = this.clock();
      await store.updateMeasure(measure.id, {
        verification: 'SUBMITTED',
        evidenceNotes: [...new Set([...measure.evidenceNotes, ...input.evidenceNotes])],
      });
      await store.insertUpdate(
        this.timelineEntry(measure.id, 'SUBMITTED_FOR_VERIFICATION', now, {
          note: input.note ?? null,
          evidence: input.evidence,
          evidenceNotes: input.evidenceNotes,
        }),
      );
      return (await store.measuresByIds([measure.id]))[0]!;
    });
  }

  async verifyMeasure(rawInput: unknown): Promise<MeasureEntity> {
    this.assertOffice();
    const input = parseInput(verifyMeasureSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (manager, store) => {
      const { measure, problem } = await this.lockMeasureAndProblem(store, input.measureId);
      await claimVersion(
        manager,
        MeasureEntity,
        measure.id,
        input.expectedVersion,
        RectificationErrorCode.MeasureNotFound,
      );
      if (measure.verification !== 'SUBMITTED') {
        throw rectificationError(
          RectificationErrorCode.MeasureVerificationStateInvalid,
          'only a measure submitted for verification is accepted or returned',
        );
      }
      const now = this.clock();
      const accepted = input.decision === 'ACCEPT';
      await store.updateMeasure(measure.id, { verification: accepted ? 'ACCEPTED' : 'RETURNED' });
      await store.insertUpdate(
        this.timelineEntry(measure.id, accepted ? 'VERIFICATION_ACCEPTED' : 'VERIFICATION_RETURNED', now, {
          note: input.reason ?? null,
        }),
      );
      if (accepted) await this.closeIfComplete(manager, store, problem, now);
      return (await store.measuresByIds([measure.id]))[0]!;
    });
  }

  async reopenProblem(rawInput: unknown): Promise<ProblemEntity> {
    this.assertOffice();
    const input = parseInput(reopenProblemSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (manager, store) => {
      const problem = await store.lockProblem(input.problemId);
      if (!problem) {
        throw rectificationError(RectificationErrorCode.ProblemNotFound, 'no such problem', [
          { field: 'problemId', message: 'not found' },
        ]);
      }
      await claimVersion(
        manager,
        ProblemEntity,
        problem.id,
        input.expectedVersion,
        RectificationErrorCode.ProblemNotFound,
      );
      if ((await problemStatusIn(store, problem.id)) !== 'CLOSED') {
        throw rectificationError(
          RectificationErrorCode.ProblemNotClosed,
          'only a closed problem is reopened',
        );
      }
      const measures = await store.measuresByProblemIds([problem.id]);
      const named = input.measureIds?.length ? new Set(input.measureIds) : null;
      const unknown = [...(named ?? [])].filter((id) => !measures.some((m) => m.id === id));
      if (unknown.length > 0) {
        throw rectificationError(RectificationErrorCode.InvalidInput, 'the input is not valid', [
          { field: 'measureIds', message: `not measures of this problem: ${unknown.join(', ')}` },
        ]);
      }
      await reopenProblemIn(manager, store, problem, {
        reason: input.reason,
        measures: measures.filter((m) => named === null || named.has(m.id)),
        actor: actorOf(this.principal),
        now: this.clock(),
      });
      return problem;
    });
  }

  /** Writes the CLOSED record and event when this change made every measure count. */
  private async closeIfComplete(
    manager: EntityManager,
    store: RectificationStore,
    problem: ProblemEntity,
    now: Date,
  ): Promise<void> {
    const measures = await store.measuresByProblemIds([problem.id]);
    const closeouts = await store.closeoutsByProblemIds([problem.id]);
    if (deriveProblemStatus(measures, closeouts.at(-1)?.kind ?? null) !== 'CLOSED') return;
    if (closeouts.at(-1)?.kind === 'CLOSED') return;
    await store.insertCloseout({
      ...this.closeoutActor(),
      id: randomUUID(),
      problemId: problem.id,
      kind: 'CLOSED',
      reason: null,
      at: now,
    });
    await recordEvent(
      manager,
      problemClosedV1,
      {
        problemId: problem.id,
        campaignId: problem.campaignId,
        measureIds: measures.map((m) => m.id),
        closedAt: now.toISOString(),
      },
      { producer: PRODUCER, actor: actorOf(this.principal), occurredAt: now },
    );
  }

  private assertOffice(): void {
    if (!canManageRectification(this.principal)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the rectification office and bureau leaders may do this',
      );
    }
  }

  private async lockMeasureAndProblem(
    store: RectificationStore,
    measureId: string,
  ): Promise<{ measure: MeasureEntity; problem: ProblemEntity }> {
    const [found] = await store.measuresByIds([measureId]);
    // The problem first, then the measure: the order every close-out path takes.
    const problem = found ? await store.lockProblem(found.problemId) : null;
    const measure = problem ? await store.lockMeasure(measureId) : null;
    if (!measure || !problem) {
      throw rectificationError(RectificationErrorCode.MeasureNotFound, 'no such measure', [
        { field: 'measureId', message: 'not found' },
      ]);
    }
    return { measure, problem };
  }

  /** The measure and its problem, locked, for its responsible department or the office. */
  private async lockForDepartment(
    store: RectificationStore,
    measureId: string,
  ): Promise<{ measure: MeasureEntity; problem: ProblemEntity }> {
    const locked = await this.lockMeasureAndProblem(store, measureId);
    if (!canActForDepartment(this.principal, locked.measure.responsibleAgencyId)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the responsible department or the rectification office may update this measure',
      );
    }
    if ((await problemStatusIn(store, locked.problem.id)) === 'CLOSED') {
      throw rectificationError(
        RectificationErrorCode.ProblemClosed,
        'the problem is closed; reopen it first',
      );
    }
    return locked;
  }

  private closeoutActor() {
    return {
      actorPersonId: this.principal.personId,
      actorName: this.principal.name,
      actorAgencyId: this.principal.agencyId,
    };
  }

  private timelineEntry(
    measureId: string,
    kind: MeasureUpdateEntity['kind'],
    at: Date,
    details: Partial<
      Pick<MeasureUpdateEntity, 'note' | 'statusFrom' | 'statusTo' | 'evidence' | 'evidenceNotes'>
    >,
  ): Partial<MeasureUpdateEntity> {
    return {
      id: randomUUID(),
      measureId,
      kind,
      note: details.note ?? null,
      statusFrom: details.statusFrom ?? null,
      statusTo: details.statusTo ?? null,
      evidence: details.evidence ?? [],
      evidenceNotes: details.evidenceNotes ?? [],
      actorPersonId: this.principal.personId,
      actorName: this.principal.name,
      actorAgencyId: this.principal.agencyId,
      sourceEventId: null,
      at,
    };
  }
}
