import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { ConsumerInfo, JetStreamManager } from '@nats-io/jetstream';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { createServiceDataSource, createTestDatabase, migrationSchema, openServiceDatabase } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { createLogger } from '@eco/logging';
// The light modules only: the package index would load the whole stack (every service).
import { resolveTestServices } from '@eco/testing/src/real-services';
import { waitFor } from '@eco/testing/src/wait-for';
import {
  EventConsumer,
  JetStreamTransport,
  OutboxRelay,
  defineEvent,
  defineHandler,
  recordEvent,
  streamNameFor,
} from '../src';
import type {
  BatchHandler,
  Delivery,
  EventEnvelope,
  EventHandler,
  EventTransport,
  Subscription,
  SubscriptionSpec,
} from '../src';

/**
 * Shared set-up of the events integration tests: a database of the test file's own on the real
 * PostgreSQL, a JetStream namespace of its own on the real NATS, a small `effects` table for
 * handlers to write to, and observation taps on the transport. Nothing here replaces the
 * database or the bus; the taps delegate to the real JetStream transport.
 */

// EVENTS_TEST_LOG=warn shows what the relay and consumers log while debugging a test.
export const logger = createLogger('test', process.env.EVENTS_TEST_LOG ?? 'silent');
export const SCHEMA = 'evtest';
export const producer = { producer: 'events-int-test', actor: null };
export { waitFor };

/**
 * What handlers write. No unique key on `event_id` on purpose: a second application of one event
 * must show up as a second row rather than as an error that the consumer would retry.
 */
export class CreateEffects1800000000000 implements MigrationInterface {
  name = 'CreateEffects1800000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(`CREATE TABLE ${s}.effects (
      id bigserial PRIMARY KEY, handler text NOT NULL, event_id uuid NOT NULL, seq int NOT NULL, note text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${migrationSchema(q)}.effects`);
  }
}

const thingPayload = z.object({ seq: z.number().int(), note: z.string() });

/** A test contract of its own per scenario (`aggregate`: letters only), so durables never share messages. */
export function thingContract(aggregate: string) {
  return defineEvent(`testctx.${aggregate}.happened`, 1, thingPayload);
}
export type ThingContract = ReturnType<typeof thingContract>;

/** A handler that records one effect row per application; `before` may throw to simulate a failure. */
export function effectHandler(
  name: string,
  contract: ThingContract,
  before?: (event: EventEnvelope<z.infer<typeof thingPayload>>) => void | Promise<void>,
): EventHandler {
  return defineHandler({
    name,
    contract,
    async handle(manager: EntityManager, event) {
      await before?.(event);
      await manager.query(
        `INSERT INTO "${SCHEMA}".effects (handler, event_id, seq, note) VALUES ($1, $2, $3, $4)`,
        [name, event.id, event.payload.seq, event.payload.note],
      );
    },
  });
}

export interface DeliveryRecord {
  subject: string;
  eventId: string | null;
  deliveryCount: number;
  settled: 'ack' | 'nak' | 'none';
  nakDelayMs?: number;
  at: number;
}

/**
 * Delegates to a real transport and records what passes through; `failPublish` injects a fault
 * in front of it (the relay's view of a NATS outage). Closing it leaves the real transport open.
 */
export class TappedTransport implements EventTransport {
  readonly kind: EventTransport['kind'];
  failPublish = false;
  readonly published: string[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  /** How many deliveries each batch handed to the consumer held. */
  readonly batchSizes: number[] = [];

  constructor(private readonly inner: EventTransport) {
    this.kind = inner.kind;
  }

  async publish(subject: string, data: Uint8Array, messageId: string): Promise<void> {
    if (this.failPublish) throw new Error('injected fault: NATS unavailable');
    await this.inner.publish(subject, data, messageId);
    this.published.push(messageId);
  }

  subscribe(spec: SubscriptionSpec, onBatch: BatchHandler): Promise<Subscription> {
    return this.inner.subscribe(spec, async (batch) => {
      this.batchSizes.push(batch.length);
      await onBatch(batch.map((delivery) => this.tap(delivery)));
    });
  }

  private tap(delivery: Delivery): Delivery {
    const record: DeliveryRecord = {
      subject: delivery.subject,
      eventId: eventIdOf(delivery.data),
      deliveryCount: delivery.deliveryCount,
      settled: 'none',
      at: Date.now(),
    };
    this.deliveries.push(record);
    return {
      subject: delivery.subject,
      data: delivery.data,
      deliveryCount: delivery.deliveryCount,
      ack: () => {
        record.settled = 'ack';
        delivery.ack();
      },
      nak: (delayMs) => {
        record.settled = 'nak';
        record.nakDelayMs = delayMs;
        delivery.nak(delayMs);
      },
    };
  }

  async close(): Promise<void> {}
}

function eventIdOf(data: Uint8Array): string | null {
  try {
    return (JSON.parse(new TextDecoder().decode(data)) as { id?: string }).id ?? null;
  } catch {
    return null;
  }
}

export const encode = (value: unknown): Uint8Array =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const idsOf = (events: { id: string }[]) => events.map((e) => e.id);

export interface OutboxRow {
  position: string;
  event_id: string;
  subject: string;
  published_at: Date | null;
  leased_until: Date | null;
  attempts: number;
  last_error: string | null;
}

export interface Harness {
  db: TestDatabase;
  namespace: string;
  dataSource: DataSource;
  transport: JetStreamTransport;
  jsm: JetStreamManager;
  /** Another data source on the same database and schema, as a second replica would open. */
  openDataSource(): Promise<DataSource>;
  /** Starts a consumer on a tapped transport; it is stopped by `cleanup()`. */
  startConsumer(options: {
    service: string;
    handlers: EventHandler[];
    maxAttempts?: number;
  }): Promise<{ consumer: EventConsumer; tap: TappedTransport }>;
  /** A relay (not started); it is stopped by `cleanup()`. */
  relay(options?: {
    dataSource?: DataSource;
    transport?: EventTransport;
    batchSize?: number;
    pollIntervalMs?: number;
  }): OutboxRelay;
  record(contract: ThingContract, payloads: { seq: number; note: string }[]): Promise<EventEnvelope[]>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  outbox(subject: string): Promise<OutboxRow[]>;
  effects(handler: string): Promise<{ event_id: string; seq: number; note: string }[]>;
  inbox(consumer: string): Promise<{ event_id: string; subject: string }[]>;
  deadLetters(consumer: string): Promise<
    {
      event_id: string;
      subject: string;
      envelope: unknown;
      error: string;
      attempts: number;
      replayed_at: Date | null;
    }[]
  >;
  /** Messages the stream holds on one subject. */
  stored(subject: string): Promise<number>;
  consumerInfo(durable: string): Promise<ConsumerInfo>;
  /** Waits until the durable has nothing pending and nothing unacknowledged. */
  drained(durable: string): Promise<ConsumerInfo>;
  /** Waits until exactly `count` outbox rows of the subject exist and all are published. */
  publishedAll(subject: string, count: number): Promise<OutboxRow[]>;
  /** Waits until the handler has at least `count` effects (tests then assert the exact count). */
  appliedAll(handler: string, count: number): Promise<{ event_id: string; seq: number; note: string }[]>;
  cleanup(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(label: string): Promise<Harness> {
  const services = await resolveTestServices();
  if (services.fallback || !services.natsUrl) {
    throw new Error('the events integration tests need the real PostgreSQL and NATS JetStream (no fallback)');
  }
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const streamName = streamNameFor(namespace);
  const db = await createTestDatabase(services.postgresUrl, label);
  const dataSources: DataSource[] = [];
  const pending: (() => Promise<unknown>)[] = [];
  let transport: JetStreamTransport | undefined;
  let nc: NatsConnection | undefined;

  const openDataSource = async () => {
    const ds = createServiceDataSource({
      url: db.url,
      schema: SCHEMA,
      entities: [],
      migrations: [CreateEffects1800000000000],
      poolSize: 4,
      logger,
    });
    dataSources.push(ds);
    return openServiceDatabase(ds);
  };

  const stop = async () => {
    for (const step of pending.splice(0).reverse()) await step().catch(() => undefined);
    await transport?.deleteStream();
    await transport?.close();
    await nc?.close();
    for (const ds of dataSources) if (ds.isInitialized) await ds.destroy();
    await db.drop();
  };

  try {
    const dataSource = await openDataSource();
    transport = await JetStreamTransport.connect({ url: services.natsUrl, namespace, logger });
    nc = await connect({ servers: services.natsUrl, name: `events-int-${namespace}` });
    const jsm = await jetstreamManager(nc);
    const real = transport;
    const rows = <T>(sql: string, params: unknown[] = []) => dataSource.query(sql, params) as Promise<T[]>;

    const harness: Harness = {
      db,
      namespace,
      dataSource,
      transport: real,
      jsm,
      openDataSource,
      async startConsumer({ service, handlers, maxAttempts }) {
        const tap = new TappedTransport(real);
        const consumer = new EventConsumer({
          service,
          dataSource,
          transport: tap,
          logger,
          maxAttempts,
        }).register(...handlers);
        pending.push(() => consumer.stop());
        await consumer.start();
        return { consumer, tap };
      },
      relay(options = {}) {
        const relay = new OutboxRelay({
          dataSource: options.dataSource ?? dataSource,
          transport: options.transport ?? real,
          logger,
          batchSize: options.batchSize,
          pollIntervalMs: options.pollIntervalMs ?? 100,
        });
        pending.push(() => relay.stop());
        return relay;
      },
      record(contract, payloads) {
        return dataSource.transaction(async (manager) => {
          const recorded: EventEnvelope[] = [];
          for (const payload of payloads)
            recorded.push(await recordEvent(manager, contract, payload, producer));
          return recorded;
        });
      },
      rows,
      outbox: (subject) =>
        rows<OutboxRow>(
          `SELECT position, event_id, subject, published_at, leased_until, attempts, last_error
             FROM "${SCHEMA}".outbox WHERE subject = $1 ORDER BY position`,
          [subject],
        ),
      effects: (handler) =>
        rows(`SELECT event_id, seq, note FROM "${SCHEMA}".effects WHERE handler = $1 ORDER BY id`, [handler]),
      inbox: (consumer) =>
        rows(
          `SELECT event_id, subject FROM "${SCHEMA}".inbox WHERE consumer = $1 ORDER BY applied_at, event_id`,
          [consumer],
        ),
      deadLetters: (consumer) =>
        rows(
          `SELECT event_id, subject, envelope, error, attempts, replayed_at
             FROM "${SCHEMA}".dead_letters WHERE consumer = $1 ORDER BY failed_at, error`,
          [consumer],
        ),
      async stored(subject) {
        const wire = `${namespace}.${subject}`;
        const info = await jsm.streams.info(streamName, { subjects_filter: wire });
        return info.state.subjects?.[wire] ?? 0;
      },
      consumerInfo: (durable) => jsm.consumers.info(streamName, durable),
      drained: (durable) =>
        waitFor(
          `${durable} to have every message delivered and acknowledged`,
          async () => {
            const info = await jsm.consumers.info(streamName, durable);
            return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
          },
          { timeoutMs: 10_000 },
        ),
      publishedAll: (subject, count) =>
        waitFor(`${count} outbox rows of ${subject} to be published`, async () => {
          const outbox = await harness.outbox(subject);
          return outbox.length === count && outbox.every((r) => r.published_at !== null) ? outbox : undefined;
        }),
      appliedAll: (handler, count) =>
        waitFor(`${count} effects of ${handler}`, async () => {
          const effects = await harness.effects(handler);
          return effects.length >= count ? effects : undefined;
        }),
      async cleanup() {
        // Every step runs even if one fails; the first failure is reported.
        const failures: unknown[] = [];
        for (const step of pending.splice(0).reverse()) await step().catch((error) => failures.push(error));
        if (failures.length > 0) throw failures[0];
      },
      stop,
    };
    return harness;
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Gives a describe block a harness of its own: started once, cleaned after each test, stopped at
 * the end. `assign` receives it (tests keep a `let h: Harness`).
 */
export function useHarness(label: string, assign: (harness: Harness) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(label);
    assign(harness);
  }, 20_000);
  afterEach(async () => {
    await harness?.cleanup();
  }, 20_000);
  afterAll(async () => {
    await harness?.stop();
  }, 20_000);
}
