import type { LedgerRow } from '../api/types';
import { isOverdue } from './overview-stats';

export interface LedgerFilter {
  departmentId: string;
  status: string;
  verification: string;
  overdueOnly: boolean;
  text: string;
}

export const NO_FILTER: LedgerFilter = {
  departmentId: '',
  status: '',
  verification: '',
  overdueOnly: false,
  text: '',
};

/** The ledger rows a filter keeps ('' means any). Text matches the problem and the measure. */
export function filterLedger(rows: readonly LedgerRow[], filter: LedgerFilter, now: Date): LedgerRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!filter.departmentId || r.responsibleDepartment?.id === filter.departmentId) &&
      (!filter.status || r.status === filter.status) &&
      (!filter.verification || r.verification === filter.verification) &&
      (!filter.overdueOnly ||
        isOverdue({ status: r.status ?? undefined, dueAt: r.measure?.dueAt ?? null }, now)) &&
      (!text ||
        `${r.problem.displayNumber} ${r.problemDescription} ${r.measureText ?? ''}`
          .toLowerCase()
          .includes(text)),
  );
}

export function ledgerDepartments(rows: readonly LedgerRow[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows)
    if (r.responsibleDepartment) seen.set(r.responsibleDepartment.id, r.responsibleDepartment.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
