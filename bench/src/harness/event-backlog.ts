import { Client } from 'pg';
import { taskProgressReportedV1 } from '@eco/events';

/** The two consumers of a partner's progress report (one applies it, the other only records it). */
export const PROGRESS_CONSUMERS = {
  rectification: 'rectification--timeline-from-task-progress',
  supervision: 'supervision--item-timeline-from-task-progress',
} as const;

export interface Backlog {
  /** Outbox rows the relay has not published yet. */
  unpublished: number;
  /** Progress reports published but not yet in each consumer's inbox. */
  rectification: number;
  supervision: number;
}

export async function progressBacklog(client: Client): Promise<Backlog> {
  const { rows } = await client.query<{
    unpublished: string;
    produced: string;
    rectification: string;
    supervision: string;
  }>(
    `SELECT (SELECT count(*) FROM agencies.outbox WHERE published_at IS NULL) AS unpublished,
            (SELECT count(*) FROM agencies.outbox WHERE subject = $1) AS produced,
            (SELECT count(*) FROM rectification.inbox WHERE consumer = $2) AS rectification,
            (SELECT count(*) FROM supervision.inbox WHERE consumer = $3) AS supervision`,
    [taskProgressReportedV1.subject, PROGRESS_CONSUMERS.rectification, PROGRESS_CONSUMERS.supervision],
  );
  const row = rows[0]!;
  return {
    unpublished: Number(row.unpublished),
    rectification: Number(row.produced) - Number(row.rectification),
    supervision: Number(row.produced) - Number(row.supervision),
  };
}

const total = (b: Backlog) => b.unpublished + Math.max(b.rectification, b.supervision);

/**
 * Waits until every progress report written so far is published and in both consumers' inboxes,
 * so the next measurement does not inherit a queue. Returns the backlog found and the seconds it
 * took to drain (consumers' throughput = backlog / seconds).
 */
export async function waitForProgressBacklog(
  databaseUrl: string,
  timeoutMs = 300_000,
): Promise<{ backlog: number; seconds: number; drained: boolean }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    const backlog = total(await progressBacklog(client));
    for (;;) {
      const left = total(await progressBacklog(client));
      if (left === 0) return { backlog, seconds: (Date.now() - started) / 1000, drained: true };
      if (Date.now() - started > timeoutMs)
        return { backlog, seconds: (Date.now() - started) / 1000, drained: false };
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await client.end();
  }
}
