import type { LocalDate, LocalDateTime } from './chinese-date';
import type { LedgerProblem } from './ledger.types';

/** One responsible department's 周报 (seed 003, annex 2). */
export interface DepartmentWeeklyReport {
  /** 责任部门, a name. */
  department: string;
  /** (1) 巡视整改落实情况: progress on each item, about 300 characters. Newlines start paragraphs. */
  progress: string;
  /** (2) 经验做法, at most 500 characters. */
  practices: string;
  /** (3) 问题以及意见建议, optional (视具体情况报送). */
  difficulties?: string | null;
  /** The department's items, tabled under (1) so the progress can be read 逐一对照 against them. */
  items?: readonly LedgerProblem[];
}

export type WeeklySubmissionStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE';

/** Who owed a report this week and how it came in (the merged report's appendix). */
export interface WeeklySubmission {
  department: string;
  status: WeeklySubmissionStatus;
  /** Local Shanghai time of the first submission. */
  submittedAt?: LocalDateTime | null;
}

/** 巡视整改工作进展情况周报: one department's, or the office's merge of every department's. */
export interface WeeklyReportDocument {
  /** Defaults to 巡视整改工作进展情况周报, the name seed 003 gives the report. */
  title?: string | null;
  /** 填报单位: the department, or the office (审计办公室) for the merged report. */
  unit: string;
  /** The reporting Wednesday. */
  weekDate: LocalDate;
  /** The week the report covers. */
  period: { from: LocalDate; to: LocalDate };
  /** 报送时限, local Shanghai time (Wednesday 15:00). */
  dueAt?: LocalDateTime | null;
  contact?: string | null;
  contactPhone?: string | null;
  departments: readonly DepartmentWeeklyReport[];
  submissions?: readonly WeeklySubmission[];
  /**
   * The office's merge: each section names its departments under （一）（二）… even when only one
   * has reported. A report of several departments is always set out so.
   */
  merged?: boolean | null;
}
