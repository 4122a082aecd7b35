import { z } from 'zod';
import type { EvidenceRecord } from '../persistence/measure-update.entity';

/** A document given as evidence: its name and where it is, with an optional hash and size. */
export const evidenceInputSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    url: z.string().url('must be a URL').max(2_000).nullish(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')
      .nullish(),
    sizeBytes: z.number().int().nonnegative().nullish(),
  })
  .transform((e): EvidenceRecord => ({
    name: e.name,
    url: e.url ?? null,
    sha256: e.sha256 ?? null,
    sizeBytes: e.sizeBytes ?? null,
  }));

export const evidenceListSchema = z
  .array(evidenceInputSchema)
  .max(20)
  .nullish()
  .transform((list) => list ?? []);

/** Written evidence such as an enforcement case number (立案号 20230414049). */
export const evidenceNotesSchema = z
  .array(z.string().trim().min(1).max(500))
  .max(20)
  .nullish()
  .transform((notes) => notes ?? []);
