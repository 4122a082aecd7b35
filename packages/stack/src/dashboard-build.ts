import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The dashboard's workspace (`@eco/web`) and where its build lands. */
export const WEB_ROOT = join(__dirname, '..', '..', '..', 'web');
export const DASHBOARD_DIST = join(WEB_ROOT, 'dist');

/** What a build reads: when any of it is newer than dist/index.html, the build is stale. */
const BUILD_INPUTS = ['src', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), 0);
}

/** True when web/dist exists and is at least as new as every source file of the dashboard. */
export function dashboardBuildIsCurrent(webRoot = WEB_ROOT): boolean {
  const index = join(webRoot, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(join(webRoot, input)) <= built);
}

function runViteBuild(webRoot: string, outDir: string): Promise<void> {
  // Vite is ESM-only and this package runs as CommonJS under jest too: its CLI in a child process
  // works in every runner (tsx, jest, plain node) and keeps the bundler's memory out of the stack.
  const viteBin = join(dirname(require.resolve('vite/package.json', { paths: [webRoot] })), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [viteBin, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      // Jest sets NODE_ENV=test, which would give the development build of React (slower, and
      // StrictMode running every effect twice).
      { cwd: webRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`dashboard build failed (exit ${code}):\n${output}`)),
    );
  });
}

let inFlight: Promise<boolean> | null = null;

/**
 * Builds the dashboard into web/dist when it is missing or older than its sources (a fresh clone,
 * an edited page), so `npm start` and the tests always serve the current code. Builds into a
 * temporary folder and swaps it in, so a server never sees a half-written dist. Resolves to
 * whether it built.
 */
export function ensureDashboardBuilt(webRoot = WEB_ROOT): Promise<boolean> {
  if (dashboardBuildIsCurrent(webRoot)) return Promise.resolve(false);
  inFlight ??= (async () => {
    const outDir = join(webRoot, `.dist-${process.pid}-${Date.now()}`);
    try {
      await runViteBuild(webRoot, outDir);
      rmSync(join(webRoot, 'dist'), { recursive: true, force: true });
      renameSync(outDir, join(webRoot, 'dist'));
      return true;
    } catch (error) {
      // Another process may have swapped its own fresh build in first: that one serves as well.
      if (dashboardBuildIsCurrent(webRoot)) return false;
      throw error;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
      inFlight = null;
    }
  })();
  return inFlight;
}
