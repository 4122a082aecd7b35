import { TappedTransport, startHarness, thingContract, waitFor } from './harness';
import type { Harness } from './harness';

describe('scratch', () => {
  let h: Harness;
  beforeAll(async () => { h = await startHarness('events_scratch'); }, 20_000);
  afterEach(async () => { await h?.cleanup(); }, 20_000);
  afterAll(async () => { await h?.stop(); }, 20_000);

  it('nudge during a pass', async () => {
    const contract = thingContract('nudged');
    let release: (() => void) | undefined;
    const gated = new TappedTransport(h.transport);
    const origPublish = gated.publish.bind(gated);
    let gate: Promise<void> | null = new Promise<void>((r) => { release = r; });
    gated.publish = async (s, d, id) => { if (gate) await gate; return origPublish(s, d, id); };
    const relay = h.relay({ transport: gated, pollIntervalMs: 10_000 });
    relay.start();
    await new Promise((r) => setTimeout(r, 200));
    await h.record(contract, [{ seq: 1, note: 'first' }]);
    relay.nudge();
    await waitFor('claimed', async () => ((await h.outbox(contract.subject))[0]!.attempts === 1 ? true : undefined));
    await h.record(contract, [{ seq: 2, note: 'second' }]);
    relay.nudge();
    gate = null; release!();
    const t0 = Date.now();
    await waitFor('both published', async () => ((await h.outbox(contract.subject)).every((r) => r.published_at) ? true : undefined), { timeoutMs: 15_000 });
    console.log('second published after', Date.now() - t0, 'ms');
  }, 20_000);
});
