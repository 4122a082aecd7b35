import { z } from 'zod';
import { defineEvent } from '../contract';

/** A finding confirmed in the feedback to its unit: it becomes a rectification problem. */
export const findingConfirmedV1 = defineEvent(
  'inspections.finding.confirmed',
  1,
  z.object({
    findingId: z.string().uuid(),
    roundId: z.string().uuid(),
    roundName: z.string(),
    /** The finding's number within its round; the problem keeps it as its source number. */
    findingNumber: z.string(),
    targetAgencyId: z.string().uuid(),
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    confirmedAt: z.string().datetime({ offset: true }),
  }),
);
