import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyActor,
  applyScopeAndActor,
  attachAuditTrail,
  createServiceDataSource,
  createTestDatabase,
  detachAuditTrail,
  migrationSchema,
  openServiceDatabase,
  sealAuditTrail,
  verifyAuditTrail,
} from '../src';
import type { TestDatabase } from '../src';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = 'audittest';

/** A service table audited from its creation, with one row that exists before auditing starts. */
class CreateLedger1795400000000 implements MigrationInterface {
  name = 'CreateLedger1795400000000';
  async up(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await q.query(
      `CREATE TABLE ${s}.ledger (id uuid PRIMARY KEY, title text NOT NULL, status text NOT NULL)`,
    );
    await q.query(
      `INSERT INTO ${s}.ledger VALUES ('00000000-0000-4000-8000-000000000001', 'before auditing', 'OPEN')`,
    );
    await q.query(`GRANT DELETE ON ${s}.ledger TO eco_app`); // services never delete; this test does
    await q.query(`CREATE TABLE ${s}.ledger_tags (ledger_id uuid, tag text, PRIMARY KEY (ledger_id, tag))`);
    await attachAuditTrail(q, s, ['ledger', { table: 'ledger_tags', key: ['ledger_id', 'tag'] }]);
  }
  async down(q: QueryRunner): Promise<void> {
    const s = migrationSchema(q);
    await detachAuditTrail(q, s, ['ledger', { table: 'ledger_tags', key: ['ledger_id', 'tag'] }]);
    await q.query(`DROP TABLE ${s}.ledger_tags`);
    await q.query(`DROP TABLE ${s}.ledger`);
  }
}

const ids = ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Link {
  seq: number;
  entry_id: number;
}

describe('the audit trail', () => {
  let db: TestDatabase;
  let app: DataSource; // the application role, as services connect
  let owner: DataSource; // the schema owner (a DBA), who can bypass triggers

  const chain = async (): Promise<Link[]> =>
    (
      (await app.query(`SELECT seq, entry_id FROM ${SCHEMA}.audit_chain ORDER BY seq`)) as {
        seq: string;
        entry_id: string;
      }[]
    ).map((r) => ({ seq: Number(r.seq), entry_id: Number(r.entry_id) }));
  /** Opens a transaction as the application role that inserts a ledger row, and leaves it open. */
  const openWriter = async (n: number): Promise<{ runner: QueryRunner; entryId: number }> => {
    const runner = app.createQueryRunner();
    await runner.startTransaction();
    // With a schema-wide lock (the former design) a second writer would wait for the first.
    await runner.query(`SET LOCAL lock_timeout = '3s'`);
    await applyActor(runner.manager, `person:writer-${n}@bureau`);
    await runner.query(`INSERT INTO ${SCHEMA}.ledger VALUES ($1, $2, 'OPEN')`, [idOf(n), `writer ${n}`]);
    const [{ id }] = (await runner.query(
      `SELECT id FROM ${SCHEMA}.audit_log WHERE record_id = $1 ORDER BY id DESC LIMIT 1`,
      [idOf(n)],
    )) as [{ id: string }];
    return { runner, entryId: Number(id) };
  };

  beforeAll(async () => {
    db = await createTestDatabase(serverUrl, 'audit');
    const options = {
      url: db.url,
      schema: SCHEMA,
      entities: [],
      migrations: [CreateLedger1795400000000],
      poolSize: 5,
    };
    app = await openServiceDatabase(createServiceDataSource(options));
    owner = await createServiceDataSource({ ...options, asApplicationRole: false }).initialize();
    await app.transaction(async (m) => {
      await applyActor(m, 'person:clerk@bureau');
      await m.query(`INSERT INTO ${SCHEMA}.ledger VALUES ($1, 'first', 'OPEN'), ($2, 'second', 'OPEN')`, ids);
      await m.query(`UPDATE ${SCHEMA}.ledger SET status = 'CLOSED' WHERE id = $1`, [ids[0]]);
      await m.query(`UPDATE ${SCHEMA}.ledger SET status = status WHERE id = $1`, [ids[1]]); // no change
      await m.query(`DELETE FROM ${SCHEMA}.ledger WHERE id = $1`, [ids[1]]);
      await m.query(`INSERT INTO ${SCHEMA}.ledger_tags VALUES ($1, '督办')`, [ids[0]]);
    });
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await db?.drop();
  });

  it('records who, what, when and before → after of every change, the baseline first', async () => {
    const entries: {
      id: string;
      actor: string;
      record_id: string;
      operation: string;
      before: unknown;
      after: unknown;
    }[] = await app.query(
      `SELECT id, actor, record_id, operation, before, after FROM ${SCHEMA}.audit_log ORDER BY id`,
    );
    expect(entries.map((e) => [Number(e.id), e.actor, e.operation, e.record_id])).toEqual([
      [1, 'system:audit-baseline', 'INSERT', '00000000-0000-4000-8000-000000000001'],
      [2, 'person:clerk@bureau', 'INSERT', ids[0]],
      [3, 'person:clerk@bureau', 'INSERT', ids[1]],
      [4, 'person:clerk@bureau', 'UPDATE', ids[0]],
      [5, 'person:clerk@bureau', 'DELETE', ids[1]],
      [6, 'person:clerk@bureau', 'INSERT', `${ids[0]}/督办`],
    ]);
    expect(entries[3]).toMatchObject({
      before: { id: ids[0], title: 'first', status: 'OPEN' },
      after: { id: ids[0], title: 'first', status: 'CLOSED' },
    });
    expect(entries[4]).toMatchObject({ before: { id: ids[1] }, after: null });
  });

  it('is append-only for the application role, which cannot forge entries or links either', async () => {
    for (const statement of [
      `UPDATE ${SCHEMA}.audit_log SET actor = 'someone else'`,
      `DELETE FROM ${SCHEMA}.audit_log`,
      `INSERT INTO ${SCHEMA}.audit_log (occurred_at, table_name, record_id, operation)
         VALUES (now(), 'ledger', 'x', 'INSERT')`,
      `TRUNCATE ${SCHEMA}.audit_log`,
      `INSERT INTO ${SCHEMA}.audit_chain VALUES (99, 1, 'x', 'x')`,
      `DELETE FROM ${SCHEMA}.audit_chain`,
      `UPDATE ${SCHEMA}.audit_seal_state SET sealed_through = 1000`,
      `SELECT nextval('${SCHEMA}.audit_log_id_seq')`,
      `SELECT ${SCHEMA}.audit_baseline('ledger', ARRAY['id'])`,
    ]) {
      await expect(app.query(statement)).rejects.toThrow(/permission denied/);
    }
    // Even the owner's statements are refused by the trail's own triggers.
    await expect(owner.query(`DELETE FROM ${SCHEMA}.audit_log WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`UPDATE ${SCHEMA}.audit_chain SET hash = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('is sealed afterwards: each entry chained once, in order; an idle seal does nothing', async () => {
    expect(await chain()).toEqual([]);
    expect(await sealAuditTrail(app, SCHEMA)).toBe(6);
    expect(await chain()).toEqual([1, 2, 3, 4, 5, 6].map((n) => ({ seq: n, entry_id: n })));
    expect(await sealAuditTrail(app, SCHEMA)).toBe(0);
    expect(await chain()).toHaveLength(6);
  });

  it('verifies clean when nothing was touched behind the application’s back', async () => {
    const report = await verifyAuditTrail(app, SCHEMA);
    expect(report).toEqual({
      schema: SCHEMA,
      entries: 6,
      unsealed: 0,
      tablesChecked: ['ledger', 'ledger_tags', 'operator_actions'],
      findings: [],
      unattributed: 0,
    });
  });

  it('counts entries written since the last seal as unsealed, not as findings', async () => {
    await app.transaction(async (m) => {
      await applyActor(m, 'person:clerk@bureau');
      await m.query(`UPDATE ${SCHEMA}.ledger SET title = 'renamed' WHERE id = $1`, [ids[0]]);
    });
    expect(await verifyAuditTrail(app, SCHEMA)).toMatchObject({ entries: 7, unsealed: 1, findings: [] });
    expect(await sealAuditTrail(app, SCHEMA)).toBe(1);
    expect(await verifyAuditTrail(app, SCHEMA)).toMatchObject({ entries: 7, unsealed: 0, findings: [] });
  });

  it('lets writers commit while another writer’s transaction is still open', async () => {
    const first = await openWriter(10);
    try {
      const started = Date.now();
      const second = await openWriter(11);
      await second.runner.commitTransaction();
      await second.runner.release();
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(second.entryId).toBeGreaterThan(first.entryId);
    } finally {
      await first.runner.rollbackTransaction();
      await first.runner.release();
    }
  });

  it('chains an entry committed after a later one exactly once, after it', async () => {
    await sealAuditTrail(app, SCHEMA); // the previous test's writer
    const before = (await chain()).length;
    const late = await openWriter(20); // lower id, commits last
    const early = await openWriter(21);
    await early.runner.commitTransaction();
    await early.runner.release();
    // Several seals while the late writer is open: each must leave its lower id to a later seal.
    const others: number[] = [];
    for (const n of [22, 23]) {
      expect(await sealAuditTrail(app, SCHEMA)).toBe(1);
      const other = await openWriter(n);
      await other.runner.commitTransaction();
      await other.runner.release();
      others.push(other.entryId);
    }
    expect(await sealAuditTrail(app, SCHEMA)).toBe(1);
    await late.runner.commitTransaction();
    await late.runner.release();
    expect(await sealAuditTrail(app, SCHEMA)).toBe(1);
    expect(await sealAuditTrail(app, SCHEMA)).toBe(0);

    const links = (await chain()).slice(before);
    expect(links).toEqual(
      [early.entryId, ...others, late.entryId].map((entryId, n) => ({
        seq: before + n + 1,
        entry_id: entryId,
      })),
    );
    expect(late.entryId).toBeLessThan(early.entryId);
    expect(await verifyAuditTrail(app, SCHEMA)).toMatchObject({ unsealed: 0, findings: [] });
  });

  it('leaves the sealing to whoever holds the lock, without waiting', async () => {
    await app.transaction(async (m) => {
      await applyActor(m, 'person:clerk@bureau');
      await m.query(`INSERT INTO ${SCHEMA}.ledger VALUES ($1, 'while busy', 'OPEN')`, [idOf(30)]);
    });
    await owner.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`"${SCHEMA}".audit_chain`]);
      expect(await sealAuditTrail(app, SCHEMA, { wait: false })).toBe(0);
    });
    expect(await sealAuditTrail(app, SCHEMA, { wait: false })).toBe(1);
  });

  it('counts changes made with no application actor', async () => {
    await owner.query(`INSERT INTO ${SCHEMA}.ledger VALUES ($1, 'by hand', 'OPEN')`, [idOf(40)]);
    await sealAuditTrail(app, SCHEMA);
    expect(await verifyAuditTrail(app, SCHEMA)).toMatchObject({ unattributed: 1, findings: [] });
  });

  it('detects a row changed with the trigger bypassed', async () => {
    await owner.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE ${SCHEMA}.ledger SET status = 'OPEN' WHERE id = $1`, [ids[0]]);
    });
    const report = await verifyAuditTrail(app, SCHEMA);
    expect(report.findings).toEqual([
      {
        kind: 'record-diverged',
        table: 'ledger',
        recordId: ids[0],
        seq: null,
        detail: 'the row differs from its last audited state',
      },
    ]);
  });

  it('detects a sealed entry edited or deleted, or a link removed, behind the trail’s triggers', async () => {
    await owner.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE ${SCHEMA}.audit_log SET actor = 'nobody' WHERE id = 2`);
      await m.query(`DELETE FROM ${SCHEMA}.audit_log WHERE id = 3`);
      await m.query(`DELETE FROM ${SCHEMA}.audit_chain WHERE seq = 5`);
    });
    const report = await verifyAuditTrail(app, SCHEMA);
    const broken = report.findings.filter((f) => f.kind === 'chain-broken');
    expect(broken.map((f) => [f.seq, f.detail])).toEqual([
      [2, 'its entry does not match its hash'],
      [3, 'its entry 3 is missing'],
      [6, 'links 5..5 are missing'],
      [6, 'does not link to the one before it'],
    ]);
    expect(broken[0]).toMatchObject({ table: 'ledger', recordId: ids[0] });
    // The entry whose link was removed reads as not sealed yet.
    expect(report.unsealed).toBe(1);
  });

  it('takes a transaction’s row scope and actor from one statement, for that transaction only', async () => {
    const settings = `SELECT current_setting('eco.row_scope', true) AS scope,
                             current_setting('eco.actor', true) AS actor`;
    const inside = await app.transaction(async (m) => {
      await applyScopeAndActor(m, { agencyId: idOf(42) }, 'system:consumer');
      return m.query(settings);
    });
    expect(inside).toEqual([{ scope: idOf(42), actor: 'system:consumer' }]);
    const [after] = (await app.query(settings)) as { scope: string | null; actor: string | null }[];
    expect([after?.scope || null, after?.actor || null]).toEqual([null, null]);
  });
});
