import { defineEvent } from '../src';
import { SCHEMA, effectHandler, sleep, useHarness } from './harness';
import type { Harness, ThingContract } from './harness';
import { z } from 'zod';

/**
 * The reconciler: an event the outbox shows as published but that the consumer never recorded
 * (JetStream acknowledged it and then lost it; Jepsen showed NATS 2.12.1 can) is applied from the
 * outbox, once. The test's contract names the harness schema as its producer, as every real
 * contract names its producing service.
 */
describe('reconciling published events a consumer never recorded', () => {
  let h: Harness;
  useHarness('events_reconcile', (created) => (h = created));

  /** A contract of its own per test, so one test's events are not another's. */
  const lostContract = (aggregate: string) =>
    defineEvent(
      `${SCHEMA}.${aggregate}.lost`,
      1,
      z.object({ seq: z.number().int(), note: z.string() }),
    ) as unknown as ThingContract;

  /** Records events and marks them published without sending them: the broker "lost" them. */
  const recordLost = async (contract: ThingContract, count: number) => {
    const events = await h.record(
      contract,
      Array.from({ length: count }, (_, i) => ({ seq: i + 1, note: `lost ${i + 1}` })),
    );
    await h.rows(
      `UPDATE "${SCHEMA}".outbox SET published_at = now() - interval '2 minutes' WHERE subject = $1`,
      [contract.subject],
    );
    return events;
  };

  it('applies each lost event once, and a late redelivery is a duplicate', async () => {
    const contract = lostContract('once');
    const { consumer } = await h.startConsumer({
      service: 'rc',
      handlers: [effectHandler('apply', contract)],
    });
    const events = await recordLost(contract, 3);

    const first = await consumer.reconcile({ graceMs: 60_000, horizonMs: 86_400_000 });
    expect(first).toEqual({ examined: 3, applied: 3, failed: 0 });
    expect((await h.effects('apply')).map((e) => e.seq).sort()).toEqual([1, 2, 3]);
    // As one batch: every inbox row was written by the same transaction.
    const writers = await h.rows(
      `SELECT DISTINCT xmin::text AS tx FROM "${SCHEMA}".inbox WHERE consumer = 'rc--apply'`,
    );
    expect(writers).toHaveLength(1);

    const again = await consumer.reconcile({ graceMs: 60_000, horizonMs: 86_400_000 });
    expect(again).toEqual({ examined: 0, applied: 0, failed: 0 });

    // The broker delivers after all: the inbox recognises the event.
    expect(await consumer.replay('apply', events[0])).toBe('duplicate');
    expect(await h.effects('apply')).toHaveLength(3);
  });

  it('leaves events inside the grace period to the transport', async () => {
    const contract = lostContract('grace');
    const { consumer } = await h.startConsumer({
      service: 'rg',
      handlers: [effectHandler('grace', contract)],
    });
    await h.record(contract, [{ seq: 1, note: 'just published' }]);
    await h.rows(`UPDATE "${SCHEMA}".outbox SET published_at = now() WHERE subject = $1`, [contract.subject]);
    await sleep(50);
    const tally = await consumer.reconcile({ graceMs: 60_000, horizonMs: 86_400_000 });
    expect(tally.applied).toBe(0);
    expect(await h.effects('grace')).toHaveLength(0);
  });

  it('forgets the attempts it counted for an event that a delivery applied meanwhile', async () => {
    const contract = lostContract('healed');
    let failing = true;
    const flaky = effectHandler('healed', contract, () => {
      if (failing) throw new Error('outage');
    });
    const { consumer } = await h.startConsumer({ service: 'rh', handlers: [flaky], maxAttempts: 5 });
    const [event] = await recordLost(contract, 1);
    // Private state read on purpose: what is at stake is that this map stays bounded.
    const counted = () =>
      (consumer as unknown as { reconcileAttempts: Map<string, number> }).reconcileAttempts;

    expect(await consumer.reconcile({ graceMs: 60_000, horizonMs: 86_400_000 })).toMatchObject({ failed: 1 });
    expect([...counted().keys()]).toEqual([`rh--healed/${event!.id}`]);
    failing = false;
    // The transport delivers it after all (a redelivery, as replay applies it).
    expect(await consumer.replay('healed', event)).toBe('applied');
    expect(await consumer.reconcile({ graceMs: 60_000, horizonMs: 86_400_000 })).toEqual({
      examined: 0,
      applied: 0,
      failed: 0,
    });
    expect(counted().size).toBe(0);
  });

  it('dead-letters a lost event that keeps failing, after the same number of attempts as a delivery', async () => {
    const contract = lostContract('poison');
    const failing = effectHandler('poison', contract, () => {
      throw new Error('handler bug');
    });
    const { consumer } = await h.startConsumer({ service: 'rp', handlers: [failing], maxAttempts: 3 });
    await recordLost(contract, 1);
    const tallies = [];
    for (let pass = 0; pass < 4; pass += 1) {
      tallies.push(await consumer.reconcile({ graceMs: 60_000, horizonMs: 86_400_000 }));
    }
    expect(tallies.map((t) => t.examined)).toEqual([1, 1, 1, 0]);
    const dead = await h.deadLetters('rp--poison');
    expect(dead).toHaveLength(1);
    expect(dead[0]!.error).toContain('handler bug');
  });
});
