export { findingConfirmedV1 } from './inspections';
export { measureAssignedV1 } from './rectification';
export { supervisionItemAssignedV1 } from './supervision';
export {
  taskAcknowledgedV1,
  taskProgressReportedV1,
  taskSubjectKindSchema,
  evidenceSchema,
} from './agencies';
export type { TaskSubjectKind } from './agencies';
