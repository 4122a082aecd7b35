import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import {
  evidenceSchema,
  recordEvent,
  taskAcknowledgedV1,
  taskCompletionRequestedV1,
  taskProgressReportedV1,
} from '@eco/events';
import { parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { AgenciesStore } from '../persistence/agencies.store';
import type { CoordinationTaskEntity } from '../persistence/coordination-task.entity';
import { canActOnTask } from './access-policy';
import { agenciesError, AgenciesErrorCode } from './agencies.errors';

const PRODUCER = 'agencies';

const acknowledgeSchema = z.object({ taskId: z.string().uuid('must be an id') });
const evidenceListSchema = z
  .array(
    z.object({
      name: evidenceSchema.shape.name,
      url: evidenceSchema.shape.url.nullish().transform((v) => v ?? null),
      sha256: evidenceSchema.shape.sha256.nullish().transform((v) => v ?? null),
      sizeBytes: evidenceSchema.shape.sizeBytes.nullish().transform((v) => v ?? null),
    }),
  )
  .max(20)
  .nullish()
  .transform((list) => list ?? []);

const reportProgressSchema = z.object({
  taskId: z.string().uuid('must be an id'),
  note: z.string().trim().min(1, 'a progress note is required').max(2000),
  evidence: evidenceListSchema,
});

const requestCompletionSchema = z.object({
  taskId: z.string().uuid('must be an id'),
  note: z.string().trim().min(1, 'say what was done').max(2000),
  evidence: evidenceListSchema,
});

/** A partner agency's actions on its coordination tasks; each one is an event the owning subgraph consumes. */
export class TaskService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
  ) {}

  private inTransaction<T>(work: (manager: EntityManager, store: AgenciesStore) => Promise<T>): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), (manager) =>
      work(manager, new AgenciesStore(manager)),
    );
  }

  private async taskToActOn(store: AgenciesStore, taskId: string): Promise<CoordinationTaskEntity> {
    const [task] = await store.tasksByIds([taskId]);
    if (!task)
      throw agenciesError(AgenciesErrorCode.TaskNotFound, 'no such task', [
        { field: 'taskId', message: 'not found' },
      ]);
    if (!canActOnTask(this.principal, task)) {
      throw agenciesError(
        AgenciesErrorCode.Forbidden,
        "only the assigned agency's users may act on this task",
      );
    }
    return task;
  }

  private subjectRef(task: CoordinationTaskEntity) {
    return {
      taskId: task.id,
      agencyId: task.agencyId,
      subjectKind: task.subjectKind,
      subjectId: task.subjectId,
      personId: this.principal.personId,
      personName: this.principal.name,
    };
  }

  private actor() {
    return {
      personId: this.principal.personId,
      agencyId: this.principal.agencyId,
      name: this.principal.name,
    };
  }

  /** 签收. A task is signed for once; the owning office's timeline shows who and when. */
  async acknowledge(rawInput: unknown): Promise<CoordinationTaskEntity> {
    const input = parseInput(acknowledgeSchema, rawInput, AgenciesErrorCode.InvalidInput);
    return this.inTransaction(async (manager, store) => {
      const task = await this.taskToActOn(store, input.taskId);
      if (task.status !== 'OPEN') {
        throw agenciesError(
          AgenciesErrorCode.TaskAlreadyAcknowledged,
          'this task has already been signed for',
        );
      }
      const at = new Date();
      const moved = await store.transitionTask(task.id, task.version, ['OPEN'], {
        status: 'ACKNOWLEDGED',
        acknowledgedAt: at,
        acknowledgedBy: this.principal.personId,
      });
      if (!moved)
        throw agenciesError(AgenciesErrorCode.TaskConflict, 'the task changed meanwhile; reload and retry');
      await store.insertUpdate({
        id: randomUUID(),
        taskId: task.id,
        kind: 'ACKNOWLEDGED',
        note: null,
        personId: this.principal.personId,
        personName: this.principal.name,
        evidence: [],
        at,
      });
      await recordEvent(
        manager,
        taskAcknowledgedV1,
        { ...this.subjectRef(task), acknowledgedAt: at.toISOString() },
        { producer: PRODUCER, actor: this.actor() },
      );
      return (await store.tasksByIds([task.id]))[0]!;
    });
  }

  /** Progress with evidence, on a task already signed for. */
  async reportProgress(rawInput: unknown): Promise<CoordinationTaskEntity> {
    const input = parseInput(reportProgressSchema, rawInput, AgenciesErrorCode.InvalidInput);
    return this.inTransaction(async (manager, store) => {
      const task = await this.taskToActOn(store, input.taskId);
      if (task.status === 'OPEN') {
        throw agenciesError(
          AgenciesErrorCode.TaskNotAcknowledged,
          'sign for the task (签收) before reporting progress',
        );
      }
      const at = new Date();
      const moved = await store.transitionTask(task.id, task.version, ['ACKNOWLEDGED', 'IN_PROGRESS'], {
        status: 'IN_PROGRESS',
      });
      if (!moved)
        throw agenciesError(AgenciesErrorCode.TaskConflict, 'the task changed meanwhile; reload and retry');
      const updateId = randomUUID();
      await store.insertUpdate({
        id: updateId,
        taskId: task.id,
        kind: 'PROGRESS',
        note: input.note,
        personId: this.principal.personId,
        personName: this.principal.name,
        evidence: input.evidence,
        at,
      });
      await recordEvent(
        manager,
        taskProgressReportedV1,
        {
          ...this.subjectRef(task),
          updateId,
          note: input.note,
          evidence: input.evidence,
          reportedAt: at.toISOString(),
        },
        { producer: PRODUCER, actor: this.actor() },
      );
      return (await store.tasksByIds([task.id]))[0]!;
    });
  }

  /** The agency reports its part done, with evidence; the owning office decides whether to accept it. */
  async requestCompletion(rawInput: unknown): Promise<CoordinationTaskEntity> {
    const input = parseInput(requestCompletionSchema, rawInput, AgenciesErrorCode.InvalidInput);
    return this.inTransaction(async (manager, store) => {
      const task = await this.taskToActOn(store, input.taskId);
      if (task.status === 'OPEN') {
        throw agenciesError(
          AgenciesErrorCode.TaskNotAcknowledged,
          'sign for the task (签收) before requesting completion',
        );
      }
      if (task.status === 'COMPLETION_REQUESTED') {
        throw agenciesError(
          AgenciesErrorCode.TaskCompletionAlreadyRequested,
          'completion has already been requested',
        );
      }
      const at = new Date();
      const moved = await store.transitionTask(task.id, task.version, ['ACKNOWLEDGED', 'IN_PROGRESS'], {
        status: 'COMPLETION_REQUESTED',
        completionRequestedAt: at,
      });
      if (!moved)
        throw agenciesError(AgenciesErrorCode.TaskConflict, 'the task changed meanwhile; reload and retry');
      await store.insertUpdate({
        id: randomUUID(),
        taskId: task.id,
        kind: 'COMPLETION_REQUESTED',
        note: input.note,
        personId: this.principal.personId,
        personName: this.principal.name,
        evidence: input.evidence,
        at,
      });
      await recordEvent(
        manager,
        taskCompletionRequestedV1,
        {
          ...this.subjectRef(task),
          note: input.note,
          evidence: input.evidence,
          requestedAt: at.toISOString(),
        },
        { producer: PRODUCER, actor: this.actor() },
      );
      return (await store.tasksByIds([task.id]))[0]!;
    });
  }
}
