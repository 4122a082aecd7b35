import { z } from 'zod';

/** Who caused an event: a person acting for an agency, or the system itself (null). */
export const actorSchema = z
  .object({ personId: z.string().uuid(), agencyId: z.string().uuid(), name: z.string().optional() })
  .nullable();

export type EventActor = z.infer<typeof actorSchema>;

/** The wire format of every event; `payload` is checked against the contract named by `subject`. */
export const envelopeSchema = z.object({
  id: z.string().uuid(),
  subject: z.string().regex(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/),
  occurredAt: z.string().datetime({ offset: true }),
  producer: z.string(),
  actor: actorSchema,
  correlationId: z.string().optional(),
  payload: z.unknown(),
});

export type EventEnvelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };
