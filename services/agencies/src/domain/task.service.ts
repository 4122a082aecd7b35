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
import { CONFLICT, DomainError, expectedVersion, parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { AgenciesStore } from '../persistence/agencies.store';
import type { CoordinationTaskEntity, CoordinationTaskStatus } from '../persistence/coordination-task.entity';
import type { TaskUpdateEntity } from '../persistence/task-update.entity';
import { canActOnTask } from './access-policy';
import { agenciesError, AgenciesErrorCode } from './agencies.errors';

const PRODUCER = 'agencies';

const acknowledgeSchema = z.object({ taskId: z.string().uuid('must be an id'), expectedVersion });
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
  expectedVersion,
  note: z.string().trim().min(1, 'a progress note is required').max(2000),
  evidence: evidenceListSchema,
});

const requestCompletionSchema = z.object({
  taskId: z.string().uuid('must be an id'),
  expectedVersion,
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

  /**
   * One partner action on a task, in the caller's transaction: the status moves (only from `from`, and
   * only if nobody changed the task meanwhile) and the task's history gains the entry.
   */
  private async act(
    store: AgenciesStore,
    task: CoordinationTaskEntity,
    action: {
      expectedVersion: number | null | undefined;
      from: CoordinationTaskStatus[];
      changes: (at: Date) => Parameters<AgenciesStore['transitionTask']>[3];
      kind: TaskUpdateEntity['kind'];
      note: string | null;
      evidence: TaskUpdateEntity['evidence'];
    },
  ): Promise<{ at: Date; updateId: string }> {
    const at = new Date();
    const version = action.expectedVersion ?? task.version;
    if (!(await store.transitionTask(task.id, version, action.from, action.changes(at)))) {
      const [current] = await store.tasksByIds([task.id]);
      throw new DomainError(
        CONFLICT,
        `the task is at version ${current?.version ?? task.version}, not ${version}; reload it and retry`,
        [],
        current?.version ?? task.version,
      );
    }
    const updateId = randomUUID();
    await store.insertUpdate({
      id: updateId,
      taskId: task.id,
      kind: action.kind,
      note: action.note,
      personId: this.principal.personId,
      personName: this.principal.name,
      evidence: action.evidence,
      at,
    });
    return { at, updateId };
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
      const { at } = await this.act(store, task, {
        expectedVersion: input.expectedVersion,
        from: ['OPEN'],
        changes: (now) => ({
          status: 'ACKNOWLEDGED',
          acknowledgedAt: now,
          acknowledgedBy: this.principal.personId,
        }),
        kind: 'ACKNOWLEDGED',
        note: null,
        evidence: [],
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
      const { at, updateId } = await this.act(store, task, {
        expectedVersion: input.expectedVersion,
        from: ['ACKNOWLEDGED', 'IN_PROGRESS'],
        changes: () => ({ status: 'IN_PROGRESS' }),
        kind: 'PROGRESS',
        note: input.note,
        evidence: input.evidence,
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
      const { at } = await this.act(store, task, {
        expectedVersion: input.expectedVersion,
        from: ['ACKNOWLEDGED', 'IN_PROGRESS'],
        changes: (now) => ({ status: 'COMPLETION_REQUESTED', completionRequestedAt: now }),
        kind: 'COMPLETION_REQUESTED',
        note: input.note,
        evidence: input.evidence,
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
