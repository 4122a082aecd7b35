import { randomUUID } from 'node:crypto';
import { AUDIT_TRIGGER, verifyAuditTrail } from '@eco/db';
import { agencyIdOf } from '@eco/demo-data';
import { insertRows, startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

/**
 * Issue #9 through the gateway on the real servers: concurrent edits of one record at one version
 * (exactly one wins, the rest get CONFLICT with the current version), one idempotency key sent many
 * times at once (one effect, one answer), a key reused for another request, the operator's audited
 * replay of a dead letter, and an audit trail that verifies clean after all of it.
 */
describe('mutation safety under concurrency', () => {
  let t: TestStack;
  let zhuqiao: string;
  let taskId: string;
  let version: number;
  const tally = { attempted: 0, ok: 0, conflict: 0, other: 0 };

  const progress = (input: Record<string, unknown>) =>
    t.gql<any>(
      zhuqiao,
      `mutation($input: ReportTaskProgressInput!) {
         reportTaskProgress(input: $input) { ok error { code currentVersion } task { id version status } } }`,
      { input: { taskId, ...input } },
    );
  /** Reads agency-scoped rows as the system does (row-level security hides them from an unscoped session). */
  const readAll = (sql: string, params: unknown[] = []) =>
    t.stack.subgraphs.agencies.runtime.transaction('all', (manager) => manager.query(sql, params));
  const DEAD_LETTER_CONSUMER = 'agencies--open-tasks-for-supervision-item';
  /**
   * A supervision.item.assigned.v1 the agencies handler dead-lettered with `error`, stored as the
   * consumer stores it; returns the replay input that names it.
   */
  const deadLetter = async (payload: Record<string, unknown>, error: string, attempts: number) => {
    const envelope = {
      id: randomUUID(),
      subject: 'supervision.item.assigned.v1',
      occurredAt: new Date().toISOString(),
      producer: 'supervision',
      actor: null,
      payload,
    };
    await insertRows(t.stack.subgraphs.agencies.runtime.dataSource, 'agencies.dead_letters', [
      {
        consumer: DEAD_LETTER_CONSUMER,
        event_id: envelope.id,
        subject: envelope.subject,
        envelope,
        error,
        attempts,
      },
    ]);
    return { consumer: DEAD_LETTER_CONSUMER, eventId: envelope.id };
  };
  /** A system operator of the general office: its token and the actor the audit trail names. */
  const anOperator = async () => {
    const principal = {
      personId: randomUUID(),
      agencyId: agencyIdOf('general-office'),
      name: '运维值班',
      roles: ['SYSTEM_OPERATOR' as const],
    };
    return {
      token: await t.tokenFor(principal),
      actor: `person:${principal.personId}@${principal.agencyId}`,
    };
  };
  const updatesOfTask = async () =>
    (await readAll(`SELECT count(*)::int AS n FROM agencies.task_updates WHERE task_id = $1`, [taskId]))[0]
      .n as number;

  beforeAll(async () => {
    t = await startTestStack({ label: 'mutsafety', demo: 'directory' });
    zhuqiao = await t.tokenFor('demo-zhuqiao');
    const officer = await t.tokenFor('demo-supervision-officer');
    const created = await t.gql<any>(
      officer,
      `mutation($input: CreateSupervisionItemInput!) { createSupervisionItem(input: $input) { ok item { id } } }`,
      {
        input: {
          title: '并发编辑演练',
          category: 'DISTRICT_KEY_TASK',
          sourcePlatform: '区网上督查室',
          responsibleDepartmentId: agencyIdOf('sanitation'),
          involvedAgencyIds: [agencyIdOf('zhuqiao')],
          dueAt: '2026-12-31T09:30:00.000Z',
        },
      },
    );
    expect(created.data.createSupervisionItem.ok).toBe(true);
    const task = await waitFor('the task in 祝桥镇 inbox', async () => {
      const r = await t.gql<any>(zhuqiao, '{ myTasks { edges { node { id version } } } }');
      return r.data?.myTasks.edges[0]?.node;
    });
    taskId = task.id;
    const ack = await t.gql<any>(
      zhuqiao,
      'mutation($id: ID!, $v: Int) { acknowledgeTask(input: { taskId: $id, expectedVersion: $v }) { ok task { version } } }',
      { id: taskId, v: task.version },
    );
    expect(ack.data.acknowledgeTask.ok).toBe(true);
    version = ack.data.acknowledgeTask.task.version;
  }, 120_000);

  afterAll(async () => {
    console.log(
      `concurrency tallies: attempted ${tally.attempted}, ok ${tally.ok}, conflict ${tally.conflict}, other ${tally.other}`,
    );
    await t?.stop();
  });

  it('lets exactly one of 100 concurrent edits at one version through; the others get CONFLICT and the current version', async () => {
    const before = await updatesOfTask();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => progress({ note: `第${i + 1}次`, expectedVersion: version })),
    );
    const results = responses.map((r) => r.data?.reportTaskProgress);
    tally.attempted += 100;
    tally.ok += results.filter((r) => r?.ok).length;
    tally.conflict += results.filter((r) => r?.error?.code === 'CONFLICT').length;
    tally.other += results.filter((r) => !r?.ok && r?.error?.code !== 'CONFLICT').length;

    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    const winner = results.find((r) => r?.ok)!;
    expect(winner.task.version).toBe(version + 1);
    const conflicts = results.filter((r) => r?.error?.code === 'CONFLICT');
    expect(conflicts).toHaveLength(99);
    for (const c of conflicts) expect(c.error.currentVersion).toBe(version + 1);
    expect(await updatesOfTask()).toBe(before + 1);
    version += 1;
  }, 120_000);

  it('applies one idempotency key sent 100 times at once exactly once, and answers all alike', async () => {
    const before = await updatesOfTask();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        progress({ note: '同一请求', expectedVersion: version, idempotencyKey: key }),
      ),
    );
    const results = responses.map((r) => r.data?.reportTaskProgress);
    tally.attempted += 100;
    tally.ok += results.filter((r) => r?.ok).length;
    expect(results.every((r) => r?.ok === true)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await updatesOfTask()).toBe(before + 1);
    version += 1;

    // Later, the same request again: the same answer; another request under the key: refused.
    const again = await progress({ note: '同一请求', expectedVersion: version - 1, idempotencyKey: key });
    expect(again.data.reportTaskProgress).toEqual(results[0]);
    const reused = await progress({ note: '另一请求', expectedVersion: version, idempotencyKey: key });
    expect(reused.data.reportTaskProgress).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(await updatesOfTask()).toBe(before + 1);
  }, 120_000);

  it('refuses an idempotency key that is empty, too long or holds control characters, changing nothing', async () => {
    const before = await updatesOfTask();
    for (const key of ['', ' ', 'x'.repeat(201), 'key\u0001with-control']) {
      const refused = await progress({ note: '非法键', expectedVersion: version, idempotencyKey: key });
      expect(refused.data.reportTaskProgress.error?.code).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    expect(await updatesOfTask()).toBe(before);
  });

  it('does not keep the key of a failed request, so a corrected retry under it goes through', async () => {
    const key = randomUUID();
    const stale = await progress({ note: '过期版本', expectedVersion: version - 1, idempotencyKey: key });
    expect(stale.data.reportTaskProgress.error).toMatchObject({ code: 'CONFLICT', currentVersion: version });
    const fixed = await progress({ note: '过期版本', expectedVersion: version, idempotencyKey: key });
    expect(fixed.data.reportTaskProgress.ok).toBe(true);
    version += 1;
  });

  it('lets only an operator see and replay a dead letter, and records the replay on the audit trail', async () => {
    const agencies = t.stack.subgraphs.agencies.runtime.dataSource;
    const itemId = randomUUID();
    const input = await deadLetter(
      { itemId, agencyIds: [agencyIdOf('caolu')], title: '补发的督办事项', dueAt: null },
      'Error: simulated outage',
      5,
    );
    const list = '{ agenciesDeadLetters { consumer eventId error replayedAt } }';
    const replay = `mutation($input: ReplayDeadLetterInput!) {
      replayAgenciesDeadLetter(input: $input) { ok error { code message } outcome deadLetter { replayedAt replayedBy } } }`;

    const refused = await t.gql<any>(zhuqiao, list);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql<any>(zhuqiao, replay, { input })).data.replayAgenciesDeadLetter.error.code).toBe(
      'FORBIDDEN',
    );

    const operator = await anOperator();
    const listed = await t.gql<any>(operator.token, list);
    expect(listed.data.agenciesDeadLetters).toEqual([
      {
        consumer: input.consumer,
        eventId: input.eventId,
        error: 'Error: simulated outage',
        replayedAt: null,
      },
    ]);
    const replayed = await t.gql<any>(operator.token, replay, { input });
    expect(replayed.data.replayAgenciesDeadLetter.error).toBeNull();
    expect(replayed.data.replayAgenciesDeadLetter).toMatchObject({
      ok: true,
      outcome: 'applied',
      deadLetter: { replayedBy: operator.actor },
    });
    const tasks = await readAll(
      `SELECT count(*)::int AS n FROM agencies.coordination_tasks WHERE subject_id = $1`,
      [itemId],
    );
    expect(tasks[0].n).toBe(1);
    const audit = await agencies.query(
      `SELECT actor, after->>'action' AS action, after->>'outcome' AS outcome FROM agencies.audit_log
        WHERE table_name = 'operator_actions' ORDER BY id`,
    );
    expect(audit).toEqual([{ actor: operator.actor, action: 'replay-dead-letter', outcome: 'applied' }]);
  });

  it('records every failed replay on the audit trail, whether or not the replay carried an idempotency key', async () => {
    const agencies = t.stack.subgraphs.agencies.runtime.dataSource;
    // A payload its contract refuses: the handler dead-letters it again on every replay.
    const letter = await deadLetter(
      { itemId: 'not-a-uuid', agencyIds: [], title: '', dueAt: null },
      'Error: bad payload',
      1,
    );
    const operator = await anOperator();
    const replay = `mutation($input: ReplayDeadLetterInput!) {
      replayAgenciesDeadLetter(input: $input) { ok error { code } outcome } }`;
    const attempts = [letter, { ...letter, idempotencyKey: `replay-${randomUUID()}` }];
    for (const input of attempts) {
      const answer = await t.gql<any>(operator.token, replay, { input });
      expect(answer.data.replayAgenciesDeadLetter).toMatchObject({
        ok: false,
        error: { code: 'DEAD_LETTER_STILL_FAILING' },
      });
    }
    const audit = await agencies.query(
      `SELECT actor, after->>'outcome' AS outcome FROM agencies.audit_log
        WHERE table_name = 'operator_actions' AND after->>'target' = $1 ORDER BY id`,
      [`${letter.consumer}/${letter.eventId}`],
    );
    expect(audit).toEqual([
      { actor: operator.actor, outcome: 'dead-lettered' },
      { actor: operator.actor, outcome: 'dead-lettered' },
    ]);
    const stored = await agencies.query(
      `SELECT replayed_at, replayed_by FROM agencies.dead_letters WHERE consumer = $1 AND event_id = $2`,
      [letter.consumer, letter.eventId],
    );
    expect(stored).toEqual([{ replayed_at: null, replayed_by: null }]);
  });

  it('leaves every service’s audit trail verifiable, with no change unattributed', async () => {
    for (const name of ['agencies', 'inspections', 'rectification', 'supervision'] as const) {
      const { dataSource } = t.stack.subgraphs[name].runtime;
      // The runtime's job seals every second: wait for it to chain every entry.
      const report = await waitFor(`${name}'s audit trail sealed`, async () => {
        const r = await verifyAuditTrail(dataSource, name);
        return r.unsealed === 0 ? r : undefined;
      });
      expect({ name, findings: report.findings, unattributed: report.unattributed }).toEqual({
        name,
        findings: [],
        unattributed: 0,
      });
    }
  });

  it('audits every table of every service, the delivery and audit plumbing aside', async () => {
    const PLUMBING = [
      'audit_chain',
      'audit_log',
      'audit_seal_state',
      'dead_letters',
      'idempotency_keys',
      'inbox',
      'migrations',
      'outbox',
    ];
    const unaudited: { schema: string; table: string }[] =
      await t.stack.subgraphs.agencies.runtime.dataSource.query(
        `SELECT t.table_schema AS schema, t.table_name AS table FROM information_schema.tables t
        WHERE t.table_schema = ANY($1) AND t.table_type = 'BASE TABLE'
          AND t.table_name <> ALL($2)
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = t.table_schema AND c.relname = t.table_name
                            AND g.tgname = $3)
        ORDER BY 1, 2`,
        [['agencies', 'inspections', 'rectification', 'supervision'], PLUMBING, AUDIT_TRIGGER],
      );
    expect(unaudited).toEqual([]);
  });
});
