import type { DataSource, EntityManager } from 'typeorm';

/** Entries one `audit_seal` call chains at most; a run calls it again while it fills the batch. */
export const AUDIT_SEAL_BATCH = 5_000;

/**
 * Chains the audit entries of `schema` committed so far onto its hash chain (ADR 0008) and
 * returns how many. `audit_seal` itself skips when another sealer holds the schema's lock (the
 * subgraph runtime's job passes `wait: false` and leaves the work to that one); by default this
 * waits for the lock instead, so that on return every entry committed before the call is chained
 * (the verifier's CLI and tests rely on it).
 */
export async function sealAuditTrail(
  db: DataSource | EntityManager,
  schema: string,
  { wait = true }: { wait?: boolean } = {},
): Promise<number> {
  const sealBatch = async (m: DataSource | EntityManager) => {
    const [{ sealed }] = (await m.query(`SELECT "${schema}".audit_seal($1) AS sealed`, [
      AUDIT_SEAL_BATCH,
    ])) as [{ sealed: number }];
    return sealed;
  };
  let total = 0;
  for (;;) {
    const sealed = wait
      ? await db.transaction(async (m) => {
          // The lock audit_seal tries (same key); held by this session, its own try succeeds.
          await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`"${schema}".audit_chain`]);
          return sealBatch(m);
        })
      : await sealBatch(db);
    total += sealed;
    if (sealed < AUDIT_SEAL_BATCH) return total;
  }
}
