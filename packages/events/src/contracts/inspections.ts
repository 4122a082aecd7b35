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

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * The written feedback to one inspected unit (一对一反馈) was issued. The findings it lists are
 * confirmed (each also announced by `inspections.finding.confirmed.v1`, recorded before this event in
 * the same transaction); the unit's rectification plan and report are due at the given instants,
 * counted from `issuedOn` by @eco/calendar (2 weeks and 2 months, rolled to a working day).
 */
export const unitFeedbackIssuedV1 = defineEvent(
  'inspections.feedback.issued',
  1,
  z.object({
    feedbackId: z.string().uuid(),
    roundId: z.string().uuid(),
    roundName: z.string(),
    targetId: z.string().uuid(),
    targetAgencyId: z.string().uuid(),
    title: z.string().min(1),
    issuedOn: localDate,
    planDueAt: z.string().datetime({ offset: true }),
    reportDueAt: z.string().datetime({ offset: true }),
    findingIds: z.array(z.string().uuid()),
  }),
);

/** A round was closed: every unit's rectification was checked and the round report went to the Party group. */
export const inspectionRoundClosedV1 = defineEvent(
  'inspections.round.closed',
  1,
  z.object({
    roundId: z.string().uuid(),
    roundName: z.string(),
    year: z.number().int(),
    closedOn: localDate,
    targetAgencyIds: z.array(z.string().uuid()),
    confirmedFindings: z.number().int().nonnegative(),
    findingsReferredToDiscipline: z.number().int().nonnegative(),
  }),
);
