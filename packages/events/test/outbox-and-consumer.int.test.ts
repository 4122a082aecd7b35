import { randomUUID } from 'node:crypto';
import { recordEvent, streamNameFor } from '../src';
import type { EventEnvelope } from '../src';
import { effectHandler, encode, producer, sleep, useHarness, thingContract, waitFor } from './harness';
import type { Harness } from './harness';

/**
 * The transactional outbox on real PostgreSQL and JetStream: what commits is published and applied
 * once, what rolls back never leaves, and redeliveries, racing deliveries and republished rows have
 * no second effect. (The relay's outage, order and replica behaviour: outbox-relay.int.test.ts.)
 */
describe('the outbox and an idempotent consumer', () => {
  let h: Harness;

  useHarness('events_outbox', (created) => (h = created));

  it('publishes an event whose transaction commits, and the consumer applies it exactly once', async () => {
    const contract = thingContract('committed');
    const handler = effectHandler('note-committed', contract);
    const { tap } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    h.relay().start();

    const [event] = await h.record(contract, [{ seq: 1, note: 'committed' }]);
    const [row] = await h.publishedAll(contract.subject, 1);
    await h.appliedAll(handler.name, 1);
    await h.drained('svca--note-committed');

    expect(row).toMatchObject({ event_id: event!.id, attempts: 1, last_error: null, leased_until: null });
    expect(row!.published_at).toBeInstanceOf(Date);
    expect(await h.effects(handler.name)).toEqual([{ event_id: event!.id, seq: 1, note: 'committed' }]);
    expect(await h.inbox('svca--note-committed')).toEqual([
      { event_id: event!.id, subject: contract.subject },
    ]);
    expect(await h.stored(contract.subject)).toBe(1);
    expect(tap.deliveries.map((d) => [d.eventId, d.deliveryCount, d.settled])).toEqual([
      [event!.id, 1, 'ack'],
    ]);
  });

  it('never publishes nor applies an event whose transaction rolls back', async () => {
    const contract = thingContract('rolledback');
    const handler = effectHandler('note-rolled-back', contract);
    let doomed: EventEnvelope | undefined;
    await expect(
      h.dataSource.transaction(async (manager) => {
        doomed = await recordEvent(manager, contract, { seq: 1, note: 'doomed' }, producer);
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow('business rule refused the change');
    expect(doomed).toBeDefined();
    // A committed marker after it: once the marker is applied, an earlier event would have been too.
    const [marker] = await h.record(contract, [{ seq: 2, note: 'marker' }]);

    const relay = h.relay();
    expect(await relay.publishBatch(100)).toBe(1);
    expect(await relay.publishBatch(100)).toBe(0);
    const { tap } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    await h.appliedAll(handler.name, 1);
    await h.drained('svca--note-rolled-back');

    expect((await h.outbox(contract.subject)).map((r) => r.event_id)).toEqual([marker!.id]);
    expect(await h.stored(contract.subject)).toBe(1);
    expect(await h.effects(handler.name)).toEqual([{ event_id: marker!.id, seq: 2, note: 'marker' }]);
    expect((await h.inbox('svca--note-rolled-back')).map((r) => r.event_id)).toEqual([marker!.id]);
    expect(tap.deliveries.map((d) => d.eventId)).toEqual([marker!.id]);
  });

  it('gives a redelivered event no second effect, and replaying it reports a duplicate', async () => {
    const contract = thingContract('redelivered');
    const handler = effectHandler('note-redelivered', contract);
    const { consumer, tap } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    const [event] = await h.record(contract, [{ seq: 7, note: 'once' }]);
    expect(await h.relay().publishBatch(100)).toBe(1);
    await h.appliedAll(handler.name, 1);

    // The same envelope under a new msgID passes JetStream's de-duplication: a true redelivery.
    await h.transport.publish(contract.subject, encode(event), randomUUID());
    await waitFor('the second delivery to be settled', async () =>
      tap.deliveries.length === 2 && tap.deliveries.every((d) => d.settled !== 'none') ? true : undefined,
    );
    await h.drained('svca--note-redelivered');

    expect(await h.stored(contract.subject)).toBe(2);
    expect(tap.deliveries.map((d) => [d.eventId, d.deliveryCount, d.settled])).toEqual([
      [event!.id, 1, 'ack'],
      [event!.id, 1, 'ack'],
    ]);
    expect(await consumer.replay(handler.name, event)).toBe('duplicate');
    expect(await h.effects(handler.name)).toEqual([{ event_id: event!.id, seq: 7, note: 'once' }]);
    expect(await h.inbox('svca--note-redelivered')).toHaveLength(1);
    expect(await h.deadLetters('svca--note-redelivered')).toEqual([]);
  });

  it('applies an event once when two deliveries of it race, and applies it if the first one fails', async () => {
    const contract = thingContract('raced');
    let calls = 0;
    let failNext = false;
    const handler = effectHandler('note-raced', contract, async () => {
      calls += 1;
      const fail = failNext;
      failNext = false;
      await sleep(200); // both transactions overlap: the second waits on the first's inbox row
      if (fail) throw new Error('first attempt failed');
    });
    const { consumer } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    // Envelopes straight to the consumer, as two concurrent deliveries would bring them.
    const [ok, failsFirst] = [1, 2].map((seq) => ({
      id: randomUUID(),
      subject: contract.subject,
      occurredAt: new Date().toISOString(),
      producer: 'events-int-test',
      actor: null,
      payload: { seq, note: `raced ${seq}` },
    }));

    const both = await Promise.all([consumer.replay(handler.name, ok), consumer.replay(handler.name, ok)]);
    expect(both.sort()).toEqual(['applied', 'duplicate']);
    expect(calls).toBe(1);

    failNext = true;
    const first = consumer.replay(handler.name, failsFirst);
    await sleep(50);
    const second = consumer.replay(handler.name, failsFirst);
    expect(await Promise.all([first, second])).toEqual(['retry', 'applied']);
    expect(calls).toBe(3);
    expect((await h.effects(handler.name)).map((e) => [e.event_id, e.seq])).toEqual([
      [ok!.id, 1],
      [failsFirst!.id, 2],
    ]);
    expect(await h.inbox('svca--note-raced')).toHaveLength(2);
  });

  it('creates a missing stream as the Kubernetes Job does, at one replica, keeping events 30 days', async () => {
    const { config } = await h.jsm.streams.info(streamNameFor(h.namespace));
    expect(config).toMatchObject({
      subjects: [`${h.namespace}.>`],
      num_replicas: 1,
      storage: 'file',
      retention: 'limits',
      discard: 'old',
      max_age: 30 * 24 * 3600 * 1e9,
      duplicate_window: 120 * 1e9,
      deny_delete: true,
    });
  });

  it('stores a message published twice under one msgID once (a relay that crashed before marking the row)', async () => {
    const contract = thingContract('deduplicated');
    const handler = effectHandler('note-deduplicated', contract);
    const [event] = await h.record(contract, [{ seq: 1, note: 'dedup' }]);
    const relay = h.relay();
    expect(await relay.publishBatch(100)).toBe(1);
    // The relay published but "crashed" before recording it: the row goes out again, same msgID.
    await h.rows(`UPDATE evtest.outbox SET published_at = NULL WHERE event_id = $1`, [event!.id]);
    expect(await relay.publishBatch(100)).toBe(1);
    await h.transport.publish(contract.subject, encode(event), event!.id);

    expect(await h.stored(contract.subject)).toBe(1);
    const [row] = await h.outbox(contract.subject);
    expect(row).toMatchObject({ attempts: 2, last_error: null });
    expect(row!.published_at).toBeInstanceOf(Date);

    const { tap } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    await h.appliedAll(handler.name, 1);
    const info = await h.drained('svca--note-deduplicated');
    expect(info.delivered.consumer_seq).toBe(1);
    expect(tap.deliveries.map((d) => [d.eventId, d.deliveryCount])).toEqual([[event!.id, 1]]);
    expect(await h.effects(handler.name)).toHaveLength(1);
  });
});
