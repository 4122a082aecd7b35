import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { applyActor, applyRowScope, systemActor } from '@eco/db';
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

/**
 * Runs a service's event handlers. Each event is applied exactly once per handler: the inbox row
 * and the handler's effect commit in one transaction, and the message is acknowledged only after
 * that commit. Invalid messages and events that keep failing end in the dead-letter table.
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
        (delivery) => this.onDelivery(handler, delivery),
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
    const outcome = await this.process(handler, new TextEncoder().encode(JSON.stringify(envelope)), 1);
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
      for (const { envelope } of missing) {
        tally.examined += 1;
        // Counted across passes, so an event that keeps failing is dead-lettered as a delivery would be.
        const attemptKey = `${consumer}/${(envelope as { id?: string }).id}`;
        const attempt = (this.reconcileAttempts.get(attemptKey) ?? 0) + 1;
        this.reconcileAttempts.set(attemptKey, attempt);
        const outcome = await this.process(
          handler,
          new TextEncoder().encode(JSON.stringify(envelope)),
          attempt,
        );
        if (outcome !== 'retry') this.reconcileAttempts.delete(attemptKey);
        if (outcome === 'applied') tally.applied += 1;
        if (outcome === 'retry' || outcome === 'dead-lettered') tally.failed += 1;
      }
    }
    if (tally.applied > 0) {
      this.options.logger.warn(tally, 'reconciler applied events the transport never delivered');
    }
    return tally;
  }

  private async onDelivery(handler: EventHandler, delivery: Delivery): Promise<void> {
    const outcome = await this.process(handler, delivery.data, delivery.deliveryCount);
    if (outcome === 'retry') delivery.nak(Math.min(30_000, 250 * 2 ** (delivery.deliveryCount - 1)));
    else delivery.ack();
  }

  /** Applies one message; exposed for replaying dead letters and for tests of redelivery. */
  async process(handler: EventHandler, data: Uint8Array, deliveryCount: number): Promise<Outcome> {
    const { logger, maxAttempts = 5 } = this.options;
    const consumer = this.consumerName(handler);
    let raw: unknown;
    try {
      raw = JSON.parse(decoder.decode(data));
    } catch {
      await this.deadLetter(
        consumer,
        handler.contract.subject,
        { undecodable: decoder.decode(data) },
        'not JSON',
        deliveryCount,
      );
      return 'dead-lettered';
    }
    const envelope = envelopeSchema.safeParse(raw);
    const payload = envelope.success ? handler.contract.schema.safeParse(envelope.data.payload) : null;
    if (!envelope.success || !payload?.success) {
      const problem = !envelope.success ? envelope.error.message : payload!.error!.message;
      // Keyed by the event's own id when it has one, so redeliveries update one row.
      const eventId = envelope.success ? envelope.data.id : undefined;
      await this.deadLetter(
        consumer,
        handler.contract.subject,
        raw,
        `invalid event: ${problem}`,
        deliveryCount,
        eventId,
      );
      return 'dead-lettered';
    }
    const event = { ...envelope.data, payload: payload.data } as EventEnvelope;
    try {
      const applied = await this.options.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "${this.schema}".inbox (consumer, event_id, subject) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer, event.id, event.subject],
        );
        if (inserted.length === 0) return false;
        // Handlers act for the system: every agency's rows are theirs to write.
        await applyRowScope(manager, 'all');
        await applyActor(manager, systemActor(consumer));
        await handler.handle(manager, event);
        return true;
      });
      if (applied) this.options.onCommitted?.();
      return applied ? 'applied' : 'duplicate';
    } catch (error) {
      if (deliveryCount >= maxAttempts) {
        await this.deadLetter(consumer, event.subject, event, errorText(error), deliveryCount, event.id);
        logger.error({ err: error, consumer, eventId: event.id }, 'event dead-lettered');
        return 'dead-lettered';
      }
      logger.warn({ err: error, consumer, eventId: event.id, deliveryCount }, 'event failed; will retry');
      return 'retry';
    }
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
