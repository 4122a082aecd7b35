import { randomUUID } from 'node:crypto';
import { defineHandler } from '../src';
import type { EventEnvelope } from '../src';
import type { EntityManager } from 'typeorm';
import { SCHEMA, effectHandler, encode, sleep, useHarness, thingContract } from './harness';
import type { Harness, ThingContract } from './harness';

/**
 * A consumer that falls behind applies what has gathered as one batch: one transaction and one
 * commit for many deliveries (the throughput a thousand events a second needs), still in stream
 * order, still once each, and a failing event inside a batch costs only its own effect.
 */
describe('a consumer applying deliveries in batches', () => {
  let h: Harness;

  useHarness('events_batches', (created) => (h = created));

  /** Puts events on the stream before any consumer runs, so the consumer starts with a backlog. */
  const backlog = async (contract: ThingContract, count: number) => {
    const ids: string[] = [];
    for (let seq = 1; seq <= count; seq += 1) {
      const id = randomUUID();
      ids.push(id);
      const envelope = {
        id,
        subject: contract.subject,
        occurredAt: new Date().toISOString(),
        producer: 'events-int-test',
        actor: null,
        payload: { seq, note: `event ${seq}` },
      };
      await h.transport.publish(contract.subject, encode(envelope), id);
    }
    return ids;
  };

  it('applies a backlog in batches of more than one, each event once and in stream order', async () => {
    const contract = thingContract('burst');
    const ids = await backlog(contract, 300);
    const handler = effectHandler('note-burst', contract);
    const { tap } = await h.startConsumer({ service: 'svcb', handlers: [handler] });

    const effects = await h.appliedAll(handler.name, 300);
    await h.drained('svcb--note-burst');

    expect(effects.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(effects.map((e) => e.event_id)).toEqual(ids);
    expect(await h.inbox('svcb--note-burst')).toHaveLength(300);
    expect(tap.deliveries.every((d) => d.settled === 'ack')).toBe(true);
    expect(tap.batchSizes.reduce((sum, n) => sum + n, 0)).toBe(300);
    expect(Math.max(...tap.batchSizes)).toBeGreaterThan(1);
    expect(Math.max(...tap.batchSizes)).toBeLessThanOrEqual(64);
  });

  it('rolls back only the failing event of a batch, whose SQL error would abort the transaction, and retries it alone', async () => {
    const contract = thingContract('brokenmiddle');
    await backlog(contract, 20);
    let failures = 0;
    const handler = defineHandler({
      name: 'note-brokenmiddle',
      contract,
      async handle(manager, event) {
        // Holding the first event lets the other nineteen gather into one batch behind it.
        if (event.payload.seq === 1) await sleep(300);
        await manager.query(
          `INSERT INTO "${SCHEMA}".effects (handler, event_id, seq, note) VALUES ($1, $2, $3, $4)`,
          ['note-brokenmiddle', event.id, event.payload.seq, event.payload.note],
        );
        if (event.payload.seq === 7 && failures < 2) {
          failures += 1;
          // An error from PostgreSQL leaves the transaction aborted until it is rolled back.
          await manager.query('SELECT 1 / 0');
        }
      },
    });
    const { tap } = await h.startConsumer({ service: 'svcb', handlers: [handler] });

    const effects = await h.appliedAll(handler.name, 20);
    await h.drained('svcb--note-brokenmiddle');

    // Once in the batch as a whole, once more when the batch is applied again event by event.
    expect(failures).toBe(2);
    expect(effects.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await h.inbox('svcb--note-brokenmiddle')).toHaveLength(20);
    expect(await h.deadLetters('svcb--note-brokenmiddle')).toEqual([]);
    const first = tap.deliveries.filter((d) => d.deliveryCount === 1);
    expect(tap.batchSizes.slice(0, 2)).toEqual([1, 19]);
    // In the batch of 19 only the seventh event was refused; its neighbours committed and were acknowledged.
    expect(first.map((d) => d.settled)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i === 6 ? 'nak' : 'ack')),
    );
    expect(tap.deliveries.filter((d) => d.deliveryCount === 2).map((d) => d.settled)).toEqual(['ack']);
  });

  it('applies a batch through handleMany when the handler has it, and one by one when handleMany refuses', async () => {
    const contract = thingContract('many');
    await backlog(contract, 40);
    const calls: { handleMany: number[][]; handle: number[] } = { handleMany: [], handle: [] };
    const insert = (manager: EntityManager, event: EventEnvelope<{ seq: number; note: string }>) =>
      manager.query(
        `INSERT INTO "${SCHEMA}".effects (handler, event_id, seq, note) VALUES ($1, $2, $3, $4)`,
        ['note-many', event.id, event.payload.seq, event.payload.note],
      );
    const handler = defineHandler({
      name: 'note-many',
      contract,
      async handle(manager, event) {
        calls.handle.push(event.payload.seq);
        // Holding the first event lets the rest gather behind it.
        if (event.payload.seq === 1) await sleep(300);
        await insert(manager, event);
      },
      async handleMany(manager, events) {
        calls.handleMany.push(events.map((e) => e.payload.seq));
        for (const event of events) await insert(manager, event);
        // One event of the second batch is one handleMany cannot take.
        if (events.some((e) => e.payload.seq === 30)) throw new Error('not in bulk');
      },
    });
    await h.startConsumer({ service: 'svcb', handlers: [handler] });

    const effects = await h.appliedAll(handler.name, 40);
    await h.drained('svcb--note-many');

    expect(effects.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(calls.handleMany[0]).toEqual(Array.from({ length: 39 }, (_, i) => i + 2));
    // The refused batch was rolled back whole and applied again event by event.
    expect(calls.handle).toEqual([1, ...Array.from({ length: 39 }, (_, i) => i + 2)]);
    expect(await h.deadLetters('svcb--note-many')).toEqual([]);
  });
});
