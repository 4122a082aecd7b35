import { z } from 'zod';
import { defineEvent } from '../contract';

/**
 * A measure handed to outside agencies (牵头联系): each named agency gets a coordination task, and
 * the inspections subgraph lets those agencies see the source finding.
 */
export const measureAssignedV1 = defineEvent(
  'rectification.measure.assigned',
  1,
  z.object({
    measureId: z.string().uuid(),
    problemId: z.string().uuid(),
    sourceFindingId: z.string().uuid().nullable(),
    agencyIds: z.array(z.string().uuid()).min(1),
    title: z.string(),
    dueAt: z.string().datetime({ offset: true }).nullable(),
  }),
);

const instant = z.string().datetime({ offset: true });

/** A problem opened, by hand or from a confirmed finding. */
export const problemOpenedV1 = defineEvent(
  'rectification.problem.opened',
  1,
  z.object({
    problemId: z.string().uuid(),
    campaignId: z.string().uuid().nullable(),
    sourceFindingId: z.string().uuid().nullable(),
    responsibleDepartmentId: z.string().uuid().nullable(),
    title: z.string(),
    openedAt: instant,
  }),
);

/** A measure reached COMPLETED (for a long-term measure: its mechanism is established). */
export const measureCompletedV1 = defineEvent(
  'rectification.measure.completed',
  1,
  z.object({
    measureId: z.string().uuid(),
    problemId: z.string().uuid(),
    responsibleAgencyId: z.string().uuid().nullable(),
    longTerm: z.boolean(),
    evidenceNotes: z.array(z.string()),
    completedAt: instant,
  }),
);

/** 销号: every measure of the problem is completed and accepted by the rectification office. */
export const problemClosedV1 = defineEvent(
  'rectification.problem.closed',
  1,
  z.object({
    problemId: z.string().uuid(),
    campaignId: z.string().uuid().nullable(),
    measureIds: z.array(z.string().uuid()),
    closedAt: instant,
  }),
);

/** A later check (回头看) reopened a problem: a rebound of a closed one, or false rectification found. */
export const problemReopenedV1 = defineEvent(
  'rectification.problem.reopened',
  1,
  z.object({
    problemId: z.string().uuid(),
    campaignId: z.string().uuid().nullable(),
    reason: z.string().min(1),
    reopenedMeasureIds: z.array(z.string().uuid()),
    reopenedAt: instant,
  }),
);

/** A responsible department submitted (or revised) its weekly progress report (周报). */
export const weeklyReportSubmittedV1 = defineEvent(
  'rectification.weekly-report.submitted',
  1,
  z.object({
    reportId: z.string().uuid(),
    campaignId: z.string().uuid(),
    agencyId: z.string().uuid(),
    /** The reporting Wednesday the report is for. */
    weekDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    dueAt: instant,
    submittedAt: instant,
    onTime: z.boolean(),
  }),
);

/**
 * A department's weekly report is missing after its Wednesday 15:00 deadline. Sent once per
 * (campaign, department, week), however many replicas run the check.
 */
export const weeklyReportOverdueV1 = defineEvent(
  'rectification.weekly-report.overdue',
  1,
  z.object({
    campaignId: z.string().uuid(),
    agencyId: z.string().uuid(),
    /** The reporting Wednesday the missing report is for. */
    weekDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    dueAt: instant,
    detectedAt: instant,
  }),
);
