import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INFRA, REPO } from './support/render';

const ENTRYPOINT = join(INFRA, 'docker', 'entrypoint.sh');

/** What can be checked of the image without a Docker engine: its Dockerfile and its entry point. */
describe('the container image (infra/Dockerfile)', () => {
  const dockerfile = readFileSync(join(INFRA, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('is built in stages, and the final one runs as a user other than root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const final = stages[stages.length - 1]!;
    const user = [...final.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]).pop();
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(final).toMatch(/^ENTRYPOINT \["\/usr\/local\/bin\/eco"\]/m);
  });

  it('has an entry point whose every mode runs a file that exists', () => {
    expect(spawnSync('sh', ['-n', ENTRYPOINT]).status).toBe(0);
    const script = readFileSync(ENTRYPOINT, 'utf8');
    // `run <heap MB> <file>`
    const targets = [...script.matchAll(/\brun \d+ "?([\w/$.-]+)"?/g)]
      .map((m) => m[1]!)
      .filter((t) => t !== '"$@"');
    const files = targets.flatMap((t) =>
      t.includes('$1')
        ? ['agencies', 'inspections', 'rectification', 'supervision'].map((s) => t.replace('$1', s))
        : [t],
    );
    expect(files).toHaveLength(6);
    for (const file of files) expect(existsSync(join(REPO, file))).toBe(true);
  });

  it('refuses an unknown mode with its usage', () => {
    const run = spawnSync('sh', [ENTRYPOINT, 'dashboard'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/usage: eco migrate \| gateway/);
  });
});
