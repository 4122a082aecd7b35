import { z } from 'zod';
import { isPeriod } from './periods';

/** Shared pieces of the use cases' input schemas. */
export const uuid = z.string().uuid('must be an id');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'not a calendar date',
    },
  );

export const period = z.string().refine(isPeriod, { message: 'a month as YYYY-MM' });

export { expectedVersion } from '@eco/subgraph';

export const text = (max: number) =>
  z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
