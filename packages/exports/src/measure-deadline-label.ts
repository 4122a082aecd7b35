import { chineseMonthDay, monthOf, yearOf } from './chinese-date';
import type { LocalDate } from './chinese-date';

/** A measure's deadline in the forms seed 003 uses (same shape as the rectification service's). */
export type MeasureDeadline =
  | { kind: 'DATE'; dueOn: LocalDate; label?: string | null }
  | { kind: 'DATE_RANGE'; startsOn: LocalDate; dueOn: LocalDate; label?: string | null }
  | { kind: 'MONTH_END'; dueOn: LocalDate; label?: string | null }
  | { kind: 'LONG_TERM'; label?: string | null }
  | { kind: 'NONE'; label?: string | null };

/**
 * 完成时限 as the plan writes it. The plan's own wording (label) wins; without one it is written the
 * way seed 003 does: 9月8日前, 自9月11日起至14日, 9月底, 长期坚持. The year appears only when it is
 * not the campaign's (referenceYear).
 */
export function measureDeadlineLabel(deadline: MeasureDeadline, referenceYear?: number): string {
  if (deadline.label) return deadline.label;
  switch (deadline.kind) {
    case 'DATE':
      return `${chineseMonthDay(deadline.dueOn, referenceYear)}前`;
    case 'DATE_RANGE': {
      const start = chineseMonthDay(deadline.startsOn, referenceYear);
      const sameMonth =
        yearOf(deadline.startsOn) === yearOf(deadline.dueOn) &&
        monthOf(deadline.startsOn) === monthOf(deadline.dueOn);
      const end = sameMonth
        ? `${Number(deadline.dueOn.slice(8))}日`
        : chineseMonthDay(deadline.dueOn, yearOf(deadline.startsOn));
      return `自${start}起至${end}`;
    }
    case 'MONTH_END': {
      const year = yearOf(deadline.dueOn);
      const month = `${monthOf(deadline.dueOn)}月底`;
      return referenceYear === undefined || referenceYear === year ? month : `${year}年${month}`;
    }
    case 'LONG_TERM':
      return '长期坚持';
    case 'NONE':
      return '';
  }
}
