const { dirname, join } = require('node:path');
const preset = require('@eco/tooling/jest.preset.cjs')(__dirname);
const needingRealServers = require('@eco/tooling/real-servers.cjs');

// kubernetes-models and the validators it generates are ES modules whose package exports name only
// an `import` entry: jest (CommonJS here) is pointed at their files, and swc transpiles them like the
// preset's other ESM-only packages.
const modules = join(dirname(require.resolve('@eco/tooling/package.json')), '..', '..', 'node_modules');
const esmOnly = [
  'jose',
  '@nats-io',
  'chinese-days',
  'kubernetes-models',
  '@kubernetes-models',
  'is-cidr',
  'cidr-regex',
  'ip-regex',
];

// *.int.test.ts files need the real PostgreSQL (they run the image's migrate mode against it).
// The entry point runs bundles: they are built once before the tests (test/support/build-bundles.ts).
module.exports = needingRealServers(
  {
    ...preset,
    globalSetup: '<rootDir>/test/support/build-bundles.ts',
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
    moduleNameMapper: {
      '^kubernetes-models/(.+)$': `${modules}/kubernetes-models/$1.js`,
      '^@kubernetes-models/(base|validate)$': `${modules}/@kubernetes-models/$1/dist/index.js`,
      '^@kubernetes-models/apimachinery/(.+)$': `${modules}/@kubernetes-models/apimachinery/$1.js`,
    },
  },
  '\\.int\\.test\\.ts$',
);
