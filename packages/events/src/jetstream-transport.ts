import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { Logger } from '@eco/logging';
import type { BatchHandler, Delivery, EventTransport, Subscription, SubscriptionSpec } from './transport';

/** Deliveries applied in one transaction at most (also the pull size). */
const MAX_BATCH = 64;

export interface JetStreamTransportOptions {
  url: string;
  /** Prefix of every subject and of the stream name, so deployments (and test files) never collide. */
  namespace: string;
  logger: Logger;
  /** How long a delivery may stay unacknowledged before JetStream redelivers it. */
  ackWaitMs?: number;
}

export function streamNameFor(namespace: string): string {
  return `${namespace.toUpperCase()}_EVENTS`;
}

/**
 * The event stream of a namespace as a service creates it when it is missing: the settings the
 * Kubernetes Job gives it (infra/k8s/base/nats-streams.yaml, held equal by infra's tests) but one
 * replica, which is all a single server (compose, the tests) has. Events are kept 30 days; the
 * outbox, not the stream, is what makes them recoverable (ADR 0009). Without an age limit a
 * compose deployment's stream grew until the server's file store was full and publishing stopped.
 */
export function streamConfigFor(namespace: string) {
  return {
    name: streamNameFor(namespace),
    subjects: [`${namespace}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: 1,
    discard: DiscardPolicy.Old,
    max_age: nanos(30 * 24 * 3_600_000),
    max_msg_size: 1_048_576,
    // The relay publishes with msgID = event id; a row published again within it is stored once.
    duplicate_window: nanos(2 * 60_000),
    deny_delete: true,
  };
}

/**
 * NATS JetStream: one file-backed stream per namespace holding every event subject; one durable
 * pull consumer per handler with explicit acks. Publishing passes the event id as `msgID`, so a
 * republished outbox row inside the duplicate window is stored once.
 */
export class JetStreamTransport implements EventTransport {
  readonly kind = 'jetstream' as const;
  private readonly streamName: string;
  private readonly subscriptions = new Set<ConsumerMessages>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamTransportOptions,
  ) {
    this.streamName = streamNameFor(options.namespace);
  }

  static async connect(options: JetStreamTransportOptions): Promise<JetStreamTransport> {
    const nc = await connect({
      servers: options.url,
      name: `eco-${options.namespace}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    const jsm = await jetstreamManager(nc);
    const transport = new JetStreamTransport(nc, jetstream(nc), jsm, options);
    await transport.ensureStream();
    return transport;
  }

  private async ensureStream(): Promise<void> {
    const config = streamConfigFor(this.options.namespace);
    try {
      await this.jsm.streams.info(this.streamName);
    } catch {
      try {
        await this.jsm.streams.add(config);
      } catch (error) {
        // Another service created it between our two calls; anything else is real.
        await this.jsm.streams.info(this.streamName).catch(() => {
          throw error;
        });
      }
    }
  }

  private wireSubject(subject: string): string {
    return `${this.options.namespace}.${subject}`;
  }

  async publish(subject: string, data: Uint8Array, messageId: string): Promise<void> {
    await this.js.publish(this.wireSubject(subject), data, { msgID: messageId });
  }

  async subscribe(spec: SubscriptionSpec, onBatch: BatchHandler): Promise<Subscription> {
    const config = {
      durable_name: spec.durableName,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.wireSubject(spec.subject),
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      // Unlimited: giving up is the consumer's decision (dead-letter table), never silent.
      max_deliver: -1,
      max_ack_pending: 256,
    };
    try {
      await this.jsm.consumers.info(this.streamName, spec.durableName);
    } catch {
      await this.jsm.consumers.add(this.streamName, config).catch(async (error) => {
        await this.jsm.consumers.info(this.streamName, spec.durableName).catch(() => {
          throw error;
        });
      });
    }
    const consumer = await this.js.consumers.get(this.streamName, spec.durableName);
    const messages = await consumer.consume({ max_messages: MAX_BATCH });
    this.subscriptions.add(messages);

    // Two loops: one moves what JetStream hands over into `waiting`; the other applies everything
    // waiting as one batch. While a batch is being applied the next one gathers, so a busy consumer
    // commits many deliveries at once and an idle one applies each as it comes.
    const waiting: JsMsg[] = [];
    let wake = (): void => undefined;
    let received = true;
    const receiving = (async () => {
      for await (const message of messages) {
        waiting.push(message);
        wake();
      }
      received = false;
      wake();
    })();
    const applying = (async () => {
      while (received || waiting.length > 0) {
        if (waiting.length === 0) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = () => undefined;
          continue;
        }
        if (!received) {
          // Stopped: what was handed over but not applied goes back at once, not after ack_wait.
          for (const message of waiting.splice(0)) message.nak();
          break;
        }
        const batch = waiting.splice(0, MAX_BATCH);
        try {
          await onBatch(batch.map((message) => this.deliveryOf(message)));
        } catch (error) {
          // The consumer settles every delivery itself; reaching here is a bug, so retry later.
          this.options.logger.error({ err: error, durable: spec.durableName }, 'batch handler threw');
          for (const message of batch) message.nak(1000);
        }
      }
    })();
    return {
      stop: async () => {
        await messages.close();
        this.subscriptions.delete(messages);
        await receiving;
        await applying;
      },
    };
  }

  private deliveryOf(message: JsMsg): Delivery {
    return {
      subject: message.subject.slice(this.options.namespace.length + 1),
      data: message.data,
      deliveryCount: message.info.deliveryCount,
      ack: () => message.ack(),
      nak: (delayMs) => message.nak(delayMs),
    };
  }

  /** Removes the namespace's stream (tests use a namespace of their own). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.streamName).catch(() => undefined);
  }

  async close(): Promise<void> {
    for (const messages of this.subscriptions) await messages.close();
    this.subscriptions.clear();
    await this.nc.drain();
  }
}
