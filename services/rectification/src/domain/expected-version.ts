import { z } from 'zod';

/** The version the caller last read; a stale one is refused with CONFLICT (ADR 0008). */
export const expectedVersion = z.number().int().min(1).max(2_147_483_647).nullish();
