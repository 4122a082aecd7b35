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

/**
 * A site visit (回头看) found that a problem's rectification was false (虚假整改). The problem is named
 * by its id or, for a problem opened from a finding, by that finding's id.
 */
export const falseRectificationFoundV1 = defineEvent(
  'inspections.site-visit.false-rectification-found',
  1,
  z
    .object({
      siteVisitId: z.string().uuid(),
      roundId: z.string().uuid(),
      findingId: z.string().uuid().nullable(),
      problemId: z.string().uuid().nullable(),
      targetAgencyId: z.string().uuid(),
      description: z.string().trim().min(1).max(5_000),
      foundAt: z.string().datetime({ offset: true }),
    })
    .refine((p) => p.problemId !== null || p.findingId !== null, {
      path: ['problemId'],
      message: 'name the problem: problemId or findingId',
    }),
);
