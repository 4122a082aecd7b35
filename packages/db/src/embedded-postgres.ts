import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Frontend messages that end a cycle (Sync, simple Query, Terminate); others leave it open. */
const CYCLE_ENDS = new Set(['S'.charCodeAt(0), 'Q'.charCodeAt(0)]);
const TERMINATE = 'X'.charCodeAt(0);

/**
 * pglite-socket's queue serves connections message by message and keeps one connection's messages
 * together only inside a transaction. pg's extended protocol (Parse, Bind, Execute … Sync) on one
 * connection must not interleave with another's — their unnamed statements collide ("unnamed
 * prepared statement does not exist"). Reporting "in transaction" from a connection's first
 * extended-protocol message until its Sync makes the queue hold the cycle together.
 */
function keepProtocolCyclesTogether(db: PGlite): PGlite {
  let cycleOpen = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'isInTransaction') return () => target.isInTransaction() || cycleOpen;
      if (property === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: unknown) => {
          // Terminate ends one client connection, not PGlite's one shared session: never pass it on.
          if (message[0] === TERMINATE) return new Uint8Array(0);
          // A startup message has no type byte (it begins with its length's zero byte).
          cycleOpen = message[0] !== 0 && !CYCLE_ENDS.has(message[0]!);
          return (target.execProtocolRawStream as (m: Uint8Array, o: unknown) => unknown)(message, options);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL with no server installed: PGlite (Postgres compiled to WASM) behind a socket server,
 * reached by the ordinary `pg` driver, so services use exactly the production TypeORM config.
 * Data lives in `dataDir`, so a restart keeps it (and skips the slow first initdb).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
}): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  // The socket server multiplexes connections onto PGlite's single session and keeps an open
  // transaction's statements together, so each service may keep a small pool.
  const server = new PGLiteSocketServer({
    db: keepProtocolCyclesTogether(db),
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: 64,
  });
  let port = 0;
  server.addEventListener('listening', (event) => {
    port = (event as CustomEvent<{ port: number }>).detail.port;
  });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
