import type { DataSource } from 'typeorm';
import type { Logger } from '@eco/logging';
import type { EventTransport } from './transport';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  transport: EventTransport;
  logger: Logger;
  batchSize?: number;
  /**
   * Commits in this process wake the relay at once through `nudge()`; rows committed elsewhere
   * (another replica that died before publishing them) are found by this poll.
   */
  pollIntervalMs?: number;
  /** How long a replica owns the rows it is publishing before another may take them over. */
  leaseMs?: number;
}

interface ClaimedRow {
  position: string;
  event_id: string;
  subject: string;
  envelope: unknown;
}

const encoder = new TextEncoder();

/**
 * The relay's own bookkeeping (a lease, a published mark) commits without waiting for its WAL to
 * reach disk. Losing either in a crash only means the row is published again, which consumers
 * already absorb through their inbox; waiting for the flush put every pass behind the producers'
 * commits in the WAL queue. Set inside the statement (`set_config(…, true)` lasts until its
 * implicit transaction commits), so no transaction is opened and no pooled connection keeps it.
 */
const ASYNC_COMMIT = `async_commit AS (SELECT set_config('synchronous_commit', 'off', true))`;

interface PassResult {
  published: number;
  failed: number;
}

/**
 * Publishes the outbox to the transport. Rows are claimed with a lease in one statement (no
 * transaction is held while publishing, so replicas share the work and the embedded database is
 * never blocked), published in position order, and marked published only after the transport's
 * acknowledgement. A failed publish leaves the row for the next pass: at-least-once, and consumers
 * make it exactly-once through their inbox.
 */
export class OutboxRelay {
  private running = false;
  /** Set by a nudge that arrives while a pass is running, so the next wait is skipped. */
  private nudged = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly table: string;

  constructor(private readonly options: OutboxRelayOptions) {
    const schema = (options.dataSource.options as { schema: string }).schema;
    this.table = `"${schema}".outbox`;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a commit that wrote outbox rows, so events leave at once instead of at the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { pollIntervalMs = 500, batchSize = 200, logger } = this.options;
    while (this.running) {
      let pass: PassResult = { published: 0, failed: 0 };
      this.nudged = false;
      try {
        pass = await this.publishPass(batchSize);
      } catch (error) {
        pass = { published: 0, failed: 1 };
        logger.warn({ err: error }, 'outbox relay pass failed; retrying');
      }
      // After a failure, back off even if nudged: the transport is likely down.
      const more = pass.failed === 0 && (pass.published >= batchSize || this.nudged);
      if (more || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Claims and publishes up to `limit` rows; returns how many were published. */
  async publishBatch(limit: number): Promise<number> {
    return (await this.publishPass(limit)).published;
  }

  private async publishPass(limit: number): Promise<PassResult> {
    const { dataSource, transport, leaseMs = 30_000 } = this.options;
    // TypeORM returns [rows, affectedCount] for an UPDATE.
    const [rows]: [ClaimedRow[], number] = await dataSource.query(
      `WITH ${ASYNC_COMMIT}
       UPDATE ${this.table} SET leased_until = now() + ($2 || ' milliseconds')::interval, attempts = attempts + 1
         FROM async_commit
        WHERE position IN (
          SELECT position FROM ${this.table}
           WHERE published_at IS NULL AND (leased_until IS NULL OR leased_until < now())
           ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING position, event_id, subject, envelope`,
      [limit, String(leaseMs)],
    );
    if (rows.length === 0) return { published: 0, failed: 0 };
    rows.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
    // Sent in order on one connection; acknowledgements are awaited together.
    const results = await Promise.allSettled(
      rows.map((row) =>
        transport.publish(row.subject, encoder.encode(JSON.stringify(row.envelope)), row.event_id),
      ),
    );
    const done = rows.filter((_, i) => results[i]!.status === 'fulfilled').map((row) => row.position);
    const failed = rows.filter((_, i) => results[i]!.status === 'rejected');
    if (done.length > 0) {
      await dataSource.query(
        `WITH ${ASYNC_COMMIT}
         UPDATE ${this.table} SET published_at = now(), leased_until = NULL, last_error = NULL
           FROM async_commit WHERE position = ANY($1::bigint[])`,
        [done],
      );
    }
    if (failed.length > 0) {
      const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
      // Released at once (not leased for later) so the next pass takes them before younger rows.
      await dataSource.query(
        `UPDATE ${this.table} SET leased_until = NULL, last_error = $2 WHERE position = ANY($1::bigint[])`,
        [failed.map((row) => row.position), String(reason).slice(0, 500)],
      );
      this.options.logger.warn({ failed: failed.length, err: reason }, 'publishing failed; will retry');
    }
    return { published: done.length, failed: failed.length };
  }
}
