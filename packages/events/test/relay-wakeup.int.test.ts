import { TappedTransport, startHarness, thingContract, waitFor } from './harness';
import type { Harness } from './harness';

/** A publish that waits until the test opens the gate: holds the relay inside one pass. */
class GatedTransport extends TappedTransport {
  private gate: Promise<void> | null = null;
  private openGate: () => void = () => undefined;

  close(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  open(): void {
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

  beforeAll(async () => {
    h = await startHarness('events_wakeup');
  }, 20_000);
  afterEach(async () => {
    await h?.cleanup();
  }, 20_000);
  afterAll(async () => {
    await h?.stop();
  }, 20_000);

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
    await waitFor('the first (empty) pass', async () =>
      (await h.outbox(contract.subject)).length === 0 ? true : undefined,
    );

    await h.record(contract, [{ seq: 1, note: 'wake up' }]);
    const nudgedAt = Date.now();
    relay.nudge();
    await published(contract.subject, 1, 2_000);
    expect(Date.now() - nudgedAt).toBeLessThan(2_000);
  });

  // BUG (reported, not fixed here): a nudge that arrives while a pass is publishing is dropped,
  // because `wake` is null until the relay starts sleeping; the event then waits a full poll
  // interval. Flip `it.failing` to `it` once OutboxRelay remembers nudges made during a pass.
  it.failing(
    'publishes at once an event committed while the relay is busy publishing an earlier one',
    async () => {
      const contract = thingContract('busy');
      const gated = new GatedTransport(h.transport);
      const relay = h.relay({ transport: gated, pollIntervalMs: 10_000 });
      relay.start();
      await waitFor('the first (empty) pass', async () =>
        (await h.outbox(contract.subject)).length === 0 ? true : undefined,
      );

      gated.close();
      await h.record(contract, [{ seq: 1, note: 'first' }]);
      relay.nudge();
      await waitFor('the relay to claim the first event', async () =>
        (await h.outbox(contract.subject))[0]?.attempts === 1 ? true : undefined,
      );
      await h.record(contract, [{ seq: 2, note: 'committed during the pass' }]);
      relay.nudge();
      gated.open();

      await published(contract.subject, 2, 2_000);
    },
  );
});
