/**
 * A readiness check shared by every caller while it runs: however many `/ready` requests arrive
 * at once (the probe answers anyone), one check is in flight — one `SELECT 1` in a subgraph, one
 * probe of each subgraph in the gateway — and they all get its answer. Nothing is kept after it
 * settles, so a failure shows at the next request. A check that throws counts as not ready.
 */
export function sharedProbe(check: () => Promise<boolean>): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  return () => {
    running ??= check()
      .catch(() => false)
      .finally(() => {
        running = null;
      });
    return running;
  };
}
