import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess } from '@eco/testing/src/child-process';
import { processCpuSeconds } from './cpu-meter';
import { bundleFor, bundlePath, REPO_ROOT } from '@eco/tooling/src/bundle-targets';

export { REPO_ROOT };

export type SubgraphName = 'agencies' | 'inspections' | 'rectification' | 'supervision';
export type ServiceName = SubgraphName | 'gateway';
export const SUBGRAPHS: SubgraphName[] = ['agencies', 'inspections', 'rectification', 'supervision'];

/**
 * How a service process runs: `bundle` as the image runs it (`node dist/main.js`, built by
 * `npm run build`), or `tsx` from its TypeScript sources (`node --import tsx src/main.ts`), the
 * way it ran before bundling, for comparison.
 */
export type ServiceRunner = 'bundle' | 'tsx';

/** The node arguments after the flags, relative to the service's folder. */
export function serviceCommand(name: ServiceName, runner: ServiceRunner): string[] {
  const target = bundleFor(name);
  // `node --import tsx` is what the tsx CLI runs, minus its supervising parent process: one pid to measure.
  if (runner === 'tsx') return ['--import', 'tsx', target.entry];
  return [bundlePath(target).slice(target.workspace.length + 1)];
}

export interface ServiceProcess {
  name: ServiceName;
  pid: number;
  url: string;
  logPath: string;
  /** Resident set size now, read from /proc (this process alone, not its children). */
  rssBytes(): number;
  /** CPU seconds (user + system) used so far, read from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const running = new Set<ManagedProcess>();
let exitHookInstalled = false;

/** A harness that dies must not leave services behind: kill exactly the children it started. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // ManagedProcess.kill sends SIGKILL synchronously, so this works in an `exit` handler too.
  const killAll = () => {
    for (const child of running) void child.kill();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
    return kb * 1024;
  } catch {
    return NaN;
  }
}

/**
 * Starts one service as it is deployed (`node dist/main.js` in its folder, the bundle the image
 * runs, configured by env; or under tsx, see ServiceRunner) in a process of its own, so its memory
 * is its own; resolves once its /ready answers 200. The bundles must be built (startBenchStack does).
 */
export async function startServiceProcess(
  name: ServiceName,
  env: Record<string, string>,
  port: number,
  logDir: string,
  nodeFlags: string[] = [],
  runner: ServiceRunner = 'bundle',
  readyTimeoutMs = 120_000,
): Promise<ServiceProcess> {
  installExitHook();
  const logPath = join(logDir, `${name}.log`);
  const child = new ManagedProcess(
    name,
    process.execPath,
    [...nodeFlags, ...serviceCommand(name, runner)],
    {
      cwd: join(REPO_ROOT, bundleFor(name).workspace),
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    },
    logPath,
  );
  const base = `http://127.0.0.1:${port}`;
  running.add(child);
  await child.start(async () => (await fetch(`${base}/ready`)).ok, readyTimeoutMs);
  const pid = child.pid!;
  return {
    name,
    pid,
    url: `${base}/graphql`,
    logPath,
    rssBytes: () => rssOf(pid),
    cpuSeconds: () => processCpuSeconds(pid),
    async stop() {
      await child.stop();
      running.delete(child);
    },
  };
}
