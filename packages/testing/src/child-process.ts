import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

const LOG_LINES_KEPT = 200;

/**
 * One restartable child process: started and killed on demand, its last output kept for error
 * messages (or shown live with PROCESS_LOGS=inherit), or appended to `logFile` when one is given
 * (long runs whose whole log is wanted afterwards).
 */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly output: string[] = [];
  /** How many times the process was started. */
  starts = 0;

  constructor(
    readonly label: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly options: SpawnOptions,
    private readonly logFile?: string,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process; `ready` resolves once it serves, and fails early if it exits first. */
  async start(ready: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
    if (this.child) throw new Error(`${this.label} is already running`);
    const sink =
      process.env.PROCESS_LOGS === 'inherit'
        ? 'inherit'
        : this.logFile
          ? openSync(this.logFile, 'a')
          : 'pipe';
    const child = spawn(this.command, this.args, { ...this.options, stdio: ['ignore', sink, sink] });
    if (typeof sink === 'number') closeSync(sink);
    this.child = child;
    this.starts += 1;
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - LOG_LINES_KEPT));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exitCode: number | string | null = null;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exitCode = code ?? signal;
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exitCode !== null)
        throw new Error(`${this.label} exited (${exitCode}) before it was ready:\n${this.logs()}`);
      if (await ready().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(`${this.label} not ready after ${timeoutMs} ms:\n${this.logs()}`);
  }

  /** Ends the process abruptly (SIGKILL: no shutdown hook runs), as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Asks the process to stop (SIGTERM), killing it if it has not stopped within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The last 40 lines of its output. */
  logs(): string {
    if (!this.logFile) return this.output.slice(-40).join('\n');
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-40).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
