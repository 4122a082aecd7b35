const net = require('node:net');
const preset = require('@eco/tooling/jest.preset.cjs')(__dirname);

function reachable(url, fallbackPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || fallbackPort), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

// The integration tests here are about JetStream itself: with no NATS or PostgreSQL (and no
// REQUIRE_REAL_SERVICES), they are left out with a banner instead of failing.
module.exports = async () => {
  const up =
    (await reachable(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432', 5432)) &&
    (await reachable(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 4222));
  if (up || process.env.REQUIRE_REAL_SERVICES === '1') return preset;
  console.warn(
    '\n!!! PostgreSQL or NATS unreachable: SKIPPING the events integration tests (*.int.test.ts) !!!\n',
  );
  return { ...preset, testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '\\.int\\.test\\.ts$'] };
};
