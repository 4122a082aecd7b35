import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyActor,
  attachAuditTrail,
  createServiceDataSource,
  createTestDatabase,
  detachAuditTrail,
  migrationSchema,
  openServiceDatabase,
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

describe('the audit trail', () => {
  let db: TestDatabase;
  let app: DataSource; // the application role, as services connect
  let owner: DataSource; // the schema owner (a DBA), who can bypass triggers

  beforeAll(async () => {
    db = await createTestDatabase(serverUrl, 'audit');
    const options = {
      url: db.url,
      schema: SCHEMA,
      entities: [],
      migrations: [CreateLedger1795400000000],
      poolSize: 3,
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

  it('records who, what, when and before → after of every change, in chain order', async () => {
    const entries: {
      seq: string;
      actor: string;
      record_id: string;
      operation: string;
      before: unknown;
      after: unknown;
    }[] = await app.query(
      `SELECT seq, actor, record_id, operation, before, after FROM ${SCHEMA}.audit_log ORDER BY seq`,
    );
    expect(entries.map((e) => [Number(e.seq), e.actor, e.operation, e.record_id])).toEqual([
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

  it('is append-only for the application role, which cannot forge entries either', async () => {
    for (const statement of [
      `UPDATE ${SCHEMA}.audit_log SET actor = 'someone else'`,
      `DELETE FROM ${SCHEMA}.audit_log`,
      `INSERT INTO ${SCHEMA}.audit_log (seq, occurred_at, table_name, record_id, operation, prev_hash, hash)
         VALUES (99, now(), 'ledger', 'x', 'INSERT', 'x', 'x')`,
      `TRUNCATE ${SCHEMA}.audit_log`,
    ]) {
      await expect(app.query(statement)).rejects.toThrow(/permission denied/);
    }
    // Even the owner's statements are refused by the trail's own trigger.
    await expect(owner.query(`DELETE FROM ${SCHEMA}.audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('verifies clean when nothing was touched behind the application’s back', async () => {
    const report = await verifyAuditTrail(app, SCHEMA);
    expect(report).toMatchObject({
      entries: 6,
      tablesChecked: ['ledger', 'ledger_tags', 'operator_actions'],
      findings: [],
      unattributed: 0,
    });
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

  it('detects an audit entry edited or removed behind the trail’s triggers', async () => {
    await owner.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE ${SCHEMA}.audit_log SET actor = 'nobody' WHERE seq = 2`);
      await m.query(`DELETE FROM ${SCHEMA}.audit_log WHERE seq = 4`);
    });
    const report = await verifyAuditTrail(app, SCHEMA);
    const chain = report.findings.filter((f) => f.kind === 'chain-broken');
    expect(chain.map((f) => [f.seq, f.detail])).toEqual([
      [2, 'its content does not match its hash'],
      [5, 'entries 4..4 are missing'],
      [5, 'does not link to the entry before it'],
    ]);
  });
});
