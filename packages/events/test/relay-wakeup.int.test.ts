import { recordEvent } from '../src';
import { TappedTransport, producer, sleep, useHarness, thingContract, waitFor } from './harness';
import type { Harness } from './harness';

/** A publish that waits until the test opens the gate: holds the relay inside one pass. */
class GatedTransport extends TappedTransport {
  private gate: Promise<void> | null = null;
  private openGate: () => void = () => undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.gate = null;
    this.openGate();
  }

  override async publish(subject: string, data: Uint8Array, messageId: string): Promise<void> {
    await this.gate;
    await super.publish(subject, data, messageId);
  }
}

/**
 * `OutboxRelay.nudge()` is what makes an event leave at once after its commit instead of at the
 * next poll. The poll interval here is long (10 s), so only a nudge can explain a prompt publish.
 */
describe('waking the outbox relay after a commit', () => {
  let h: Harness;

  useHarness('events_wakeup', (created) => (h = created));

  const published = (subject: string, count: number, timeoutMs: number) =>
    waitFor(
      `${count} published rows of ${subject}`,
      async () => {
        const rows = await h.outbox(subject);
        return rows.filter((r) => r.published_at !== null).length === count ? rows : undefined;
      },
      { timeoutMs, intervalMs: 25 },
    );

  it('publishes at once when an idle relay is nudged', async () => {
    const contract = thingContract('idle');
    const relay = h.relay({ pollIntervalMs: 10_000 });
    relay.start();
    await sleep(300); // the first pass finds nothing; the relay is now asleep for 10 s

    await h.record(contract, [{ seq: 1, note: 'wake up' }]);
    const nudgedAt = Date.now();
    relay.nudge();
    await published(contract.subject, 1, 2_000);
    expect(Date.now() - nudgedAt).toBeLessThan(2_000);
  });

  // Regression: a nudge that arrived while a pass was publishing used to be dropped (`wake` is null
  // until the relay sleeps), so the event waited a full poll interval; OutboxRelay now remembers it.
  it('publishes at once an event committed while the relay is busy publishing an earlier one', async () => {
    const contract = thingContract('busy');
    const gated = new GatedTransport(h.transport);
    const relay = h.relay({ transport: gated, pollIntervalMs: 10_000 });
    relay.start();
    await sleep(300); // the first pass finds nothing; the relay is now asleep for 10 s

    gated.hold();
    await h.record(contract, [{ seq: 1, note: 'first' }]);
    relay.nudge();
    await waitFor('the relay to claim the first event', async () =>
      (await h.outbox(contract.subject))[0]?.attempts === 1 ? true : undefined,
    );
    await h.record(contract, [{ seq: 2, note: 'committed during the pass' }]);
    relay.nudge();
    gated.release();

    await published(contract.subject, 2, 2_000);
  });

  // Replicas: a commit made through another replica's connection nudges that replica's relay, not
  // this one. If that replica dies before publishing, this relay's poll takes the row over. (The
  // outbox no longer NOTIFYs: PostgreSQL serialises the commits of notifying transactions.)
  it('publishes by its poll an event committed by another replica that never nudged it', async () => {
    const contract = thingContract('otherreplica');
    const relay = h.relay({ pollIntervalMs: 400 });
    relay.start();
    await sleep(300);

    const otherReplica = await h.openDataSource();
    const committedAt = Date.now();
    await otherReplica.transaction((manager) =>
      recordEvent(manager, contract, { seq: 1, note: 'from replica B' }, producer),
    );
    await published(contract.subject, 1, 2_000);
    expect(Date.now() - committedAt).toBeLessThan(1_500);
    const [trigger] = await h.rows<{ count: string }>(
      `SELECT count(*) FROM pg_trigger WHERE tgname = 'outbox_notify'`,
    );
    expect(Number(trigger!.count)).toBe(0);
  });
});
