// The deployable entry points and where their bundles go; no esbuild here, so tests and the
// benchmark harness can read the list cheaply (bundles.ts builds them).
import { basename, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface BundleTarget {
  /** What the image calls it: `eco <mode>` (infra/docker/entrypoint.sh). */
  mode: 'migrate' | 'gateway' | 'agencies' | 'inspections' | 'rectification' | 'supervision';
  /** The workspace folder, relative to the repository root; the bundle goes to its `dist/`. */
  workspace: string;
  /** The entry point, relative to the workspace. */
  entry: string;
}

/** Every deployable entry point: one per mode of the image's entry point. */
export const BUNDLES: readonly BundleTarget[] = [
  { mode: 'migrate', workspace: 'packages/stack', entry: 'src/migrate.ts' },
  { mode: 'gateway', workspace: 'gateway', entry: 'src/main.ts' },
  ...(['agencies', 'inspections', 'rectification', 'supervision'] as const).map((name) => ({
    mode: name,
    workspace: `services/${name}`,
    entry: 'src/main.ts',
  })),
];

/** Where a target's bundle is written, relative to the repository root (`<workspace>/dist/<entry>.js`). */
export function bundlePath(target: BundleTarget): string {
  return join(target.workspace, 'dist', `${basename(target.entry, '.ts')}.js`);
}

export function bundleFor(mode: BundleTarget['mode']): BundleTarget {
  const target = BUNDLES.find((b) => b.mode === mode);
  if (!target) throw new Error(`no bundle for mode ${mode}`);
  return target;
}
