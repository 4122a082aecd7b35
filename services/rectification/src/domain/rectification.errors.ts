import { DomainError } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';

/** Every code this subgraph returns; each is documented next to the use case that raises it. */
export const RectificationErrorCode = {
  Forbidden: 'FORBIDDEN',
  ProblemNotFound: 'PROBLEM_NOT_FOUND',
  MeasureNotFound: 'MEASURE_NOT_FOUND',
  CampaignNotFound: 'CAMPAIGN_NOT_FOUND',
  InvalidInput: 'RECTIFICATION_INVALID_INPUT',
  /** A status change that goes backwards, or a change to a completed measure. */
  MeasureStatusTransitionInvalid: 'MEASURE_STATUS_TRANSITION_INVALID',
  /** Submitting a measure already submitted or accepted, or verifying one not submitted. */
  MeasureVerificationStateInvalid: 'MEASURE_VERIFICATION_STATE_INVALID',
  /** Only a completed measure is submitted for verification. */
  MeasureNotCompleted: 'MEASURE_NOT_COMPLETED',
  /** Adding measures to, or changing measures of, a closed problem: reopen it first. */
  ProblemClosed: 'PROBLEM_CLOSED',
  ProblemNotClosed: 'PROBLEM_NOT_CLOSED',
  /** The week given is not a reporting Wednesday of the campaign (or is a holiday one). */
  WeeklyReportWeekInvalid: 'WEEKLY_REPORT_WEEK_INVALID',
  /** The campaign has no weekly-report start date. */
  WeeklyReportsNotScheduled: 'WEEKLY_REPORTS_NOT_SCHEDULED',
  /** A follow-up plan for a completed measure: it has nothing left to plan. */
  FollowUpPlanNotNeeded: 'FOLLOW_UP_PLAN_NOT_NEEDED',
  /** A follow-up plan before the campaign's report date is recorded: there is no report deadline yet. */
  ReportDeadlineUnknown: 'REPORT_DEADLINE_UNKNOWN',
} as const;

export type RectificationErrorCode = (typeof RectificationErrorCode)[keyof typeof RectificationErrorCode];

export const rectificationError = (
  code: RectificationErrorCode,
  message: string,
  fieldErrors: FieldError[] = [],
) => new DomainError(code, message, fieldErrors);
