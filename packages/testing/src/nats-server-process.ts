import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedProcess } from './child-process';
import { freePort } from './free-port';

export interface NatsServerProcess {
  url: string;
  /** Kills the server abruptly (SIGKILL); its JetStream store stays on disk. */
  kill(): Promise<void>;
  /** Starts it again on the same port and store; resolves once JetStream answers. */
  restart(): Promise<void>;
  /** Stops it and removes its store. */
  stop(): Promise<void>;
}

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/**
 * A NATS server with JetStream of the test's own (own port, own store under a temporary folder),
 * so a test can kill and restart it without touching the NATS other tests use.
 */
export async function startNatsServer(): Promise<NatsServerProcess> {
  if (!existsSync(NATS_SERVER)) throw new Error(`${NATS_SERVER} not found (Debian package nats-server)`);
  const [port, monitorPort] = [await freePort(), await freePort()];
  const storeDir = mkdtempSync(join(tmpdir(), 'eco-nats-'));
  const server = new ManagedProcess(
    `nats-server :${port}`,
    NATS_SERVER,
    ['-a', '127.0.0.1', '-p', String(port), '-m', String(monitorPort), '-js', '-sd', storeDir],
    {},
  );
  // Healthy once JetStream has recovered its store, not merely once the port is open.
  const healthy = async () =>
    (await fetch(`http://127.0.0.1:${monitorPort}/healthz?js-enabled-only=true`)).ok;
  await server.start(healthy, 30_000);
  return {
    url: `nats://127.0.0.1:${port}`,
    kill: () => server.kill(),
    restart: () => server.start(healthy, 30_000),
    async stop() {
      await server.stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
