import { DomainError } from '@eco/subgraph';
import type { FieldError } from '@eco/subgraph';

/** Every code this subgraph returns besides CONFLICT (stale expectedVersion, from @eco/subgraph). */
export const SupervisionErrorCode = {
  Forbidden: 'FORBIDDEN',
  InvalidInput: 'SUPERVISION_INVALID_INPUT',
  ItemNotFound: 'SUPERVISION_ITEM_NOT_FOUND',
  /** A change to a closed item: it takes no reports, lights, plans or flags. */
  ItemClosed: 'SUPERVISION_ITEM_CLOSED',
  MilestoneNotFound: 'MILESTONE_NOT_FOUND',
  ReportingScheduleNotFound: 'REPORTING_SCHEDULE_NOT_FOUND',
  /** A report for a category with no reporting day configured, or for a period the item owes nothing. */
  ReportNotOwed: 'MONTHLY_REPORT_NOT_OWED',
  MonthlyReportNotFound: 'MONTHLY_REPORT_NOT_FOUND',
  /** Computing a light for an item with no plan (milestones or % targets) to compare with. */
  LightNotComputable: 'LIGHT_NOT_COMPUTABLE',
  EscalationNotFound: 'ESCALATION_NOT_FOUND',
  /** An escalation step out of order (e.g. holding one already waived). */
  EscalationWrongState: 'ESCALATION_WRONG_STATE',
  /** A leader-instruction step on another category, or out of order. */
  LeaderInstructionNotFound: 'LEADER_INSTRUCTION_NOT_FOUND',
  LeaderInstructionWrongState: 'LEADER_INSTRUCTION_WRONG_STATE',
  /** A closure report for an item not of the historical-problem campaign, or a second one. */
  ClosureReportNotAllowed: 'CLOSURE_REPORT_NOT_ALLOWED',
  /** Closing an item whose closing report (批示件专报 / 销项报告) is missing. */
  ClosingReportMissing: 'CLOSING_REPORT_MISSING',
  DirectLineItemNotFound: 'DIRECT_LINE_ITEM_NOT_FOUND',
  DirectLineItemWrongState: 'DIRECT_LINE_ITEM_WRONG_STATE',
} as const;

export type SupervisionErrorCode = (typeof SupervisionErrorCode)[keyof typeof SupervisionErrorCode];

export const supervisionError = (
  code: SupervisionErrorCode,
  message: string,
  fieldErrors: FieldError[] = [],
) => new DomainError(code, message, fieldErrors);

export const notFound = (code: SupervisionErrorCode, field: string, what: string) =>
  supervisionError(code, `no such ${what}`, [{ field, message: 'not found' }]);
