import { Client } from 'pg';

/**
 * Samples what the run's database sessions are doing (pg_stat_activity) every `intervalMs` while
 * a measurement runs: a poor man's profile of the database side, e.g. writes queueing on a lock.
 */
export class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private timer: NodeJS.Timeout | null = null;
  private client: Client | null = null;
  private busy = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly intervalMs = 100,
  ) {}

  async start(): Promise<void> {
    this.client = new Client({ connectionString: this.databaseUrl, application_name: 'eco-bench-sampler' });
    await this.client.connect();
    const database = new URL(this.databaseUrl).pathname.slice(1);
    this.timer = setInterval(() => {
      if (this.busy || !this.client) return;
      this.busy = true;
      this.client
        .query<{ what: string; n: string }>(
          // 'idle in transaction': a connection a service holds while it does something else.
          `SELECT CASE WHEN state <> 'active' THEN state
                       WHEN wait_event IS NULL THEN 'running'
                       ELSE wait_event_type || ':' || wait_event END AS what, count(*) AS n
             FROM pg_stat_activity
            WHERE datname = $1 AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid()
            GROUP BY 1`,
          [database],
        )
        .then(({ rows }) => {
          this.samples += 1;
          for (const row of rows) this.counts.set(row.what, (this.counts.get(row.what) ?? 0) + Number(row.n));
        })
        .catch(() => undefined)
        .finally(() => {
          this.busy = false;
        });
    }, this.intervalMs);
  }

  /** Average number of busy sessions in each state, most common first (e.g. `Lock:advisory 7.2`). */
  async stop(): Promise<string> {
    if (this.timer) clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 5));
    await this.client?.end();
    if (this.samples === 0) return 'no samples';
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([what, n]) => `${what} ${(n / this.samples).toFixed(1)}`)
      .join(', ');
  }
}
