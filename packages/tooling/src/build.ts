// `npm run build`: every deployable entry point bundled into its workspace's dist/ (see bundles.ts).
import { buildBundles } from './bundles';

const started = Date.now();
buildBundles()
  .then((bundles) => {
    for (const bundle of bundles)
      console.log(
        `${bundle.path.padEnd(36)} ${Math.round(bundle.bytes / 1024)} kB  (eco ${bundle.target.mode})`,
      );
    console.log(`${bundles.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })
  .catch((error: unknown) => {
    // esbuild has printed its errors already.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
