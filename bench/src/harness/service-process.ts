import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleFor, bundlePath } from '@eco/tooling/src/bundle-targets';

export const REPO_ROOT = resolve(__dirname, '../../..');

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

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A harness that dies must not leave services behind: kill exactly the children it started. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
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

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 1/100 s). */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function tail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
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
  const cwd = join(REPO_ROOT, bundleFor(name).workspace);
  const logPath = join(logDir, `${name}.log`);
  const log = openSync(logPath, 'a');
  const child = spawn(process.execPath, [...nodeFlags, ...serviceCommand(name, runner)], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  let exited: string | null = null;
  const exit = new Promise<void>((resolveExit) =>
    child.once('exit', (code, signal) => {
      exited = `exited (code ${code}, signal ${signal})`;
      running.delete(child);
      resolveExit();
    }),
  );

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`${name} ${exited} before it was ready:\n${tail(logPath)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after ${readyTimeoutMs} ms:\n${tail(logPath)}`);
    }
    const ready = await fetch(`${base}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    name,
    pid: child.pid!,
    url: `${base}/graphql`,
    logPath,
    rssBytes: () => rssOf(child.pid!),
    cpuSeconds: () => cpuOf(child.pid!),
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
