import { join } from 'node:path';
import { ManagedProcess } from './child-process';
import { freePort } from './free-port';

/** The repository's root, where each service's workspace folder is. */
const REPO_ROOT = join(__dirname, '..', '..', '..');

export type ServiceName = 'agencies' | 'inspections' | 'rectification' | 'supervision';

export interface ServiceProcess {
  name: ServiceName;
  /** Which replica of the service this is (0, 1, …). */
  replica: number;
  url: string;
  readonly running: boolean;
  /** How many times it was started. */
  readonly starts: number;
  /** Ends it abruptly (SIGKILL): server, relay, consumers and jobs stop mid-work, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves once `/ready` answers. */
  restart(): Promise<void>;
  /** Stops it gracefully (SIGTERM). */
  stop(): Promise<void>;
  logs(): string;
}

/**
 * One subgraph in its own Node process, configured only through its environment as deployed, but
 * run from source with tsx (the image runs its esbuild bundle; the tests need no build step).
 */
export async function startServiceProcess(
  name: ServiceName,
  replica: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const port = await freePort();
  const process_ = new ManagedProcess(
    `${name}#${replica}`,
    process.execPath,
    ['--import', 'tsx', 'src/main.ts'],
    {
      cwd: join(REPO_ROOT, 'services', name),
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
      },
    },
  );
  const ready = async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok;
  await process_.start(ready);
  return {
    name,
    replica,
    url: `http://127.0.0.1:${port}/graphql`,
    get running() {
      return process_.running;
    },
    get starts() {
      return process_.starts;
    },
    kill: () => process_.kill(),
    restart: () => process_.start(ready),
    stop: () => process_.stop(),
    logs: () => process_.logs(),
  };
}
