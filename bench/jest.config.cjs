const preset = require('@eco/tooling/jest.preset.cjs')(__dirname);
const needingRealServers = require('@eco/tooling/real-servers.cjs');

// The generator's integration test loads real PostgreSQL (and starts the stack on NATS).
module.exports = needingRealServers(
  { ...preset, testTimeout: 120_000, maxWorkers: 1 },
  '\\.int\\.test\\.ts$',
);
