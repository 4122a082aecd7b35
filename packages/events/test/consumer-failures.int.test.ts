import { randomUUID } from 'node:crypto';
import { InProcessTransport, eachDelivery } from '../src';
import type { Delivery, EventTransport } from '../src';
import { effectHandler, encode, logger, sleep, useHarness, thingContract, waitFor } from './harness';
import type { Harness } from './harness';

/**
 * What an idempotent consumer does with messages it cannot apply, on real PostgreSQL and
 * JetStream: poison messages go to the dead-letter table at once and are acknowledged; a failing
 * handler is retried with back-off and dead-lettered after `maxAttempts`; a dead letter is replayed
 * once its cause is fixed.
 */
describe('a consumer facing poison messages and failing handlers', () => {
  let h: Harness;

  useHarness('events_failures', (created) => (h = created));

  const deadLettered = (consumer: string, count: number) =>
    waitFor(`${count} dead letters of ${consumer}`, async () => {
      const rows = await h.deadLetters(consumer);
      return rows.length >= count ? rows : undefined;
    });

  it('dead-letters a poison message with its error, acknowledges it and applies nothing', async () => {
    const contract = thingContract('poisoned');
    const handler = effectHandler('note-poisoned', contract);
    const { tap } = await h.startConsumer({ service: 'svcb', handlers: [handler], maxAttempts: 3 });
    const badPayload = {
      id: randomUUID(),
      subject: contract.subject,
      occurredAt: new Date().toISOString(),
      producer: 'events-int-test',
      actor: null,
      payload: { seq: 'three', note: 'wrong type' },
    };
    await h.transport.publish(contract.subject, encode('{not json'), randomUUID());
    await h.transport.publish(contract.subject, encode(badPayload), badPayload.id);

    const rows = await deadLettered('svcb--note-poisoned', 2);
    const info = await h.drained('svcb--note-poisoned');
    await sleep(1_000); // longer than the first back-off: a nak would have brought it back by now

    const undecodable = rows.find((r) => r.error === 'not JSON');
    expect(undecodable).toMatchObject({
      subject: contract.subject,
      attempts: 1,
      envelope: { undecodable: '{not json' },
    });
    const invalid = rows.find((r) => r.error.startsWith('invalid event: '));
    // Keyed by the event's own id, so a redelivery updates this row instead of adding one.
    expect(invalid).toMatchObject({
      event_id: badPayload.id,
      subject: contract.subject,
      attempts: 1,
      envelope: badPayload,
    });
    expect(invalid!.error).toContain('Expected number, received string');
    expect(invalid!.error).toContain('"seq"');
    expect(rows).toHaveLength(2);

    expect(info.num_redelivered).toBe(0);
    expect(tap.deliveries.map((d) => [d.deliveryCount, d.settled])).toEqual([
      [1, 'ack'],
      [1, 'ack'],
    ]);
    expect((await h.consumerInfo('svcb--note-poisoned')).num_ack_pending).toBe(0);
    expect(await h.effects(handler.name)).toEqual([]);
    expect(await h.inbox('svcb--note-poisoned')).toEqual([]);
  });

  it('retries a handler that always throws and dead-letters the event after maxAttempts deliveries', async () => {
    const contract = thingContract('failing');
    let calls = 0;
    const handler = effectHandler('note-failing', contract, () => {
      calls += 1;
      throw new Error('effect store unavailable');
    });
    const { tap } = await h.startConsumer({ service: 'svcb', handlers: [handler], maxAttempts: 3 });
    const [event] = await h.record(contract, [{ seq: 1, note: 'never' }]);
    expect(await h.relay().publishBatch(100)).toBe(1);

    const [letter] = await deadLettered('svcb--note-failing', 1);
    await h.drained('svcb--note-failing');
    await sleep(1_500); // a fourth delivery would come within the next back-off (1 s)

    expect(letter).toMatchObject({
      event_id: event!.id,
      subject: contract.subject,
      attempts: 3,
      error: 'Error: effect store unavailable',
      envelope: { id: event!.id, payload: { seq: 1, note: 'never' } },
      replayed_at: null,
    });
    expect(calls).toBe(3);
    expect(tap.deliveries.map((d) => [d.deliveryCount, d.settled, d.nakDelayMs])).toEqual([
      [1, 'nak', 250],
      [2, 'nak', 500],
      [3, 'ack', undefined],
    ]);
    // JetStream honoured the nak delays (with a little scheduling slack).
    const [first, second, third] = tap.deliveries.map((d) => d.at);
    expect(second! - first!).toBeGreaterThanOrEqual(200);
    expect(third! - second!).toBeGreaterThanOrEqual(450);
    expect(await h.effects(handler.name)).toEqual([]);
    expect(await h.inbox('svcb--note-failing')).toEqual([]);
  });

  it('applies exactly once an event whose handler fails once and then succeeds', async () => {
    const contract = thingContract('flaky');
    let calls = 0;
    const handler = effectHandler('note-flaky', contract, () => {
      calls += 1;
      if (calls === 1) throw new Error('deadlock detected');
    });
    const { tap } = await h.startConsumer({ service: 'svcb', handlers: [handler], maxAttempts: 3 });
    const [event] = await h.record(contract, [{ seq: 1, note: 'second time lucky' }]);
    expect(await h.relay().publishBatch(100)).toBe(1);

    await waitFor('the effect', async () => ((await h.effects(handler.name)).length > 0 ? true : undefined));
    await h.drained('svcb--note-flaky');
    await sleep(600);

    expect(calls).toBe(2);
    expect(tap.deliveries.map((d) => [d.deliveryCount, d.settled])).toEqual([
      [1, 'nak'],
      [2, 'ack'],
    ]);
    expect(await h.effects(handler.name)).toEqual([
      { event_id: event!.id, seq: 1, note: 'second time lucky' },
    ]);
    expect(await h.inbox('svcb--note-flaky')).toEqual([{ event_id: event!.id, subject: contract.subject }]);
    expect(await h.deadLetters('svcb--note-flaky')).toEqual([]);
  });

  it('applies a dead-lettered event when it is replayed after the cause is fixed', async () => {
    const contract = thingContract('replayed');
    let broken = true;
    const handler = effectHandler('note-replayed', contract, () => {
      if (broken) throw new Error('missing reference data');
    });
    const { consumer } = await h.startConsumer({ service: 'svcb', handlers: [handler], maxAttempts: 3 });
    const [event] = await h.record(contract, [{ seq: 4, note: 'replay me' }]);
    expect(await h.relay().publishBatch(100)).toBe(1);
    const [letter] = await deadLettered('svcb--note-replayed', 1);
    await h.drained('svcb--note-replayed');
    expect(letter).toMatchObject({
      event_id: event!.id,
      attempts: 3,
      error: 'Error: missing reference data',
    });

    // Replaying before the fix changes nothing.
    expect(await consumer.replay(handler.name, letter!.envelope)).toBe('retry');
    expect(await h.effects(handler.name)).toEqual([]);
    expect((await h.deadLetters('svcb--note-replayed'))[0]!.replayed_at).toBeNull();

    broken = false;
    expect(await consumer.replay(handler.name, letter!.envelope)).toBe('applied');
    expect((await h.deadLetters('svcb--note-replayed'))[0]!.replayed_at).toBeInstanceOf(Date);
    expect(await consumer.replay(handler.name, letter!.envelope)).toBe('duplicate');
    expect(await h.effects(handler.name)).toEqual([{ event_id: event!.id, seq: 4, note: 'replay me' }]);
    expect(await h.inbox('svcb--note-replayed')).toEqual([
      { event_id: event!.id, subject: contract.subject },
    ]);
    await expect(consumer.replay('no-such-handler', letter!.envelope)).rejects.toThrow(
      'no handler named no-such-handler',
    );
  });
});

describe('the in-process transport', () => {
  const spec = { durableName: 'svc--h', subject: 'testctx.local.happened.v1' };

  it('resolves a publish only after the subscriber has acknowledged it', async () => {
    const transport: EventTransport = new InProcessTransport(logger);
    const steps: string[] = [];
    await transport.subscribe(
      spec,
      eachDelivery(async (delivery) => {
        await sleep(150);
        steps.push(`handled ${new TextDecoder().decode(delivery.data)}`);
        delivery.ack();
      }),
    );
    let settled = false;
    const publishing = transport.publish(spec.subject, encode('one'), 'm1').then(() => {
      settled = true;
      steps.push('publish resolved');
    });
    await sleep(50);
    expect(settled).toBe(false);
    await publishing;
    expect(steps).toEqual(['handled one', 'publish resolved']);
    await transport.publish('testctx.other.happened.v1', encode('nobody listens'), 'm2');
    await transport.close();
    await expect(transport.publish(spec.subject, encode('late'), 'm3')).rejects.toThrow('transport closed');
  });

  it('redelivers a message the subscriber nak-ed, with the delivery count raised', async () => {
    const transport: EventTransport = new InProcessTransport(logger);
    const seen: Pick<Delivery, 'deliveryCount'>[] = [];
    const times: number[] = [];
    await transport.subscribe(
      spec,
      eachDelivery(async (delivery) => {
        seen.push({ deliveryCount: delivery.deliveryCount });
        times.push(Date.now());
        if (delivery.deliveryCount < 3) delivery.nak(100);
        else delivery.ack();
      }),
    );
    await transport.publish(spec.subject, encode('retry me'), 'm1');
    expect(seen).toEqual([{ deliveryCount: 1 }, { deliveryCount: 2 }, { deliveryCount: 3 }]);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(90);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(90);
    await transport.close();
  });
});
