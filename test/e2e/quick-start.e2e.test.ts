import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postGraphQL } from '@eco/testing';

const ROOT = join(__dirname, '..', '..');

interface QuickStart {
  process: ChildProcess;
  output: string;
  readySeconds: number;
  gatewayUrl: string;
  token(label: string): string;
}

/** Runs what `npm start` runs, on the embedded default (no DATABASE_URL, no NATS_URL), until it prints ready. */
function startQuickStart(dataDir: string): Promise<QuickStart> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NATS_URL;
  for (const port of [
    'GATEWAY_PORT',
    'AGENCIES_PORT',
    'INSPECTIONS_PORT',
    'RECTIFICATION_PORT',
    'SUPERVISION_PORT',
    'DASHBOARD_PORT',
  ])
    env[port] = '0';
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['packages/stack/src/quick-start.ts'], {
    cwd: ROOT,
    env,
  });
  const started = Date.now();
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a stray server behind a failed test
      reject(new Error(`not ready after 60 s:\n${output}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.match(/gateway: (http:\/\/\S+)/);
      if (ready && output.includes('curl -s')) {
        clearTimeout(timer);
        const lines = output.split('\n');
        resolve({
          process: child,
          output,
          readySeconds: (Date.now() - started) / 1000,
          gatewayUrl: ready[1]!,
          token: (label) => lines[lines.findIndex((line) => line.trim().startsWith(label)) + 1]!.trim(),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`quick start exited with ${code}:\n${output}`)));
  });
}

async function stop(quickStart: QuickStart): Promise<void> {
  const exited = new Promise((resolve) => quickStart.process.once('exit', resolve));
  quickStart.process.kill('SIGTERM');
  await exited;
}

const TASKS =
  '{ myTasks(first: 50) { totalCount edges { node { id measure { text } problem { displayNumber } } } } }';

jest.setTimeout(90_000);

describe('the quick start (npm start) on the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eco-quick-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is ready in under 60 s and serves the seed-003 tasks to 祝桥镇 but not to 曹路镇', async () => {
    const quickStart = await startQuickStart(dataDir);
    try {
      console.info(`quick start ready in ${quickStart.readySeconds.toFixed(1)} s (fresh data directory)`);
      expect(quickStart.readySeconds).toBeLessThan(60);
      expect(quickStart.output).toContain('events: in-process');
      const zhuqiao = await postGraphQL<any>(quickStart.gatewayUrl, {
        query: TASKS,
        token: quickStart.token('祝桥镇 user'),
      });
      const caolu = await postGraphQL<any>(quickStart.gatewayUrl, {
        query: TASKS,
        token: quickStart.token('曹路镇 user'),
      });
      expect(zhuqiao.data.myTasks.totalCount).toBe(4);
      expect(zhuqiao.data.myTasks.edges.map((e: any) => e.node.problem.displayNumber).sort()).toEqual([
        '1-1 (21)',
        '1-1 (21)',
        '1-2 (21)',
        '1-2 (21)',
      ]);
      const theirs = new Set(zhuqiao.data.myTasks.edges.map((e: any) => e.node.id));
      expect(caolu.data.myTasks.edges.some((e: any) => theirs.has(e.node.id))).toBe(false);
      for (const label of [
        'bureau leader',
        'rectification office',
        'department clerk',
        'enforcement bureau user',
      ]) {
        expect(quickStart.token(label)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      }
    } finally {
      await stop(quickStart);
    }
  });

  it('keeps its data across a restart without loading the demo twice', async () => {
    const quickStart = await startQuickStart(dataDir);
    try {
      console.info(`quick start ready in ${quickStart.readySeconds.toFixed(1)} s (existing data directory)`);
      const zhuqiao = await postGraphQL<any>(quickStart.gatewayUrl, {
        query: TASKS,
        token: quickStart.token('祝桥镇 user'),
      });
      expect(zhuqiao.data.myTasks.totalCount).toBe(4);
    } finally {
      await stop(quickStart);
    }
  });
});
