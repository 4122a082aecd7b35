// One jest setup for every workspace: swc transpiles TypeScript (fast, no type check;
// `npm run typecheck` does that), and ESM-only dependencies are transpiled too.
const esmOnly = ['jose', '@nats-io', 'chinese-days'].join('|');

/** @param {string} rootDir */
module.exports = function preset(rootDir) {
  return {
    rootDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j|mj)s$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: false, useDefineForClassFields: false },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    testMatch: ['<rootDir>/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  };
};
