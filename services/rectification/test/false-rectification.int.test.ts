import { randomUUID } from 'node:crypto';
import { agencyIdOf } from '@eco/demo-data';
import { falseRectificationFoundV1, findingConfirmedV1, recordEvent } from '@eco/events';
import type { EventContract, EventEnvelope, PayloadOf } from '@eco/events';
import { startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { reopenProblemOnFalseRectification } from '../src/events/reopen-problem-on-false-rectification.handler';
import { createCampaign, mutate, outboxEvents } from './support/rectification-fixtures';

jest.setTimeout(60_000);

const sanitation = agencyIdOf('sanitation');
const REOPENED = 'rectification.problem.reopened.v1';

/**
 * Issue #5: a site visit (回头看) found false rectification (虚假整改). Inspections announces it; the
 * problem reopens with the finding as its reason, through real Postgres and NATS.
 */
describe('false rectification found on a site visit (虚假整改)', () => {
  let t: TestStack;
  let office: string;
  let problemId: string;
  let measureId: string;

  const inspector = { personId: randomUUID(), agencyId: randomUUID(), name: '区委巡察组（测试）' };
  /** Publishes as the inspections subgraph does: an outbox row in its own transaction. */
  const publishFromInspections = async <C extends EventContract>(contract: C, payload: PayloadOf<C>) => {
    const inspections = t.stack.subgraphs.inspections.runtime;
    const envelope = await inspections.dataSource.transaction((manager) =>
      recordEvent(manager, contract, payload, { producer: 'inspections', actor: inspector }),
    );
    inspections.afterCommit();
    return envelope;
  };
  const found = (overrides: Partial<PayloadOf<typeof falseRectificationFoundV1>>) => ({
    siteVisitId: randomUUID(),
    roundId: randomUUID(),
    findingId: null,
    problemId: null,
    targetAgencyId: sanitation,
    description: '现场复查发现建筑垃圾仍在原址堆放，整改材料与实际不符。',
    foundAt: '2023-11-02T03:00:00.000Z',
    ...overrides,
  });
  const problem = async (id: string) =>
    (
      await t.gql<{
        problem: {
          status: string;
          closeoutHistory: { kind: string; reason: string | null }[];
          measures: {
            id: string;
            status: string;
            verification: string;
            timeline: { kind: string; note: string | null }[];
          }[];
        };
      }>(
        office,
        `query($id: ID!) { problem(id: $id) { status closeoutHistory { kind reason }
          measures { id status verification timeline { kind note } } } }`,
        { id },
      )
    ).data!.problem;
  const reopenedEvents = async (id: string) =>
    (await outboxEvents(t, id)).filter((e) => e.subject === REOPENED).map((e) => e.payload);

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-false-rect', demo: 'directory' });
    office = await t.tokenFor('demo-rectification-office');
    const clerk = await t.tokenFor('demo-sanitation-clerk');
    const campaignId = await createCampaign(t, office);
    problemId = (
      await mutate<{ problem: { id: string } }>(
        t,
        office,
        'openProblem',
        'OpenProblemInput',
        {
          campaignId,
          number: '1',
          title: '建筑垃圾偷乱倒',
          description: '建筑垃圾偷乱倒和“两非”点位时有发生。',
          responsibleDepartmentId: sanitation,
        },
        'problem { id }',
      )
    ).problem.id;
    measureId = (
      await mutate<{ measure: { id: string } }>(
        t,
        office,
        'addMeasure',
        'AddMeasureInput',
        { problemId, text: '清运点位建筑垃圾。', deadline: { kind: 'DATE', dueOn: '2023-09-28' } },
        'measure { id }',
      )
    ).measure.id;
    const steps = [
      () =>
        mutate(
          t,
          clerk,
          'updateMeasureStatus',
          'UpdateMeasureStatusInput',
          { measureId, status: 'COMPLETED', evidenceNotes: ['清运记录2023-091'] },
          'measure { id }',
        ),
      () =>
        mutate(
          t,
          clerk,
          'submitMeasureForVerification',
          'SubmitMeasureForVerificationInput',
          { measureId },
          'measure { id }',
        ),
      () =>
        mutate(
          t,
          office,
          'verifyMeasure',
          'VerifyMeasureInput',
          { measureId, decision: 'ACCEPT' },
          'measure { id }',
        ),
    ];
    for (const step of steps) {
      const result = await step();
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  let envelope: EventEnvelope;

  it('reopens a closed problem with the finding as the reason and announces it', async () => {
    expect((await problem(problemId)).status).toBe('CLOSED');
    envelope = await publishFromInspections(falseRectificationFoundV1, found({ problemId }));
    const reason = '回头看发现虚假整改：现场复查发现建筑垃圾仍在原址堆放，整改材料与实际不符。';
    const reopened = await waitFor('the problem reopened', async () => {
      const current = await problem(problemId);
      return current.status === 'REOPENED' ? current : undefined;
    });
    expect(reopened.closeoutHistory).toEqual([
      { kind: 'CLOSED', reason: null },
      { kind: 'REOPENED', reason },
    ]);
    expect(reopened.measures).toMatchObject([{ id: measureId, status: 'IN_PROGRESS', verification: 'NONE' }]);
    expect(reopened.measures[0]!.timeline.at(-1)).toEqual({ kind: 'REOPENED', note: reason });
    expect(await reopenedEvents(problemId)).toMatchObject([
      { problemId, reason, reopenedMeasureIds: [measureId] },
    ]);
    await waitFor('the reopened event published', async () =>
      (await t.stack.subgraphs.rectification.pendingEvents()) === 0 ? true : undefined,
    );
  });

  it('changes nothing when the same event is delivered again', async () => {
    const outcome = await t.stack.subgraphs.rectification.consumer.replay(
      reopenProblemOnFalseRectification.name,
      envelope,
    );
    expect(outcome).toBe('duplicate');
    expect((await problem(problemId)).closeoutHistory).toHaveLength(2);
    expect(await reopenedEvents(problemId)).toHaveLength(1);
  });

  it('records the finding on a problem not yet closed, found by its source finding', async () => {
    const findingId = randomUUID();
    await publishFromInspections(findingConfirmedV1, {
      findingId,
      roundId: randomUUID(),
      roundName: '2023年第三轮巡察',
      findingNumber: '7',
      targetAgencyId: sanitation,
      title: '渣土运输管理不到位',
      description: '渣土车辆未密闭运输。',
      category: null,
      confirmedAt: '2023-10-20T02:00:00.000Z',
    });
    const opened = await waitFor('the problem opened from the finding', async () => {
      const rows: { id: string }[] = await t.stack.subgraphs.rectification.runtime.transaction('all', (m) =>
        m.query('SELECT id FROM rectification.problems WHERE source_finding_id = $1', [findingId]),
      );
      return rows[0]?.id;
    });
    await publishFromInspections(
      falseRectificationFoundV1,
      found({ findingId, description: '整改台账所列密闭改造未实施。' }),
    );
    const current = await waitFor('the finding on the close-out history', async () => {
      const p = await problem(opened);
      return p.closeoutHistory.length > 0 ? p : undefined;
    });
    expect(current.status).toBe('REOPENED');
    expect(current.closeoutHistory).toEqual([
      { kind: 'REOPENED', reason: '回头看发现虚假整改：整改台账所列密闭改造未实施。' },
    ]);
    expect(await reopenedEvents(opened)).toMatchObject([{ problemId: opened, reopenedMeasureIds: [] }]);
  });

  it('retries, then dead-letters, a finding about an unknown problem', async () => {
    const unknown = {
      id: randomUUID(),
      subject: falseRectificationFoundV1.subject,
      occurredAt: new Date().toISOString(),
      producer: 'inspections',
      actor: null,
      payload: found({ problemId: randomUUID() }),
    };
    const consumer = t.stack.subgraphs.rectification.consumer;
    const data = new TextEncoder().encode(JSON.stringify(unknown));
    expect(await consumer.process(reopenProblemOnFalseRectification, data, 1)).toBe('retry');
    expect(await consumer.process(reopenProblemOnFalseRectification, data, 5)).toBe('dead-lettered');
  });
});
