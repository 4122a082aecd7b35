import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLES, bundlePath } from '@eco/tooling/src/bundle-targets';
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

  it('has an entry point whose every mode runs its bundle with plain node, and the bundle exists', () => {
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
    expect(files.sort()).toEqual(BUNDLES.map(bundlePath).sort());
    // Built by this suite's globalSetup, as the image's build stage does.
    for (const file of files) expect(existsSync(join(REPO, file))).toBe(true);
    expect(script).toMatch(
      /exec node --enable-source-maps --max-old-space-size="\$\{HEAP_MB:-\$heap\}" "\$@"/,
    );
    expect(script).not.toMatch(/tsx|\.ts\b/);
  });

  it('builds the bundles in a stage of their own and copies every one into the final stage', () => {
    const build = stages.find((stage) => /^RUN npm run build$/m.test(stage));
    expect(build).toBeDefined();
    const buildStage = /^\S+ AS (\S+)/.exec(build!)![1]!;
    const final = stages[stages.length - 1]!;
    for (const bundle of BUNDLES) {
      const dist = `${bundle.workspace}/dist`;
      expect(final).toContain(`COPY --from=${buildStage} /app/${dist} ./${dist}\n`);
    }
    // Nothing in the running image transpiles TypeScript.
    expect(final).not.toMatch(/tsx|esbuild/);
  });

  it('refuses an unknown mode with its usage', () => {
    const run = spawnSync('sh', [ENTRYPOINT, 'dashboard'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/usage: eco migrate \| gateway/);
  });
});
