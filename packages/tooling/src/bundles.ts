// One esbuild bundle per deployable entry point, so the image (and the benchmarks) run plain
// `node dist/<entry>.js` instead of transpiling TypeScript at start-up under tsx (issue #10: tsx
// alone costs ~50 MB of RSS per process). The workspace packages (@eco/*, TypeScript sources) are
// bundled in; every other package stays external and is loaded from node_modules as before.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { BUNDLES, REPO_ROOT, bundlePath } from './bundle-targets';
import type { BundleTarget } from './bundle-targets';

/** `pkg` of `pkg/sub/path`, `@scope/pkg` of `@scope/pkg/sub/path`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The folder Node's resolution finds `name` in, looking up from `from` (node_modules/<name>). */
function packageDirectory(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Bundles @eco/* (they resolve through node_modules symlinks to TypeScript sources, which is why
 * esbuild's `packages: 'external'` would leave them out) and keeps every other bare import external.
 * An external normally keeps its name, so the bundle loads it from node_modules as the sources did;
 * when the importing workspace has its own copy (e.g. packages/demo-data/node_modules/uuid), a name
 * looked up from the bundle's folder would find another one, so the import becomes a relative path
 * to that copy.
 */
function workspacePackagesOnly(outdir: string): Plugin {
  return {
    name: 'workspace-packages-only',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@eco/')) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const name = packageName(args.path);
        const fromImporter = packageDirectory(name, args.resolveDir);
        if (!fromImporter)
          return { errors: [{ text: `${name} is not installed (imported by ${args.importer})` }] };
        if (fromImporter === packageDirectory(name, outdir)) return { path: args.path, external: true };
        const path = relative(outdir, fromImporter).split(sep).join('/') + args.path.slice(name.length);
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}

/** `__dirname` or `__filename` as an identifier (not `x.__dirname`, not part of a longer name). */
const identifier = (name: string) => new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g');

/**
 * `__dirname` in a bundle is the bundle's folder, not the source file's: a source that reads a file
 * next to itself (a subgraph's `../schema.graphql`, the gateway's `../supergraph.graphql`) would look
 * in the wrong place once bundled elsewhere (the migrate bundle holds all four subgraphs). Each
 * source's `__dirname` / `__filename` becomes its own path, relative to the bundle's folder at run
 * time, so a bundle works wherever the repository tree is (the repository, /app in the image).
 */
function sourceRelativePaths(outdir: string): Plugin {
  return {
    name: 'source-relative-paths',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('__dirname') && !source.includes('__filename')) return undefined;
        const at = (path: string) =>
          `require("node:path").join(__dirname, ${JSON.stringify(relative(outdir, path).split(sep).join('/'))})`;
        return {
          contents: source
            .replace(identifier('__dirname'), () => at(dirname(args.path)))
            .replace(identifier('__filename'), () => at(args.path)),
          loader: 'ts',
        };
      });
    },
  };
}

export interface BuiltBundle {
  target: BundleTarget;
  /** Relative to the repository root. */
  path: string;
  bytes: number;
}

/** Writes a file by renaming a complete temporary one over it: a process starting meanwhile reads old or new, never half. */
async function writeAtomically(path: string, contents: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

async function buildOne(target: BundleTarget, root: string): Promise<BuiltBundle> {
  const outfile = join(root, bundlePath(target));
  const outdir = dirname(outfile);
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, target.workspace, target.entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // TypeScript settings (legacy decorators, no define semantics for class fields) as tsx reads them.
    tsconfig: join(root, 'tsconfig.json'),
    // TypeORM names migrations and string-referenced entities by class name: no renaming.
    keepNames: true,
    // Stack traces point at the TypeScript sources (node --enable-source-maps); the sources ship
    // beside the bundles, so the map need not carry them.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    write: false,
    plugins: [workspacePackagesOnly(outdir), sourceRelativePaths(outdir)],
  });
  let bytes = 0;
  for (const file of result.outputFiles) {
    if (file.path === outfile) bytes = file.contents.byteLength;
    await writeAtomically(file.path, file.contents);
  }
  return { target, path: relative(root, outfile), bytes };
}

/** Builds every bundle (a few seconds); an error in any fails the whole build. */
export async function buildBundles(root: string = REPO_ROOT): Promise<BuiltBundle[]> {
  return Promise.all(BUNDLES.map((target) => buildOne(target, root)));
}
