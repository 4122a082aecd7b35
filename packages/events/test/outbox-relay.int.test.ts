import { createServiceDataSource, openServiceDatabase } from '@eco/db';
import {
  SCHEMA,
  TappedTransport,
  effectHandler,
  idsOf,
  logger,
  useHarness,
  thingContract,
  waitFor,
} from './harness';
import type { Harness } from './harness';

/**
 * The outbox relay on real PostgreSQL and JetStream: it rides out a bus outage without losing or
 * duplicating events, publishes in outbox position order, and shares one outbox with a second
 * replica so that each row is published exactly once.
 */
describe('the outbox relay', () => {
  let h: Harness;

  useHarness('events_relay', (created) => (h = created));

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
      idsOf(events).map((id) => [id, null, 1, 'Error: injected fault: NATS unavailable']),
    );
    // Released, not leased: the next pass takes them first, before any younger row.
    expect(failed.every((r) => r.leased_until === null)).toBe(true);
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

    const published = await h.publishedAll(contract.subject, 3);
    expect(published.map((r) => [r.event_id, r.last_error, r.leased_until])).toEqual(
      idsOf(events).map((id) => [id, null, null]),
    );
    expect(faulty.published).toEqual(idsOf(events));
    expect(await h.stored(contract.subject)).toBe(3);

    await h.startConsumer({ service: 'svca', handlers: [handler] });
    await h.appliedAll(handler.name, 3);
    await h.drained('svca--note-outage');
    expect((await h.effects(handler.name)).map((e) => e.event_id)).toEqual(idsOf(events));
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
    expect(rows.map((r) => r.event_id)).toEqual(idsOf(events));

    // Small batches, so the order must also hold across passes.
    h.relay({ batchSize: 8, pollIntervalMs: 50 }).start();
    await h.publishedAll(contract.subject, 50);
    const effects = await h.appliedAll(handler.name, 50);
    await h.drained('svca--note-burst');

    expect(effects.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, seq) => seq));
    expect(tap.deliveries.map((d) => d.eventId)).toEqual(idsOf(events));
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
    const rows = await h.publishedAll(contract.subject, N);
    await h.appliedAll(handler.name, N);
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

  it('leaves its connection committing synchronously after bookkeeping it commits without waiting for the flush', async () => {
    const contract = thingContract('bookkeeping');
    // One connection, so the relay's statements and the checks below share it.
    const single = await openServiceDatabase(
      createServiceDataSource({
        url: h.db.url,
        schema: SCHEMA,
        entities: [],
        migrations: [],
        poolSize: 1,
        logger,
      }),
    );
    try {
      const relay = h.relay({ dataSource: single });
      const events = await h.record(
        contract,
        [1, 2].map((seq) => ({ seq, note: `bookkeeping ${seq}` })),
      );
      expect(await relay.publishBatch(100)).toBe(2);
      const rows = await h.outbox(contract.subject);
      expect(rows.map((r) => [r.event_id, r.published_at !== null, r.leased_until])).toEqual(
        idsOf(events).map((id) => [id, true, null]),
      );
      // The relaxed commit lasted only for the relay's own statements.
      expect(await single.query(`SHOW synchronous_commit`)).toEqual([{ synchronous_commit: 'on' }]);
      expect(await single.query(`SELECT current_setting('synchronous_commit') AS now`)).toEqual([
        { now: 'on' },
      ]);
    } finally {
      await single.destroy();
    }
  });

  // BUG (reported, not fixed here): a row whose publish failed is leased for one second, and a
  // younger row claimed meanwhile overtakes it, although the relay promises position order.
  it('keeps position order when a publish failed and NATS is back before the retry', async () => {
    const contract = thingContract('overtaken');
    const faulty = new TappedTransport(h.transport);
    const relay = h.relay({ transport: faulty });
    faulty.failPublish = true;
    const [older] = await h.record(contract, [{ seq: 1, note: 'older' }]);
    expect(await relay.publishBatch(100)).toBe(0);
    faulty.failPublish = false;
    const [younger] = await h.record(contract, [{ seq: 2, note: 'younger' }]);

    await waitFor('both rows to be published', async () => {
      await relay.publishBatch(100);
      return faulty.published.length === 2 ? true : undefined;
    });
    expect(faulty.published).toEqual([older!.id, younger!.id]);
  });
});
