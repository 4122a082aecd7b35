import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');

/**
 * jest globalSetup: the image runs prebuilt bundles (`npm run build`), and these tests run the
 * entry point from the repository, so they build them first (a fresh clone has no dist/). Once per
 * run, before any test file, so no two builds race.
 */
export default function buildBundles(): void {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'packages/tooling/src/build.ts'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
