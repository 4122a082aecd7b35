/** A partner's progress report (反馈) on a task it signed for: the write the township makes most. */
export const REPORT_PROGRESS_MUTATION = `mutation ReportProgress($input: ReportTaskProgressInput!) {
  reportTaskProgress(input: $input) { ok error { code } task { id status } }
}`;

export function reportProgressVariables(taskId: string, sequence: number): Record<string, unknown> {
  return { input: { taskId, note: `巡查进展第${sequence}次：现场已整改（压测）` } };
}
