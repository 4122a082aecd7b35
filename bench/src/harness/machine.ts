import { connect } from 'node:net';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: string;
  node: string;
  postgres: string;
  nats: string;
}

/** NATS greets every client with an INFO line that carries its version. */
function natsVersion(url: string, timeoutMs = 2000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 4222) });
    let buffer = '';
    const done = (value: string) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done('unknown (no INFO)'));
    socket.on('data', (data) => {
      buffer += data.toString('utf8');
      const line = buffer.split('\r\n')[0]!;
      if (!line.startsWith('INFO ')) return;
      try {
        const info = JSON.parse(line.slice(5)) as { version?: string; jetstream?: boolean };
        done(`${info.version ?? 'unknown'}${info.jetstream ? ' (JetStream)' : ''}`);
      } catch {
        done('unknown (unreadable INFO)');
      }
    });
    socket.on('error', (error) => done(`unreachable (${error.message})`));
  });
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'max_connections') ORDER BY name`,
    );
    const shown = settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ');
    return `${rows[0]!.server_version} (${shown})`;
  } finally {
    await client.end();
  }
}

/** What the figures were measured on, as the harness itself sees it. */
export async function describeMachine(postgresUrl: string, natsUrl: string): Promise<MachineDescription> {
  const gib = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
    node: process.version,
    postgres: await postgresVersion(postgresUrl),
    nats: await natsVersion(natsUrl),
  };
}

export function machineLines(machine: MachineDescription): string[] {
  return [
    `cpus: ${machine.cpus} × ${machine.cpuModel}`,
    `memory: ${machine.memoryGiB} GiB (${machine.freeMemoryGiB} GiB free at start)`,
    `load average at start (1/5/15 min): ${machine.loadAverage}`,
    `node: ${machine.node}`,
    `postgres: ${machine.postgres}`,
    `nats-server: ${machine.nats}`,
  ];
}
