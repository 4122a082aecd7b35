import { z } from 'zod';

/** Building blocks of this subgraph's input schemas (each use case validates before it reads). */
export const uuid = z.string().uuid('must be an id');

/** 'YYYY-MM-DD' naming a real day (no 2023-02-30). */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'no such date',
  );

export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Declared by every write; the runtime's idempotency layer reads it, the use case ignores it. */
export const idempotencyKey = z.string().max(200).nullish();

export { expectedVersion } from '@eco/subgraph';

export const year = z.number().int().min(2000).max(2100);
