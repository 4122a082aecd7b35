import { randomUUID } from 'node:crypto';
import type { EventContract } from '@eco/events';
import type { DatasetBuilder } from './dataset';

/** A consumer of an event: its service's schema and its durable name (`<service>--<handler>`). */
export interface HistoricalConsumer {
  schema: string;
  consumer: string;
}

/**
 * The trace a past event leaves, as the running system would have left it: a published outbox row
 * in the producer's schema and an inbox row in every consumer's. Large published outboxes and
 * inboxes are part of a realistic database (the relay and consumers must stay fast beside them).
 */
export function recordHistoricalEvent(
  b: DatasetBuilder,
  event: {
    producer: string;
    contract: EventContract;
    payload: Record<string, unknown>;
    occurredAt: Date;
    actor: { personId: string; agencyId: string; name?: string } | null;
    consumers: HistoricalConsumer[];
    /** The id the effect rows carry as source_event_id, when they were written first. */
    eventId?: string;
  },
): string {
  const eventId = event.eventId ?? randomUUID();
  const { subject } = event.contract;
  const publishedAt = new Date(event.occurredAt.getTime() + 20 + b.random.int(0, 80));
  b.table(`${event.producer}.outbox`).push({
    event_id: eventId,
    subject,
    envelope: {
      id: eventId,
      subject,
      occurredAt: event.occurredAt.toISOString(),
      producer: event.producer,
      actor: event.actor,
      payload: event.payload,
    },
    created_at: event.occurredAt,
    published_at: publishedAt,
    attempts: 1,
  });
  for (const { schema, consumer } of event.consumers) {
    b.table(`${schema}.inbox`).push({
      consumer,
      event_id: eventId,
      subject,
      applied_at: new Date(publishedAt.getTime() + b.random.int(2, 40)),
    });
  }
  return eventId;
}
