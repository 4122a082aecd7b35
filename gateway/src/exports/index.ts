export { createExportRoutes } from './export-routes';
export type { ExportRoutesOptions } from './export-routes';
export { createRunAsCaller } from './run-as-caller';
export type { ExportOperation, RunAsCaller } from './run-as-caller';
