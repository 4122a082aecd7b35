export { chineseDate, chineseDateRange, chineseDateTime, chineseMonthDay } from './chinese-date';
export type { LocalDate, LocalDateTime } from './chinese-date';
export { chineseNumeral } from './chinese-numeral';
export { measureDeadlineLabel } from './measure-deadline-label';
export type { MeasureDeadline } from './measure-deadline-label';
export type {
  Ledger,
  LedgerMeasure,
  LedgerProblem,
  MeasureStatus,
  MeasureVerification,
} from './ledger.types';
export {
  LEDGER_HEADERS,
  LEDGER_COLUMN_ORDER,
  completionText,
  deadlineHeader,
  ledgerHeaders,
  ledgerRows,
} from './ledger-columns';
export type { LedgerColumnKey, LedgerRowValues } from './ledger-columns';
export { renderLedgerXlsx, LEDGER_SHEET_NAME, LEDGER_HEADER_ROW } from './ledger-xlsx';
export type { LedgerXlsxOptions } from './ledger-xlsx';
export type {
  DepartmentWeeklyReport,
  WeeklyReportDocument,
  WeeklySubmission,
  WeeklySubmissionStatus,
} from './weekly-report.types';
export {
  renderWeeklyReportDocx,
  WEEKLY_REPORT_TITLE,
  WEEKLY_REPORT_SECTIONS,
  SUBMISSIONS_HEADING,
} from './weekly-report-docx';
export { renderCsv, neutraliseFormula } from './csv';
export type { CsvColumn, CsvValue } from './csv';
export { renderNoticeSummary, renderNoticeText } from './progress-notice-text';
export type {
  DisciplineFigures,
  NoticeContacts,
  NoticeFigures,
  NoticeInspection,
  NoticeSourceKind,
  NoticeTextOptions,
  ProgressNoticeText,
} from './progress-notice-text';
export { EXPORT_MEDIA_TYPES, attachmentDisposition } from './media-types';
export type { ExportFormat } from './media-types';
