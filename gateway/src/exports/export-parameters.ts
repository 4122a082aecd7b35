import { z } from 'zod';
import { localDateOf, shanghaiInstant } from '@eco/calendar';
import { invalidParameters } from './export-errors';

const id = z.string({ required_error: 'required' }).uuid('must be an id');

/** A real calendar day, 'YYYY-MM-DD' (2023-02-30 is refused, as the API's Date scalar would). */
const localDate = z
  .string({ required_error: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((date) => {
    try {
      return localDateOf(shanghaiInstant(date)) === date;
    } catch {
      return false;
    }
  }, 'no such date');

export const ledgerParametersSchema = z.object({ campaignId: id });

export const weeklyReportParametersSchema = z.object({
  campaignId: id,
  /** The reporting Wednesday. */
  weekDate: localDate,
  /** One department's own report; the office's merged report when omitted (see the route). */
  agencyId: id.optional(),
});

/** The query string as an object (the first value of a repeated name), validated: 400 with every problem. */
export function parseParameters<S extends z.ZodTypeAny>(schema: S, search: URLSearchParams): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const key of new Set(search.keys())) raw[key] = search.get(key)!;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw invalidParameters(
    result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  );
}
