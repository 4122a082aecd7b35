import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { measureAssignedV1, problemOpenedV1, recordEvent } from '@eco/events';
import type { EventActor } from '@eco/events';
import { parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { ProblemEntity } from '../persistence/problem.entity';
import { RectificationStore } from '../persistence/rectification.store';
import { canManageRectification } from './access-policy';
import { actorOf } from './actor';
import { dueAtOf } from './due-at';
import { measureDeadlineInputSchema, normaliseDeadline } from './measure-deadline';
import { problemStatusIn } from './current-problem-status';
import { rectificationError, RectificationErrorCode } from './rectification.errors';

const PRODUCER = 'rectification';
const uuid = z.string().uuid('must be an id');
const uuidList = z
  .array(uuid)
  .max(50)
  .nullish()
  .transform((ids) => [...new Set(ids ?? [])]);

const openProblemSchema = z.object({
  campaignId: uuid.nullish(),
  number: z.string().trim().min(1).max(20),
  sourceNumber: z.string().trim().min(1).max(20).nullish(),
  aspect: z.string().trim().max(500).nullish(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
  leadLeaderId: uuid.nullish(),
  responsibleDepartmentId: uuid.nullish(),
  coordinatingAgencyIds: uuidList,
});

const addMeasureSchema = z.object({
  problemId: uuid,
  sequence: z.string().trim().min(1).max(20).nullish(),
  text: z.string().trim().min(1).max(10_000),
  responsibleAgencyId: uuid.nullish(),
  coordinatingAgencyIds: uuidList,
  deadline: measureDeadlineInputSchema,
});

/** The payload of rectification.problem.opened.v1 for a stored problem. */
export function problemOpenedPayload(problem: ProblemEntity) {
  return {
    problemId: problem.id,
    campaignId: problem.campaignId,
    sourceFindingId: problem.sourceFindingId,
    responsibleDepartmentId: problem.responsibleDepartmentId,
    title: problem.title,
    openedAt: problem.openedAt.toISOString(),
  };
}

export { actorOf } from './actor';

/** The rectification office's use cases, run for one caller. */
export class RectificationService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
  ) {}

  private assertCanManage(): void {
    if (!canManageRectification(this.principal)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the rectification office and bureau leaders may do this',
      );
    }
  }

  private inTransaction<T>(
    work: (manager: EntityManager, store: RectificationStore) => Promise<T>,
  ): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), (manager) =>
      work(manager, new RectificationStore(manager)),
    );
  }

  async openProblem(rawInput: unknown): Promise<ProblemEntity> {
    this.assertCanManage();
    const input = parseInput(openProblemSchema, rawInput, RectificationErrorCode.InvalidInput);
    return this.inTransaction(async (manager, store) => {
      if (input.campaignId && (await store.campaignsByIds([input.campaignId])).length === 0) {
        throw rectificationError(RectificationErrorCode.CampaignNotFound, 'no such campaign', [
          { field: 'campaignId', message: 'not found' },
        ]);
      }
      const problem: Partial<ProblemEntity> = {
        id: randomUUID(),
        campaignId: input.campaignId ?? null,
        number: input.number,
        sourceNumber: input.sourceNumber ?? null,
        aspect: input.aspect ?? null,
        title: input.title,
        description: input.description,
        leadLeaderId: input.leadLeaderId ?? null,
        responsibleDepartmentId: input.responsibleDepartmentId ?? null,
        coordinatingAgencyIds: input.coordinatingAgencyIds,
        visibleToAgencyIds: input.coordinatingAgencyIds,
        sourceFindingId: null,
      };
      await store.insertProblem(problem);
      const stored = (await store.problemsByIds([problem.id!]))[0]!;
      await recordEvent(manager, problemOpenedV1, problemOpenedPayload(stored), {
        producer: PRODUCER,
        actor: actorOf(this.principal),
      });
      return stored;
    });
  }

  async addMeasure(rawInput: unknown): Promise<MeasureEntity> {
    this.assertCanManage();
    const input = parseInput(addMeasureSchema, rawInput, RectificationErrorCode.InvalidInput);
    return this.inTransaction(async (manager, store) => {
      const problem = await store.lockProblem(input.problemId);
      if (!problem) {
        throw rectificationError(RectificationErrorCode.ProblemNotFound, 'no such problem', [
          { field: 'problemId', message: 'not found' },
        ]);
      }
      if ((await problemStatusIn(store, problem.id)) === 'CLOSED') {
        throw rectificationError(
          RectificationErrorCode.ProblemClosed,
          'the problem is closed; reopen it first',
        );
      }
      const siblings = await store.measuresByProblemIds([problem.id]);
      const deadline = normaliseDeadline(input.deadline);
      const measure = await addMeasureToProblem(manager, store, problem, {
        id: randomUUID(),
        sequence: input.sequence ?? String(siblings.length + 1),
        text: input.text,
        responsibleAgencyId: input.responsibleAgencyId ?? problem.responsibleDepartmentId,
        coordinatingAgencyIds: input.coordinatingAgencyIds,
        deadline,
        status: 'NOT_STARTED',
        evidenceNotes: [],
        actor: actorOf(this.principal),
      });
      return measure;
    });
  }
}

export interface NewMeasure {
  id: string;
  sequence: string;
  text: string;
  responsibleAgencyId: string | null;
  coordinatingAgencyIds: string[];
  deadline: ReturnType<typeof normaliseDeadline>;
  status: MeasureEntity['status'];
  evidenceNotes: string[];
  actor: EventActor;
  /** Fixed event id for derived data (demo seeding) so re-running it is harmless. */
  eventId?: string;
}

/**
 * Adds a measure inside the caller's transaction: the measure, its first timeline entries, the
 * problem's visibility for the named agencies, and the event that opens their coordination tasks.
 */
export async function addMeasureToProblem(
  manager: EntityManager,
  store: RectificationStore,
  problem: ProblemEntity,
  measure: NewMeasure,
): Promise<MeasureEntity> {
  const now = new Date();
  const dueAt = dueAtOf(measure.deadline);
  await store.insertMeasure({
    id: measure.id,
    problemId: problem.id,
    sequence: measure.sequence,
    text: measure.text,
    responsibleAgencyId: measure.responsibleAgencyId,
    coordinatingAgencyIds: measure.coordinatingAgencyIds,
    deadlineKind: measure.deadline.kind,
    startsOn: measure.deadline.startsOn,
    dueOn: measure.deadline.dueOn,
    deadlineLabel: measure.deadline.label,
    dueAt,
    status: measure.status,
    evidenceNotes: measure.evidenceNotes,
  });
  await store.insertUpdate({
    id: randomUUID(),
    measureId: measure.id,
    kind: 'CREATED',
    note: null,
    actorPersonId: measure.actor?.personId ?? null,
    actorName: measure.actor?.name ?? null,
    actorAgencyId: measure.actor?.agencyId ?? null,
    evidence: [],
    sourceEventId: null,
    at: now,
  });
  if (measure.coordinatingAgencyIds.length > 0) {
    await store.widenProblemVisibility(problem.id, measure.coordinatingAgencyIds);
    await store.insertUpdate({
      id: randomUUID(),
      measureId: measure.id,
      kind: 'ASSIGNED_TO_AGENCIES',
      note: null,
      actorPersonId: measure.actor?.personId ?? null,
      actorName: measure.actor?.name ?? null,
      actorAgencyId: measure.actor?.agencyId ?? null,
      evidence: [],
      sourceEventId: null,
      at: now,
    });
    await recordEvent(
      manager,
      measureAssignedV1,
      {
        measureId: measure.id,
        problemId: problem.id,
        sourceFindingId: problem.sourceFindingId,
        agencyIds: measure.coordinatingAgencyIds,
        title: `${problem.title}：${measure.text.slice(0, 60)}`,
        dueAt: dueAt?.toISOString() ?? null,
      },
      { producer: PRODUCER, actor: measure.actor, ...(measure.eventId ? { eventId: measure.eventId } : {}) },
    );
  }
  return (await store.measuresByIds([measure.id]))[0]!;
}
