import type { LocalDate } from './chinese-date';
import type { MeasureDeadline } from './measure-deadline-label';

export type MeasureStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
/** The rectification office's check against the ledger (对账). */
export type MeasureVerification = 'NONE' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

/** 整改措施: one ledger row. */
export interface LedgerMeasure {
  /** As the plan numbers it: 1, 2, 3.1. */
  sequence: string;
  text: string;
  deadline: MeasureDeadline;
  /** A long-term (长期坚持) measure that is COMPLETED reads 长效机制已建立. */
  status: MeasureStatus;
  verification?: MeasureVerification | null;
  /** Written evidence, e.g. 立案号：20230414049. */
  evidenceNotes?: readonly string[];
  completedOn?: LocalDate | null;
}

/** 具体问题 with the columns the seed prints once per problem. */
export interface LedgerProblem {
  /** 序号 as the seed writes it: our number and the source's, 1 (21). */
  displayNumber: string;
  description: string;
  /** 牵头领导, a name. */
  leadLeader: string | null;
  /** 责任部门, a name. */
  responsibleDepartment: string | null;
  measures: readonly LedgerMeasure[];
}

/** 台账: one campaign's table (seed 003, annex 1). */
export interface Ledger {
  /** The table's title, e.g. 推进落实市委巡视整改工作措施一览表. */
  title: string;
  /** Deadlines count from this day (seed 003: 完成时限 (自8月29日起)); also the year labels omit. */
  deadlinesCountFrom?: LocalDate | null;
  /** 填报单位, 联系人, 联系电话: the lines above the seed's table. */
  reportingUnit?: string | null;
  contact?: string | null;
  contactPhone?: string | null;
  /** The day the figures stand at (截至). */
  asOf?: LocalDate | null;
  problems: readonly LedgerProblem[];
}
