import { sharedProbe } from '../src/shared-probe';

describe('a readiness check shared by its callers', () => {
  it('runs once for the callers that arrive while it runs, and afresh after it settles', async () => {
    let checks = 0;
    let finish: (ok: boolean) => void = () => undefined;
    const probe = sharedProbe(() => {
      checks += 1;
      return new Promise<boolean>((resolve) => (finish = resolve));
    });
    const waiting = Promise.all([probe(), probe(), probe()]);
    finish(true);
    await expect(waiting).resolves.toEqual([true, true, true]);
    expect(checks).toBe(1);
    const next = probe();
    finish(false);
    await expect(next).resolves.toBe(false);
    expect(checks).toBe(2);
  });

  it('counts a check that throws as not ready, and sees the recovery at the next call', async () => {
    let healthy = false;
    const probe = sharedProbe(async () => {
      if (!healthy) throw new Error('database down');
      return true;
    });
    await expect(probe()).resolves.toBe(false);
    healthy = true;
    await expect(probe()).resolves.toBe(true);
  });
});
