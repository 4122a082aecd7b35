import type { Logger } from '@eco/logging';
import type { BatchHandler, EventTransport, Subscription, SubscriptionSpec } from './transport';

interface Subscriber {
  spec: SubscriptionSpec;
  onBatch: BatchHandler;
}

/**
 * The embedded default, when no NATS is configured: delivers within the one process that runs all
 * services. `publish` resolves only after every subscriber has acknowledged, so the outbox row is
 * marked published only once its effects are committed; a crash before that leaves the row
 * unpublished and the relay delivers it again after restart. Nothing acknowledged is lost.
 */
export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly subscribers = new Set<Subscriber>();
  private closed = false;

  constructor(private readonly logger: Logger) {}

  async publish(subject: string, data: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('transport closed');
    const targets = [...this.subscribers].filter((s) => s.spec.subject === subject);
    await Promise.all(targets.map((target) => this.deliverUntilSettled(target, subject, data)));
  }

  private async deliverUntilSettled(target: Subscriber, subject: string, data: Uint8Array): Promise<void> {
    for (let deliveryCount = 1; !this.closed; deliveryCount += 1) {
      let outcome: { ack: true } | { ack: false; delayMs: number } = { ack: false, delayMs: 1000 };
      try {
        // One delivery per batch: publish already waits for each message's effects.
        await target.onBatch([
          {
            subject,
            data,
            deliveryCount,
            ack: () => {
              outcome = { ack: true };
            },
            nak: (delayMs) => {
              outcome = { ack: false, delayMs };
            },
          },
        ]);
      } catch (error) {
        this.logger.error({ err: error, durable: target.spec.durableName }, 'delivery handler threw');
      }
      if (outcome.ack) return;
      await new Promise((resolve) => setTimeout(resolve, outcome.ack ? 0 : outcome.delayMs));
    }
    throw new Error('transport closed before delivery settled');
  }

  async subscribe(spec: SubscriptionSpec, onBatch: BatchHandler): Promise<Subscription> {
    const subscriber = { spec, onBatch };
    this.subscribers.add(subscriber);
    return {
      stop: async () => {
        this.subscribers.delete(subscriber);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
  }
}
