import { DomainError } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';

/** Every code this subgraph answers with (ADR 0005). Prefixed by the aggregate they concern. */
export const InspectionsErrorCode = {
  Forbidden: 'FORBIDDEN',
  InvalidInput: 'INSPECTIONS_INVALID_INPUT',
  RoundNotFound: 'INSPECTION_ROUND_NOT_FOUND',
  RoundClosed: 'INSPECTION_ROUND_CLOSED',
  RoundPeriodNotSet: 'INSPECTION_ROUND_PERIOD_NOT_SET',
  RoundPeriodExcludesTarget: 'INSPECTION_ROUND_PERIOD_EXCLUDES_TARGET',
  RoundHasNoTargets: 'INSPECTION_ROUND_HAS_NO_TARGETS',
  RoundFeedbackOutstanding: 'INSPECTION_ROUND_FEEDBACK_OUTSTANDING',
  RoundReportMissing: 'INSPECTION_ROUND_REPORT_MISSING',
  RoundTargetsNotClosed: 'INSPECTION_ROUND_TARGETS_NOT_CLOSED',
  TargetNotFound: 'INSPECTION_TARGET_NOT_FOUND',
  TargetAlreadyInRound: 'INSPECTION_TARGET_ALREADY_IN_ROUND',
  TargetWindowOutsideRound: 'INSPECTION_TARGET_WINDOW_OUTSIDE_ROUND',
  TargetWindowTooLong: 'INSPECTION_TARGET_WINDOW_TOO_LONG',
  TargetWindowNotSchedulable: 'INSPECTION_TARGET_WINDOW_NOT_SCHEDULABLE',
  TargetWindowNotExtendable: 'INSPECTION_TARGET_WINDOW_NOT_EXTENDABLE',
  TargetWindowNotScheduled: 'INSPECTION_TARGET_WINDOW_NOT_SCHEDULED',
  DeciderNotInGroup: 'INSPECTION_TARGET_DECIDER_NOT_IN_GROUP',
  PhaseTransitionNotAllowed: 'INSPECTION_PHASE_TRANSITION_NOT_ALLOWED',
  UnitNotNotified: 'INSPECTION_UNIT_NOT_NOTIFIED',
  PublicNoticeTooLate: 'INSPECTION_PUBLIC_NOTICE_TOO_LATE',
  PublicNoticeRemovedDuringVisit: 'INSPECTION_PUBLIC_NOTICE_REMOVED_DURING_VISIT',
  MobilisationMeetingMissing: 'INSPECTION_MOBILISATION_MEETING_MISSING',
  FeedbackNotIssued: 'INSPECTION_FEEDBACK_NOT_ISSUED',
  RectificationCheckMissing: 'INSPECTION_RECTIFICATION_CHECK_MISSING',
  WrongPhase: 'INSPECTION_TARGET_WRONG_PHASE',
  MobilisationAlreadyRecorded: 'MOBILISATION_MEETING_ALREADY_RECORDED',
  OrdinaryStaffBelowHalf: 'MOBILISATION_ORDINARY_STAFF_BELOW_HALF',
  SurveyBeforeMobilisation: 'SURVEY_BEFORE_MOBILISATION_MEETING',
  SurveyExceedsAttendees: 'SURVEY_RESPONSES_EXCEED_ATTENDEES',
  CheckItemNotFound: 'CHECKLIST_ITEM_NOT_FOUND',
  ChecklistFileTooLarge: 'CHECKLIST_FILE_TOO_LARGE',
  ChecklistFileUnreadable: 'CHECKLIST_FILE_UNREADABLE',
  ChecklistImportInvalid: 'CHECKLIST_IMPORT_INVALID',
  FindingNotFound: 'FINDING_NOT_FOUND',
  FindingAlreadyConfirmed: 'FINDING_ALREADY_CONFIRMED',
  FindingConfirmedByFeedback: 'FINDING_CONFIRMED_BY_FEEDBACK',
  FindingTargetNotInRound: 'FINDING_TARGET_NOT_IN_ROUND',
  FindingNotSerious: 'FINDING_NOT_SERIOUS',
  FindingAlreadyReferred: 'FINDING_ALREADY_REFERRED',
  FeedbackFindingNotOfTarget: 'FEEDBACK_FINDING_NOT_OF_TARGET',
} as const;

export type InspectionsErrorCode = (typeof InspectionsErrorCode)[keyof typeof InspectionsErrorCode];

export const inspectionsError = (
  code: InspectionsErrorCode,
  message: string,
  fieldErrors: FieldError[] = [],
) => new DomainError(code, message, fieldErrors);
