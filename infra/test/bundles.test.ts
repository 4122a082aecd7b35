import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BUNDLES } from '@eco/tooling/src/bundle-targets';
import { INFRA, REPO } from './support/render';

jest.setTimeout(60_000);

interface Run {
  code: number | null;
  output: string;
}

/** The image's entry point from the repository, with only PATH set: no configuration at all. */
const start = (mode: string) =>
  new Promise<Run>((resolve) => {
    const child = spawn('sh', [join(INFRA, 'docker', 'entrypoint.sh'), mode], {
      cwd: REPO,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });

/**
 * Each bundle (built by this suite's globalSetup) is started as the image starts it. The entry module
 * loads every module of the bundle and every external package before it reads the environment, and
 * the subgraphs read their schema.graphql while loading (the migrate bundle all four, from outside
 * their folders): so a bundle that reaches the configuration check has all it needs to start.
 */
describe('the bundles the image runs', () => {
  it.each(BUNDLES.map((b) => [b.mode]))(
    '`eco %s` loads its bundle and stops at the missing configuration with a coded error',
    async (mode) => {
      const run = await start(mode);
      expect(run.output).not.toMatch(/Cannot find module|MODULE_NOT_FOUND|ENOENT|SyntaxError/);
      expect(run.output).toMatch(/Invalid configuration:\n {2}- [A-Z_]+: Required/);
      // The coded message alone: no stack trace.
      expect(run.output).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(1);
    },
  );
});
