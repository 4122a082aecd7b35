import { chineseDate, chineseMonthDay, yearOf } from './chinese-date';
import type { Ledger, LedgerMeasure, LedgerProblem } from './ledger.types';
import { measureDeadlineLabel } from './measure-deadline-label';

/**
 * Seed 003 annex 1's columns, in its order and words, then 整改完成情况 (DOMAIN's "status"): the seed
 * folds status and evidence into 完成时限 (已完成整改。该点位已立案查处…); we keep them apart.
 */
export const LEDGER_HEADERS = {
  number: '序号',
  problem: '具体问题',
  leadLeader: '牵头领导',
  department: '责任部门',
  measure: '整改措施',
  deadline: '完成时限',
  completion: '整改完成情况',
} as const;

export type LedgerColumnKey = keyof typeof LEDGER_HEADERS;

export const LEDGER_COLUMN_ORDER: readonly LedgerColumnKey[] = [
  'number',
  'problem',
  'leadLeader',
  'department',
  'measure',
  'deadline',
  'completion',
];

/** The columns a problem shows once however many measures it has (merged in the seed's table). */
export const PROBLEM_COLUMNS: readonly LedgerColumnKey[] = ['number', 'problem', 'leadLeader', 'department'];

/** 完成时限 (自8月29日起), exactly as the seed heads the column, when deadlines count from a day. */
export function deadlineHeader(ledger: Pick<Ledger, 'deadlinesCountFrom'>): string {
  return ledger.deadlinesCountFrom
    ? `${LEDGER_HEADERS.deadline} (自${chineseMonthDay(ledger.deadlinesCountFrom)}起)`
    : LEDGER_HEADERS.deadline;
}

export function ledgerHeaders(ledger: Pick<Ledger, 'deadlinesCountFrom'>): string[] {
  return LEDGER_COLUMN_ORDER.map((key) =>
    key === 'deadline' ? deadlineHeader(ledger) : LEDGER_HEADERS[key],
  );
}

const STATUS_LABELS = { NOT_STARTED: '未启动', IN_PROGRESS: '推进中', COMPLETED: '已完成' } as const;
const VERIFICATION_LABELS = {
  NONE: '',
  SUBMITTED: '待对账',
  ACCEPTED: '已对账',
  RETURNED: '对账退回',
} as const;

/** 整改完成情况: 已完成（2025年3月20日）。立案号：20230414049。已对账。 */
export function completionText(measure: LedgerMeasure): string {
  const longTerm = measure.deadline.kind === 'LONG_TERM';
  const status =
    longTerm && measure.status === 'COMPLETED'
      ? '长效机制已建立'
      : longTerm && measure.status === 'IN_PROGRESS'
        ? '持续推进'
        : STATUS_LABELS[measure.status];
  const when =
    measure.status === 'COMPLETED' && measure.completedOn ? `（${chineseDate(measure.completedOn)}）` : '';
  const verification = VERIFICATION_LABELS[measure.verification ?? 'NONE'];
  return [`${status}${when}`, ...(measure.evidenceNotes ?? []), verification]
    .filter((part) => part.length > 0)
    .map((part) => (/[。！？.]$/.test(part) ? part : `${part}。`))
    .join('');
}

/** 整改措施 with the plan's number in front (1. …, 3.1. …) unless the text already starts with it. */
export function measureCellText(measure: LedgerMeasure): string {
  return measure.text.startsWith(measure.sequence) ? measure.text : `${measure.sequence}. ${measure.text}`;
}

/** One table row: the problem's columns and one measure's (empty for a problem without measures). */
export type LedgerRowValues = Record<LedgerColumnKey, string>;

export function ledgerRows(ledger: Ledger): { problem: LedgerProblem; values: LedgerRowValues }[] {
  const referenceYear = ledger.deadlinesCountFrom ? yearOf(ledger.deadlinesCountFrom) : undefined;
  return ledger.problems.flatMap((problem) => {
    const problemValues = {
      number: problem.displayNumber,
      problem: problem.description,
      leadLeader: problem.leadLeader ?? '',
      department: problem.responsibleDepartment ?? '',
    };
    if (problem.measures.length === 0) {
      return [{ problem, values: { ...problemValues, measure: '', deadline: '', completion: '' } }];
    }
    return problem.measures.map((measure) => ({
      problem,
      values: {
        ...problemValues,
        measure: measureCellText(measure),
        deadline: measureDeadlineLabel(measure.deadline, referenceYear),
        completion: completionText(measure),
      },
    }));
  });
}
