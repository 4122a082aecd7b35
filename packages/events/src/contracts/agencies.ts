import { z } from 'zod';
import { defineEvent } from '../contract';

export const taskSubjectKindSchema = z.enum(['MEASURE', 'SUPERVISION_ITEM']);
export type TaskSubjectKind = z.infer<typeof taskSubjectKindSchema>;

const taskRef = {
  taskId: z.string().uuid(),
  agencyId: z.string().uuid(),
  subjectKind: taskSubjectKindSchema,
  subjectId: z.string().uuid(),
  personId: z.string().uuid(),
  personName: z.string(),
};

export const evidenceSchema = z.object({
  name: z.string().min(1).max(255),
  url: z.string().url().nullable(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  sizeBytes: z.number().int().nonnegative().nullable(),
});

/** An outside agency signed for (签收) a task. */
export const taskAcknowledgedV1 = defineEvent(
  'agencies.task.acknowledged',
  1,
  z.object({ ...taskRef, acknowledgedAt: z.string().datetime({ offset: true }) }),
);

/** An outside agency reported progress on a task, with evidence. */
export const taskProgressReportedV1 = defineEvent(
  'agencies.task.progress-reported',
  1,
  z.object({
    ...taskRef,
    updateId: z.string().uuid(),
    note: z.string(),
    evidence: z.array(evidenceSchema),
    reportedAt: z.string().datetime({ offset: true }),
  }),
);

/** An outside agency reports its part done and asks the owning office to accept it. */
export const taskCompletionRequestedV1 = defineEvent(
  'agencies.task.completion-requested',
  1,
  z.object({
    ...taskRef,
    note: z.string(),
    evidence: z.array(evidenceSchema),
    requestedAt: z.string().datetime({ offset: true }),
  }),
);

export const directLineKindSchema = z.enum(['POLICY_QUESTION', 'PROBLEM']);

/** 街镇直通车 @件: a township asks the bureau a policy question or raises a problem. */
export const directLineRaisedV1 = defineEvent(
  'agencies.direct-line.raised',
  1,
  z.object({
    requestId: z.string().uuid(),
    agencyId: z.string().uuid(),
    kind: directLineKindSchema,
    title: z.string(),
    body: z.string(),
    personId: z.string().uuid(),
    personName: z.string(),
    raisedAt: z.string().datetime({ offset: true }),
  }),
);
