import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import type { K8sObject } from './kinds';

export const INFRA = join(__dirname, '..', '..');
export const REPO = join(INFRA, '..');

function tool(command: string, args: string[], cwd: string): string {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is not installed (.ci/run installs it: see docs/operations.md)`);
  }
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
}

/** The kustomize version kubectl embeds, e.g. `v5.5.0`. */
export function kustomizeVersion(): string {
  const out = execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return /Kustomize Version:\s*(\S+)/.exec(out)?.[1] ?? 'unknown';
}

/** `kubectl kustomize <dir>`: every object an overlay (or the base) applies. */
export function renderKustomization(dir: string): K8sObject[] {
  const out = tool('kubectl', ['kustomize', join(INFRA, 'k8s', dir)], INFRA);
  return parseAllDocuments(out)
    .map((doc) => doc.toJS() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

export interface ComposeService {
  image?: string;
  command?: string[];
  ports?: unknown[];
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  read_only?: boolean;
  volumes?: unknown[];
}

/** `docker-compose config` of infra/docker-compose.yml with the given settings (no engine needed). */
export function renderCompose(envFile: string | null): { services: Record<string, ComposeService> } {
  const args = [
    '-f',
    join(INFRA, 'docker-compose.yml'),
    ...(envFile ? ['--env-file', envFile] : []),
    'config',
  ];
  return parse(tool('docker-compose', args, INFRA)) as { services: Record<string, ComposeService> };
}

/** Runs `docker-compose config` and hands back its exit status and error output. */
export function composeConfigStatus(envFile: string): { status: number | null; stderr: string } {
  const run = spawnSync(
    'docker-compose',
    ['-f', join(INFRA, 'docker-compose.yml'), '--env-file', envFile, 'config', '-q'],
    {
      cwd: INFRA,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    },
  );
  return { status: run.status, stderr: run.stderr };
}
