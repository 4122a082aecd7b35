const net = require('node:net');

function reachable(url, fallbackPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || fallbackPort), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Wraps a jest config: tests matching `pattern` need the real PostgreSQL and NATS. Without them
 * (and without REQUIRE_REAL_SERVICES, which CI sets) they are left out with a banner instead of failing.
 */
module.exports = function needingRealServers(config, pattern) {
  return async () => {
    const up =
      (await reachable(process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432', 5432)) &&
      (await reachable(process.env.NATS_URL ?? 'nats://127.0.0.1:4222', 4222));
    if (up || process.env.REQUIRE_REAL_SERVICES === '1') return config;
    console.warn(`\n!!! PostgreSQL or NATS unreachable: SKIPPING tests that need them (${pattern}) !!!\n`);
    return { ...config, testPathIgnorePatterns: [...config.testPathIgnorePatterns, pattern] };
  };
};
