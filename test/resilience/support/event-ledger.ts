import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { streamNameFor } from '@eco/events';
import type { ProcessStack } from '@eco/testing';

/** One durable JetStream consumer: a service's handler of one event subject. */
export interface DurableConsumer {
  /** The consuming service, also the schema of its inbox. */
  service: string;
  name: string;
  /** Contract subject (no namespace), e.g. `agencies.task.progress-reported.v1`. */
  subject: string;
  /** Deliveries JetStream made to it, first ones and redeliveries alike. */
  deliveries: number;
}

/** Every durable consumer of the stack's stream, as JetStream reports it. */
export async function durableConsumers(
  stack: Pick<ProcessStack, 'natsUrl' | 'namespace'>,
): Promise<DurableConsumer[]> {
  const nc = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const infos = await jsm.consumers.list(streamNameFor(stack.namespace)).next();
    return infos.map((info) => ({
      service: info.name.split('--')[0]!,
      name: info.name,
      subject: (info.config.filter_subject ?? '').slice(stack.namespace.length + 1),
      deliveries: info.delivered.consumer_seq,
    }));
  } finally {
    await nc.close();
  }
}

/** Messages JetStream holds in the stack's stream (a republished event inside the duplicate window is stored once). */
export async function streamMessages(stack: Pick<ProcessStack, 'natsUrl' | 'namespace'>): Promise<number> {
  const nc = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    return (await jsm.streams.info(streamNameFor(stack.namespace))).state.messages;
  } finally {
    await nc.close();
  }
}

/** The producing service of a subject `<context>.<aggregate>.<event>.v<N>`: its context. */
const producerOf = (subject: string) => subject.split('.')[0]!;
const SCHEMA = /^[a-z]+$/;

/** Outbox positions per producing service, e.g. at the moment a fault was healed. */
export type OutboxMark = Record<string, number>;

export async function outboxMark(stack: ProcessStack, consumers: DurableConsumer[]): Promise<OutboxMark> {
  const mark: OutboxMark = {};
  for (const producer of new Set(consumers.map((c) => producerOf(c.subject)))) {
    if (!SCHEMA.test(producer)) throw new Error(`unexpected producer ${producer}`);
    const [row] = await stack.sql<{ p: string | null }>(
      `SELECT max(position) AS p FROM "${producer}".outbox`,
    );
    mark[producer] = Number(row?.p ?? 0);
  }
  return mark;
}

/**
 * Events some consumer has not recorded in its inbox yet: for each durable consumer, the events of its
 * subject in the producer's outbox (up to `mark`, when given) with no inbox row of that consumer.
 */
export async function unappliedEvents(
  stack: ProcessStack,
  consumers: DurableConsumer[],
  mark?: OutboxMark,
): Promise<number> {
  if (consumers.length === 0) return 0;
  const params: unknown[] = [];
  const parts = consumers.map((c) => {
    const producer = producerOf(c.subject);
    if (!SCHEMA.test(producer) || !SCHEMA.test(c.service)) throw new Error(`unexpected consumer ${c.name}`);
    params.push(c.subject, c.name, mark?.[producer] ?? null);
    const [subject, name, upTo] = [params.length - 2, params.length - 1, params.length];
    return `SELECT count(*)::int AS n FROM "${producer}".outbox o
      WHERE o.subject = $${subject} AND ($${upTo}::bigint IS NULL OR o.position <= $${upTo})
        AND NOT EXISTS (SELECT 1 FROM "${c.service}".inbox i WHERE i.consumer = $${name} AND i.event_id = o.event_id)`;
  });
  const rows = await stack.sql<{ n: number }>(parts.join(' UNION ALL '), params);
  return rows.reduce((sum, r) => sum + r.n, 0);
}

/** Outbox rows the relays have not marked published yet, across these services. */
export async function unpublishedEvents(stack: ProcessStack, services: readonly string[]): Promise<number> {
  let total = 0;
  for (const schema of services) {
    if (!SCHEMA.test(schema)) throw new Error(`unexpected service ${schema}`);
    const [row] = await stack.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
    );
    total += row!.n;
  }
  return total;
}

/**
 * What is still in flight: events not yet marked published plus events some consumer has not
 * applied. Both must reach zero: a consumer can apply an event before its relay has marked it
 * published (the mark follows JetStream's acknowledgement), so "all applied" alone is not drained.
 */
export async function eventBacklog(
  stack: ProcessStack,
  consumers: DurableConsumer[],
  services: readonly string[],
): Promise<number> {
  return (await unpublishedEvents(stack, services)) + (await unappliedEvents(stack, consumers));
}

export interface EventTallies {
  /** Outbox rows published (acknowledged by JetStream), all services. */
  published: number;
  unpublished: number;
  /** Relay claims beyond one per row: publishes retried after a failure or an expired lease. */
  republished: number;
  streamMessages: number;
  deliveries: number;
  /** Inbox rows: events applied, once per consumer. */
  applied: number;
  /** Deliveries that found the event already in the inbox and were acknowledged with no effect. */
  duplicatesSuppressed: number;
  deadLetters: number;
  /** Events of a consumer's subject it never recorded. */
  unapplied: number;
}

export async function eventTallies(stack: ProcessStack, services: readonly string[]): Promise<EventTallies> {
  const consumers = await durableConsumers(stack);
  const sum = async (query: (schema: string) => string) => {
    let total = 0;
    for (const schema of services) total += Number((await stack.sql<{ n: string }>(query(schema)))[0]!.n);
    return total;
  };
  const published = await sum(
    (s) => `SELECT count(*) AS n FROM "${s}".outbox WHERE published_at IS NOT NULL`,
  );
  const claims = await sum(
    (s) => `SELECT coalesce(sum(attempts), 0) AS n FROM "${s}".outbox WHERE published_at IS NOT NULL`,
  );
  const applied = await sum((s) => `SELECT count(*) AS n FROM "${s}".inbox`);
  const deliveries = consumers.reduce((total, c) => total + c.deliveries, 0);
  return {
    published,
    unpublished: await unpublishedEvents(stack, services),
    republished: claims - published,
    streamMessages: await streamMessages(stack),
    deliveries,
    applied,
    duplicatesSuppressed: Math.max(0, deliveries - applied),
    deadLetters: await sum((s) => `SELECT count(*) AS n FROM "${s}".dead_letters`),
    unapplied: await unappliedEvents(stack, consumers),
  };
}
