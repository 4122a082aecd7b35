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
