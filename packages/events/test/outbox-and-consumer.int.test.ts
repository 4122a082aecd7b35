import { randomUUID } from 'node:crypto';
import { recordEvent } from '../src';
import type { EventEnvelope } from '../src';
import {
  TappedTransport,
  effectHandler,
  encode,
  producer,
  sleep,
  startHarness,
  thingContract,
  waitFor,
} from './harness';
import type { Harness } from './harness';

/**
 * The transactional outbox on real PostgreSQL and JetStream: what commits is published and applied
 * once, what rolls back never leaves, redeliveries and republished rows have no second effect, and
 * the relay survives a bus outage, keeps order and shares the outbox with a second replica.
 */
describe('the outbox relay and an idempotent consumer', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('events_outbox');
  }, 20_000);
  afterEach(async () => {
    await h?.cleanup();
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
  }, 20_000);

  const ids = (events: { id: string }[]) => events.map((e) => e.id);
  const publishedAll = (subject: string, count: number) =>
    waitFor(`${count} outbox rows of ${subject} to be published`, async () => {
      const rows = await h.outbox(subject);
      return rows.length === count && rows.every((r) => r.published_at !== null) ? rows : undefined;
    });
  const appliedAll = (handler: string, count: number) =>
    waitFor(`${count} effects of ${handler}`, async () => {
      const effects = await h.effects(handler);
      return effects.length >= count ? effects : undefined;
    });

  it('publishes an event whose transaction commits, and the consumer applies it exactly once', async () => {
    const contract = thingContract('committed');
    const handler = effectHandler('note-committed', contract);
    const { tap } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    h.relay().start();

    const [event] = await h.record(contract, [{ seq: 1, note: 'committed' }]);
    const [row] = await publishedAll(contract.subject, 1);
    await appliedAll(handler.name, 1);
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
    await appliedAll(handler.name, 1);
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
    await appliedAll(handler.name, 1);

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
    await appliedAll(handler.name, 1);
    const info = await h.drained('svca--note-deduplicated');
    expect(info.delivered.consumer_seq).toBe(1);
    expect(tap.deliveries.map((d) => [d.eventId, d.deliveryCount])).toEqual([[event!.id, 1]]);
    expect(await h.effects(handler.name)).toHaveLength(1);
  });

  it('keeps rows unpublished with the error while publishing fails, and publishes them on a later pass', async () => {
    const contract = thingContract('outage');
    const handler = effectHandler('note-outage', contract);
    const faulty = new TappedTransport(h.transport);
    faulty.failPublish = true;
    const relay = h.relay({ transport: faulty, pollIntervalMs: 100 });
    const events = await h.record(
      contract,
      [1, 2, 3].map((seq) => ({ seq, note: `outage ${seq}` })),
    );

    expect(await relay.publishBatch(100)).toBe(0);
    const failed = await h.outbox(contract.subject);
    expect(failed.map((r) => [r.event_id, r.published_at, r.attempts, r.last_error])).toEqual(
      ids(events).map((id) => [id, null, 1, 'Error: injected fault: NATS unavailable']),
    );
    expect(failed.every((r) => r.leased_until !== null)).toBe(true);
    expect(await h.stored(contract.subject)).toBe(0);

    // The relay keeps running through the outage; then NATS is back.
    relay.start();
    await waitFor('a pass of the running relay to fail again', async () =>
      (await h.outbox(contract.subject)).every((r) => r.attempts >= 2) ? true : undefined,
    );
    expect(
      (await h.outbox(contract.subject)).every((r) => r.published_at === null && r.last_error !== null),
    ).toBe(true);
    faulty.failPublish = false;

    const published = await publishedAll(contract.subject, 3);
    expect(published.map((r) => [r.event_id, r.last_error, r.leased_until])).toEqual(
      ids(events).map((id) => [id, null, null]),
    );
    expect(faulty.published).toEqual(ids(events));
    expect(await h.stored(contract.subject)).toBe(3);

    await h.startConsumer({ service: 'svca', handlers: [handler] });
    await appliedAll(handler.name, 3);
    await h.drained('svca--note-outage');
    expect((await h.effects(handler.name)).map((e) => e.event_id)).toEqual(ids(events));
  });

  it('publishes a burst of events in outbox position order', async () => {
    const contract = thingContract('burst');
    const handler = effectHandler('note-burst', contract);
    const { tap } = await h.startConsumer({ service: 'svca', handlers: [handler] });
    const events = await h.record(
      contract,
      Array.from({ length: 50 }, (_, seq) => ({ seq, note: `burst ${seq}` })),
    );
    const rows = await h.outbox(contract.subject);
    expect(rows.map((r) => r.event_id)).toEqual(ids(events));

    // Small batches, so the order must also hold across passes.
    h.relay({ batchSize: 8, pollIntervalMs: 50 }).start();
    await publishedAll(contract.subject, 50);
    const effects = await appliedAll(handler.name, 50);
    await h.drained('svca--note-burst');

    expect(effects.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, seq) => seq));
    expect(tap.deliveries.map((d) => d.eventId)).toEqual(ids(events));
    expect(tap.deliveries.every((d) => d.deliveryCount === 1 && d.settled === 'ack')).toBe(true);
  });

  it('lets two relay replicas share one outbox so that every row is published exactly once', async () => {
    const contract = thingContract('replicas');
    const handler = effectHandler('note-replicas', contract);
    await h.startConsumer({ service: 'svca', handlers: [handler] });
    const second = await h.openDataSource();
    const tapA = new TappedTransport(h.transport);
    const tapB = new TappedTransport(h.transport);
    const relayA = h.relay({ transport: tapA, batchSize: 5, pollIntervalMs: 20 });
    const relayB = h.relay({ dataSource: second, transport: tapB, batchSize: 5, pollIntervalMs: 20 });
    relayA.start();
    relayB.start();

    const N = 80;
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, b) =>
        h.record(
          contract,
          Array.from({ length: N / 8 }, (_, i) => ({ seq: b * 100 + i, note: `replica ${b}.${i}` })),
        ),
      ),
    );
    relayA.nudge();
    relayB.nudge();
    const rows = await publishedAll(contract.subject, N);
    await appliedAll(handler.name, N);
    await h.drained('svca--note-replicas');

    const all = batches
      .flat()
      .map((e) => e.id)
      .sort();
    expect(rows.every((r) => r.attempts === 1 && r.last_error === null)).toBe(true);
    expect([...tapA.published, ...tapB.published].sort()).toEqual(all);
    // Both replicas took part (they split the work), and neither published a row the other had.
    expect(tapA.published.length).toBeGreaterThan(0);
    expect(tapB.published.length).toBeGreaterThan(0);
    expect(await h.stored(contract.subject)).toBe(N);
    const effects = await h.effects(handler.name);
    expect(effects).toHaveLength(N);
    expect(effects.map((e) => e.event_id).sort()).toEqual(all);
    expect(await h.inbox('svca--note-replicas')).toHaveLength(N);
  });
});
