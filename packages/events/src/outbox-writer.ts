import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from '@eco/db';
import type { EventContract, PayloadOf } from './contract';
import type { EventActor, EventEnvelope } from './envelope';

export interface RecordEventOptions {
  producer: string;
  actor: EventActor;
  correlationId?: string;
  /** Fixed event id, for events whose identity is derived (e.g. demo data); random otherwise. */
  eventId?: string;
  occurredAt?: Date;
}

/**
 * The envelope an event travels in, its payload validated against the contract. recordEvent stores
 * it; a writer that is not a TypeORM transaction (the benchmark's one-round-trip producer) builds
 * it here too, so every outbox row has the one shape consumers parse.
 */
export function eventEnvelope<C extends EventContract>(
  contract: C,
  payload: PayloadOf<C>,
  options: RecordEventOptions,
): EventEnvelope<PayloadOf<C>> {
  return {
    id: options.eventId ?? randomUUID(),
    subject: contract.subject,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer: options.producer,
    actor: options.actor,
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
    payload: contract.schema.parse(payload),
  };
}

/**
 * Writes an event into the outbox with the caller's transaction, so the change and its event
 * commit or roll back together. The payload is validated against the contract before it is stored.
 */
export async function recordEvent<C extends EventContract>(
  manager: EntityManager,
  contract: C,
  payload: PayloadOf<C>,
  options: RecordEventOptions,
): Promise<EventEnvelope<PayloadOf<C>>> {
  const envelope = eventEnvelope(contract, payload, options);
  await manager.insert(OutboxMessage, {
    eventId: envelope.id,
    subject: envelope.subject,
    envelope,
  });
  return envelope;
}
