import type { DataSource } from 'typeorm';
import { sealAuditTrail } from '@eco/db';
import type { EventConsumer } from '@eco/events';

/** Periodic background work of a subgraph, run every `intervalMs` until the subgraph stops. */
export interface Job {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

export interface ReconcileSettings {
  intervalMs?: number;
  graceMs?: number;
  horizonMs?: number;
}

const DAY_MS = 86_400_000;

/** How long idempotency keys are kept: far longer than any client retries a request. */
export const IDEMPOTENCY_KEY_RETENTION = '7 days';

/** Jobs every subgraph runs: the event reconciler, the purge of expired idempotency keys, the audit sealer. */
export function platformJobs(
  service: string,
  dataSource: DataSource,
  consumer: EventConsumer,
  reconcile: ReconcileSettings = {},
): Job[] {
  const { intervalMs = 30_000, graceMs = 60_000, horizonMs = 7 * DAY_MS } = reconcile;
  return [
    {
      name: 'reconcile-events',
      intervalMs,
      run: async () => void (await consumer.reconcile({ graceMs, horizonMs })),
    },
    {
      name: 'purge-idempotency-keys',
      intervalMs: 3_600_000,
      run: async () =>
        void (await dataSource.query(
          `DELETE FROM "${service}".idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_RETENTION}'`,
        )),
    },
    {
      name: 'seal-audit-trail',
      intervalMs: 1_000,
      // Writers only append entries; this chains them (ADR 0008). One sealer at a time across
      // replicas: a busy lock means another is at it, so skip rather than wait.
      run: async () => void (await sealAuditTrail(dataSource, service, { wait: false })),
    },
  ];
}
