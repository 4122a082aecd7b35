const preset = require('@eco/tooling/jest.preset.cjs')(__dirname);
// End-to-end files each start the whole stack: run them one at a time on a 2-core machine.
module.exports = { ...preset, testTimeout: 60_000, maxWorkers: 1 };
