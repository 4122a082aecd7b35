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
