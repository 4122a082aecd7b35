import { connect } from 'node:net';
import { isPostgresReachable } from '@eco/db';

export interface TestServices {
  /** Server URL (admin database); each test file creates its own database on it. */
  postgresUrl: string;
  /** Unset when falling back to in-process delivery. */
  natsUrl?: string;
  fallback: boolean;
}

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS = 'nats://127.0.0.1:4222';

function tcpReachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 4222), timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

let banner = false;

/**
 * The servers tests run against: PostgreSQL and NATS JetStream at DATABASE_URL / NATS_URL (defaults
 * on 127.0.0.1). Without them, tests fall back to embedded PostgreSQL and in-process events and say
 * so; with REQUIRE_REAL_SERVICES=1 (CI) a missing server fails the run instead.
 */
export async function resolveTestServices(): Promise<TestServices> {
  const postgresUrl = process.env.DATABASE_URL ?? DEFAULT_POSTGRES;
  const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS;
  const [pgUp, natsUp] = await Promise.all([isPostgresReachable(postgresUrl), tcpReachable(natsUrl)]);
  if (pgUp && natsUp) return { postgresUrl, natsUrl, fallback: false };
  const missing = [!pgUp && `PostgreSQL at ${postgresUrl}`, !natsUp && `NATS at ${natsUrl}`]
    .filter(Boolean)
    .join(' and ');
  if (process.env.REQUIRE_REAL_SERVICES === '1') {
    throw new Error(`REQUIRE_REAL_SERVICES=1 but ${missing} cannot be reached`);
  }
  if (!banner) {
    banner = true;
    console.warn(
      `\n${'!'.repeat(78)}\n  ${missing} unreachable: FALLING BACK to embedded PostgreSQL and in-process events.\n  These tests do not exercise the real servers. Set REQUIRE_REAL_SERVICES=1 to forbid this.\n${'!'.repeat(78)}\n`,
    );
  }
  return { postgresUrl: pgUp ? postgresUrl : '', natsUrl: natsUp ? natsUrl : undefined, fallback: true };
}
