const preset = require('@eco/tooling/jest.preset.cjs')(__dirname);
const needingRealServers = require('@eco/tooling/real-servers.cjs');

// End-to-end files each start the whole stack: run them one at a time on a 2-core machine.
// Files named *.real.e2e.test.ts test what only a real PostgreSQL has (roles, row-level security).
module.exports = needingRealServers(
  { ...preset, testTimeout: 60_000, maxWorkers: 1 },
  '\\.real\\.e2e\\.test\\.ts$',
);
