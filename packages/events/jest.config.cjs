const preset = require('@eco/tooling/jest.preset.cjs')(__dirname);
const needingRealServers = require('@eco/tooling/real-servers.cjs');

// The integration tests here are about JetStream itself.
module.exports = needingRealServers(preset, '\\.int\\.test\\.ts$');
