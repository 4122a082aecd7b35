import { z } from 'zod';
import type { MeasureDeadlineKind } from '../persistence/measure.entity';

export interface MeasureDeadline {
  kind: MeasureDeadlineKind;
  startsOn: string | null;
  dueOn: string | null;
  label: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const measureDeadlineInputSchema = z
  .object({
    kind: z.enum(['DATE', 'DATE_RANGE', 'MONTH_END', 'LONG_TERM', 'NONE']),
    startsOn: isoDate.nullish(),
    dueOn: isoDate.nullish(),
    label: z.string().trim().min(1).max(100).nullish(),
  })
  .superRefine((d, ctx) => {
    const needsDue = d.kind === 'DATE' || d.kind === 'DATE_RANGE' || d.kind === 'MONTH_END';
    if (needsDue && !d.dueOn)
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: `a ${d.kind} deadline needs dueOn` });
    if (!needsDue && (d.dueOn || d.startsOn))
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: `a ${d.kind} deadline has no dates` });
    if (d.kind === 'DATE_RANGE' && !d.startsOn)
      ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'a DATE_RANGE deadline needs startsOn' });
    if (d.kind !== 'DATE_RANGE' && d.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['startsOn'],
        message: 'only a DATE_RANGE deadline has startsOn',
      });
    if (d.startsOn && d.dueOn && d.startsOn > d.dueOn)
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'dueOn is before startsOn' });
  });

function lastDayOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Normalises a validated deadline: month-end deadlines land on the month's last day; labels default. */
export function normaliseDeadline(input: z.infer<typeof measureDeadlineInputSchema>): MeasureDeadline {
  const dueOn =
    input.kind === 'MONTH_END' && input.dueOn ? lastDayOfMonth(input.dueOn) : (input.dueOn ?? null);
  const defaultLabel: Record<MeasureDeadlineKind, string> = {
    DATE: dueOn ?? '',
    DATE_RANGE: `${input.startsOn} 至 ${dueOn}`,
    MONTH_END: dueOn ? `${Number(dueOn.slice(5, 7))}月底` : '',
    LONG_TERM: '长期坚持',
    NONE: '无期限',
  };
  return {
    kind: input.kind,
    startsOn: input.startsOn ?? null,
    dueOn,
    label: input.label ?? defaultLabel[input.kind],
  };
}
