/** One delivery of a message to one durable consumer. */
export interface Delivery {
  readonly subject: string;
  readonly data: Uint8Array;
  /** 1 on first delivery, then counting redeliveries. */
  readonly deliveryCount: number;
  ack(): void;
  /** Ask for redelivery after `delayMs`. */
  nak(delayMs: number): void;
}

export interface SubscriptionSpec {
  /** Durable consumer name, unique per service and handler; survives restarts. */
  durableName: string;
  /** One contract subject (without the namespace prefix); nats-server 2.9 takes one filter. */
  subject: string;
}

/**
 * Receives what a durable consumer has been handed, in stream order: one delivery when traffic is
 * light, more when deliveries arrived while the previous batch was being applied. Every delivery
 * must be settled (ack or nak).
 */
export type BatchHandler = (batch: readonly Delivery[]) => Promise<void>;

/** Adapts a handler of single deliveries: takes a batch's deliveries one after another, in order. */
export function eachDelivery(onDelivery: (delivery: Delivery) => Promise<void>): BatchHandler {
  return async (batch) => {
    for (const delivery of batch) await onDelivery(delivery);
  };
}

export interface Subscription {
  stop(): Promise<void>;
}

/** Moves events between services: NATS JetStream in production, in-process for the embedded default. */
export interface EventTransport {
  readonly kind: 'jetstream' | 'in-process';
  /** Resolves once the transport has durably accepted the message (JetStream ack). */
  publish(subject: string, data: Uint8Array, messageId: string): Promise<void>;
  subscribe(spec: SubscriptionSpec, onBatch: BatchHandler): Promise<Subscription>;
  close(): Promise<void>;
}
