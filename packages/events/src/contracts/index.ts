export {
  falseRectificationFoundV1,
  findingConfirmedV1,
  inspectionRoundClosedV1,
  unitFeedbackIssuedV1,
} from './inspections';
export {
  measureAssignedV1,
  measureCompletedV1,
  problemClosedV1,
  problemOpenedV1,
  problemReopenedV1,
  weeklyReportOverdueV1,
  weeklyReportSubmittedV1,
} from './rectification';
export {
  directLineRepliedV1,
  supervisionEscalationTriggeredV1,
  supervisionItemAssignedV1,
  supervisionItemLightChangedV1,
  supervisionReportOverdueV1,
} from './supervision';
export {
  taskAcknowledgedV1,
  taskCompletionRequestedV1,
  directLineRaisedV1,
  directLineKindSchema,
  taskProgressReportedV1,
  taskSubjectKindSchema,
  evidenceSchema,
} from './agencies';
export type { TaskSubjectKind } from './agencies';
export {
  agenciesWeeklyRollupTakenV1,
  supervisionWeeklyRollupTakenV1,
  weeklyRollupReadyV1,
} from './weekly-rollup';
