import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { applyScopeAndActor, systemActor } from '@eco/db';
import type { Logger } from '@eco/logging';
import type { EventContract, PayloadOf } from './contract';
import { envelopeSchema } from './envelope';
import type { EventEnvelope } from './envelope';
import type { Delivery, EventTransport, Subscription } from './transport';

/** An idempotent reaction to one event type; `handle` writes only through `manager`. */
export interface EventHandler<C extends EventContract = EventContract> {
  /** Stable name: with the service it names the durable consumer and the inbox rows. */
  name: string;
  contract: C;
  handle(manager: EntityManager, event: EventEnvelope<PayloadOf<C>>): Promise<void>;
  /**
   * Optional: applies several events, in order, with the effect of `handle` on each one after
   * another, in fewer statements (one query for what they all read, one insert for what they all
   * write). Throwing fails them all; the consumer then applies them one by one through `handle`,
   * so an invalid event is refused alone.
   */
  handleMany?(manager: EntityManager, events: EventEnvelope<PayloadOf<C>>[]): Promise<void>;
}

export function defineHandler<C extends EventContract>(handler: EventHandler<C>): EventHandler<C> {
  return handler;
}

export interface EventConsumerOptions {
  service: string;
  dataSource: DataSource;
  transport: EventTransport;
  logger: Logger;
  /** Deliveries before an event is dead-lettered. */
  maxAttempts?: number;
  /** Called after a handler's transaction commits (e.g. to wake the outbox relay). */
  onCommitted?: () => void;
}

export type Outcome = 'applied' | 'duplicate' | 'retry' | 'dead-lettered';

export interface ReconcileTally {
  /** Published events this consumer had no record of. */
  examined: number;
  applied: number;
  failed: number;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Runs a service's event handlers. Each event is applied exactly once per handler: the inbox row
 * and the handler's effect commit in one transaction (shared with the other deliveries of its
 * batch), and the message is acknowledged only after that commit. Invalid messages and events that keep failing end in the dead-letter table.
 */
export class EventConsumer {
  private readonly handlers: EventHandler[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly reconcileAttempts = new Map<string, number>();
  private readonly schema: string;

  constructor(private readonly options: EventConsumerOptions) {
    this.schema = (options.dataSource.options as { schema: string }).schema;
  }

  register(...handlers: EventHandler[]): this {
    this.handlers.push(...handlers);
    return this;
  }

  consumerName(handler: EventHandler): string {
    return `${this.options.service}--${handler.name}`;
  }

  async start(): Promise<void> {
    for (const handler of this.handlers) {
      const subscription = await this.options.transport.subscribe(
        { durableName: this.consumerName(handler), subject: handler.contract.subject },
        (batch) => this.onBatch(handler, batch),
      );
      this.subscriptions.push(subscription);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.stop()));
  }

  /**
   * Applies an envelope to one handler outside the transport, as a redelivery would: used to replay
   * a dead letter and to prove that a repeated event has no second effect.
   */
  async replay(handlerName: string, envelope: unknown): Promise<Outcome> {
    const handler = this.handlers.find((h) => h.name === handlerName);
    if (!handler) throw new Error(`no handler named ${handlerName} in ${this.options.service}`);
    const outcome = await this.process(handler, encoder.encode(JSON.stringify(envelope)), 1);
    const eventId = (envelope as { id?: unknown } | null)?.id;
    if ((outcome === 'applied' || outcome === 'duplicate') && typeof eventId === 'string') {
      await this.options.dataSource.query(
        `UPDATE "${this.schema}".dead_letters SET replayed_at = now() WHERE consumer = $1 AND event_id::text = $2`,
        [this.consumerName(handler), eventId],
      );
    }
    return outcome;
  }

  /**
   * Applies, straight from the producer's outbox, every event that was published at least `graceMs`
   * ago (and within `horizonMs`) but that a handler here has neither applied nor dead-lettered: a
   * message the transport acknowledged and then lost, or a consumer that missed it. Postgres is the
   * system of record, so nothing acknowledged depends on the broker keeping it. The inbox makes a
   * late transport delivery of the same event a duplicate. Producers share this database (each in
   * its own schema), and a contract's subject starts with its producer's name.
   */
  async reconcile(options: { graceMs: number; horizonMs: number; limit?: number }): Promise<ReconcileTally> {
    const tally: ReconcileTally = { examined: 0, applied: 0, failed: 0 };
    for (const handler of this.handlers) {
      const producer = handler.contract.subject.split('.')[0]!;
      const consumer = this.consumerName(handler);
      let missing: { envelope: unknown }[];
      try {
        missing = await this.options.dataSource.query(
          `SELECT o.envelope FROM "${producer}".outbox o
          WHERE o.subject = $1
            AND o.published_at < now() - ($2 || ' milliseconds')::interval
            AND o.published_at > now() - ($3 || ' milliseconds')::interval
            AND NOT EXISTS (SELECT 1 FROM "${this.schema}".inbox i
                             WHERE i.consumer = $4 AND i.event_id = o.event_id)
            AND NOT EXISTS (SELECT 1 FROM "${this.schema}".dead_letters d
                             WHERE d.consumer = $4 AND d.event_id = o.event_id)
          ORDER BY o.position LIMIT $5`,
          [
            handler.contract.subject,
            String(options.graceMs),
            String(options.horizonMs),
            consumer,
            options.limit ?? 500,
          ],
        );
      } catch (error) {
        // A producer not deployed in this database (a service's own tests) has nothing to reconcile.
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        if (code === '3F000' || code === '42P01') continue;
        throw error;
      }
      // Attempts are counted across passes, so an event that keeps failing is dead-lettered as a
      // delivery would be. The handler's missing events are applied as one batch, like deliveries.
      const attempts = missing.map(({ envelope }) => {
        const key = `${consumer}/${(envelope as { id?: string }).id}`;
        const deliveryCount = (this.reconcileAttempts.get(key) ?? 0) + 1;
        this.reconcileAttempts.set(key, deliveryCount);
        return { key, data: encoder.encode(JSON.stringify(envelope)), deliveryCount };
      });
      // An event counted before and missing no more (a delivery applied it, or it was
      // dead-lettered) is forgotten, so the counts hold only events still missing.
      const stillMissing = new Set(attempts.map((a) => a.key));
      for (const key of this.reconcileAttempts.keys())
        if (key.startsWith(`${consumer}/`) && !stillMissing.has(key)) this.reconcileAttempts.delete(key);
      const outcomes = await this.apply(handler, attempts);
      tally.examined += attempts.length;
      outcomes.forEach((outcome, i) => {
        if (outcome !== 'retry') this.reconcileAttempts.delete(attempts[i]!.key);
        if (outcome === 'applied') tally.applied += 1;
        if (outcome === 'retry' || outcome === 'dead-lettered') tally.failed += 1;
      });
    }
    if (tally.applied > 0) {
      this.options.logger.warn(tally, 'reconciler applied events the transport never delivered');
    }
    return tally;
  }

  private async onBatch(handler: EventHandler, batch: readonly Delivery[]): Promise<void> {
    const outcomes = await this.apply(
      handler,
      batch.map((delivery) => ({ data: delivery.data, deliveryCount: delivery.deliveryCount })),
    );
    batch.forEach((delivery, i) => {
      if (outcomes[i] === 'retry') {
        delivery.nak(Math.min(30_000, 250 * 2 ** (delivery.deliveryCount - 1)));
      } else delivery.ack();
    });
  }

  /** Applies one message; exposed for replaying dead letters and for tests of redelivery. */
  async process(handler: EventHandler, data: Uint8Array, deliveryCount: number): Promise<Outcome> {
    return (await this.apply(handler, [{ data, deliveryCount }]))[0]!;
  }

  /**
   * Applies messages in order, all in one transaction: one commit (one WAL flush) for the batch
   * instead of one per event, which is what lets a consumer keep up at a thousand events a second.
   * A failing handler costs only its own inbox row and effect (the batch is then applied again with
   * a savepoint per event); the others commit, and the failed one is retried or dead-lettered.
   */
  private async apply(
    handler: EventHandler,
    messages: readonly { data: Uint8Array; deliveryCount: number }[],
  ): Promise<Outcome[]> {
    const consumer = this.consumerName(handler);
    const outcomes: Outcome[] = [];
    const valid: { index: number; event: EventEnvelope; deliveryCount: number }[] = [];
    for (const [index, message] of messages.entries()) {
      const decoded = this.decode(handler, message.data);
      if ('event' in decoded) {
        valid.push({ index, event: decoded.event, deliveryCount: message.deliveryCount });
        continue;
      }
      await this.deadLetter(
        consumer,
        handler.contract.subject,
        decoded.envelope,
        decoded.error,
        message.deliveryCount,
        decoded.eventId,
      );
      outcomes[index] = 'dead-lettered';
    }
    if (valid.length === 0) return outcomes;

    // Optimistically without savepoints (they cost two round trips an event); if anything in the
    // batch fails, the whole transaction is rolled back and the batch runs again with them.
    let attempt = await this.applyInTransaction(handler, valid, false);
    if (attempt.failures.size > 0 && valid.length > 1) {
      attempt = await this.applyInTransaction(handler, valid, true);
    }
    const { applied, failures } = attempt;
    for (const [index, outcome] of applied) outcomes[index] = outcome;
    if ([...applied.values()].includes('applied')) this.options.onCommitted?.();

    for (const { index, event, deliveryCount } of valid) {
      const error = failures.get(index);
      if (error === undefined) continue;
      outcomes[index] = await this.failed(consumer, event, error, deliveryCount);
    }
    return outcomes;
  }

  /**
   * One transaction over the batch. Without `isolate` the first failure rolls everything back and
   * counts against every event; with it each event runs under its own savepoint, and only a failing
   * event's inbox row and effect are undone.
   */
  private async applyInTransaction(
    handler: EventHandler,
    valid: readonly { index: number; event: EventEnvelope }[],
    isolate: boolean,
  ): Promise<{ applied: Map<number, 'applied' | 'duplicate'>; failures: Map<number, unknown> }> {
    const consumer = this.consumerName(handler);
    const applied = new Map<number, 'applied' | 'duplicate'>();
    const failures = new Map<number, unknown>();
    try {
      await this.options.dataSource.transaction(async (manager) => {
        // Handlers act for the system: every agency's rows are theirs to write.
        await applyScopeAndActor(manager, 'all', systemActor(consumer));
        if (!isolate) {
          for (const [index, outcome] of await this.applyTogether(manager, handler, valid)) {
            applied.set(index, outcome);
          }
          return;
        }
        for (const { index, event } of valid) {
          await manager.query('SAVEPOINT event');
          try {
            const inserted: unknown[] = await manager.query(
              `INSERT INTO "${this.schema}".inbox (consumer, event_id, subject) VALUES ($1, $2, $3)
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [consumer, event.id, event.subject],
            );
            if (inserted.length > 0) await handler.handle(manager, event);
            applied.set(index, inserted.length > 0 ? 'applied' : 'duplicate');
            await manager.query('RELEASE SAVEPOINT event');
          } catch (error) {
            await manager.query('ROLLBACK TO SAVEPOINT event');
            applied.delete(index);
            failures.set(index, error);
          }
        }
      });
    } catch (error) {
      // Nothing in the transaction committed: every event in it failed.
      applied.clear();
      for (const { index } of valid) failures.set(index, error);
    }
    return { applied, failures };
  }

  /**
   * The batch's inbox rows in one statement, then its new events through `handleMany` when the
   * handler has it. An event delivered twice within the batch is applied once.
   */
  private async applyTogether(
    manager: EntityManager,
    handler: EventHandler,
    valid: readonly { index: number; event: EventEnvelope }[],
  ): Promise<Map<number, 'applied' | 'duplicate'>> {
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO "${this.schema}".inbox (consumer, event_id, subject)
       SELECT $1, id, subject FROM unnest($2::uuid[], $3::text[]) AS e(id, subject)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.consumerName(handler), valid.map((v) => v.event.id), valid.map((v) => v.event.subject)],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    const outcomes = new Map<number, 'applied' | 'duplicate'>();
    const toApply: EventEnvelope[] = [];
    for (const { index, event } of valid) {
      // PostgreSQL answers uuids in lower case.
      const first = fresh.delete(event.id.toLowerCase());
      outcomes.set(index, first ? 'applied' : 'duplicate');
      if (first) toApply.push(event);
    }
    if (toApply.length > 1 && handler.handleMany) await handler.handleMany(manager, toApply);
    else for (const event of toApply) await handler.handle(manager, event);
    return outcomes;
  }

  private decode(
    handler: EventHandler,
    data: Uint8Array,
  ): { event: EventEnvelope } | { envelope: unknown; error: string; eventId?: string } {
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(data));
    } catch {
      return { envelope: { undecodable: decoder.decode(data) }, error: 'not JSON' };
    }
    const envelope = envelopeSchema.safeParse(raw);
    const payload = envelope.success ? handler.contract.schema.safeParse(envelope.data.payload) : null;
    if (!envelope.success || !payload?.success) {
      const problem = !envelope.success ? envelope.error.message : payload!.error!.message;
      // Keyed by the event's own id when it has one, so redeliveries update one row.
      return {
        envelope: raw,
        error: `invalid event: ${problem}`,
        eventId: envelope.success ? envelope.data.id : undefined,
      };
    }
    return { event: { ...envelope.data, payload: payload.data } as EventEnvelope };
  }

  /** A handler failed: retried with back-off, or dead-lettered once it has had `maxAttempts`. */
  private async failed(
    consumer: string,
    event: EventEnvelope,
    error: unknown,
    deliveryCount: number,
  ): Promise<Outcome> {
    const { logger, maxAttempts = 5 } = this.options;
    if (deliveryCount >= maxAttempts) {
      await this.deadLetter(consumer, event.subject, event, errorText(error), deliveryCount, event.id);
      logger.error({ err: error, consumer, eventId: event.id }, 'event dead-lettered');
      return 'dead-lettered';
    }
    logger.warn({ err: error, consumer, eventId: event.id, deliveryCount }, 'event failed; will retry');
    return 'retry';
  }

  private async deadLetter(
    consumer: string,
    subject: string,
    envelope: unknown,
    error: string,
    attempts: number,
    eventId: string = randomUUID(),
  ): Promise<void> {
    await this.options.dataSource.query(
      `INSERT INTO "${this.schema}".dead_letters (consumer, event_id, subject, envelope, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (consumer, event_id) DO UPDATE
         SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, failed_at = now(), replayed_at = NULL`,
      [consumer, eventId, subject, JSON.stringify(envelope), error.slice(0, 2000), attempts],
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
