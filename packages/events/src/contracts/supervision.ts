import { z } from 'zod';
import { defineEvent } from '../contract';

/** A supervised item that involves outside agencies: each gets a coordination task. */
export const supervisionItemAssignedV1 = defineEvent(
  'supervision.item.assigned',
  1,
  z.object({
    itemId: z.string().uuid(),
    agencyIds: z.array(z.string().uuid()).min(1),
    title: z.string(),
    dueAt: z.string().datetime({ offset: true }).nullable(),
  }),
);

/**
 * The bureau's reply to a direct-line @件: declined as not this bureau's responsibility, the interim
 * reply of a hard case, or the answer.
 */
export const directLineRepliedV1 = defineEvent(
  'supervision.direct-line.replied',
  1,
  z.object({
    requestId: z.string().uuid(),
    itemId: z.string().uuid(),
    agencyId: z.string().uuid(),
    kind: z.enum(['DECLINED', 'INTERIM', 'ANSWER']),
    text: z.string(),
    repliedAt: z.string().datetime({ offset: true }),
  }),
);

const instant = z.string().datetime({ offset: true });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const light = z.enum(['GREEN', 'YELLOW', 'RED']);

/**
 * The light an item shows for a period changed (issue #6): a new period lit differently from the
 * item's light before, or a period's light corrected. Everyone involved is named, for their views.
 */
export const supervisionItemLightChangedV1 = defineEvent(
  'supervision.item.light-changed',
  1,
  z.object({
    itemId: z.string().uuid(),
    title: z.string(),
    period,
    light,
    /** What showed before: the same period's earlier light, else the item's latest light; null if none. */
    previousLight: light.nullable(),
    source: z.enum(['PLATFORM', 'OFFICER', 'COMPUTED']),
    departmentId: z.string().uuid().nullable(),
    involvedAgencyIds: z.array(z.string().uuid()),
    recordedAt: instant,
  }),
);

/** An escalation interview (约谈问询, seed 001 §三(六)) was triggered for an assessed item. */
export const supervisionEscalationTriggeredV1 = defineEvent(
  'supervision.escalation.triggered',
  1,
  z.object({
    escalationId: z.string().uuid(),
    itemId: z.string().uuid(),
    title: z.string(),
    level: z.number().int().min(1).max(3),
    triggers: z.array(
      z.object({
        rule: z.enum([
          'OVER_LIMIT_REPORTS',
          'CONSECUTIVE_YELLOW',
          'CONSECUTIVE_RED',
          'NAMED_CRITICISM',
          'SERIOUSLY_BEHIND',
        ]),
        detail: z.string(),
      }),
    ),
    interviewerRole: z.enum(['DEPARTMENT_HEAD', 'DEPUTY_CHIEF', 'BUREAU_CHIEF']),
    intervieweeRole: z.enum(['PROJECT_OWNER', 'DEPARTMENT_HEAD', 'DEPUTY_CHIEF']),
    departmentId: z.string().uuid().nullable(),
    triggeredAt: instant,
  }),
);

/** A department's monthly report on an item is past its deadline and has not arrived. */
export const supervisionReportOverdueV1 = defineEvent(
  'supervision.report.overdue',
  1,
  z.object({
    itemId: z.string().uuid(),
    title: z.string(),
    period,
    departmentId: z.string().uuid().nullable(),
    dueAt: instant,
    detectedAt: instant,
  }),
);
