// `npm start`: the whole system on one machine with no servers installed, loaded with demo data.
import { ConfigError } from '@eco/config';
import { createLogger } from '@eco/logging';
import { DEMO_TOKEN_USERS, demoToken } from './demo-tokens';
import { loadQuickStartConfig } from './quick-start.config';
import { startStack } from './stack';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadQuickStartConfig(process.env);
  const logger = createLogger('eco', config.LOG_LEVEL);
  const auth = {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    hs256Secret: config.AUTH_HS256_SECRET,
    internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
  };
  const stack = await startStack({
    databaseUrl: config.DATABASE_URL,
    natsUrl: config.NATS_URL,
    namespace: config.EVENTS_NAMESPACE,
    dataDir: config.DATA_DIR,
    auth,
    logger,
    host: config.HOST,
    ports: {
      gateway: config.GATEWAY_PORT,
      agencies: config.AGENCIES_PORT,
      inspections: config.INSPECTIONS_PORT,
      rectification: config.RECTIFICATION_PORT,
      supervision: config.SUPERVISION_PORT,
    },
    demo: 'all',
    dashboard: { port: config.DASHBOARD_PORT, demoSignIn: true },
    // A local demo: introspection, field suggestions and the landing page help people explore it.
    gatewayHardening: { exposeSchema: true },
  });
  // Ready means the demo's coordination tasks are already in the townships' inboxes.
  await stack.settleEvents();

  const tokens = await Promise.all(
    DEMO_TOKEN_USERS.map(async (user) => ({
      ...user,
      token: await demoToken(auth, user.code),
    })),
  );
  const zhuqiao = tokens.find((t) => t.code === 'demo-zhuqiao')!;
  const query =
    '{ myTasks(first: 10) { totalCount edges { node { title status measure { text deadline { label } } problem { displayNumber title } } } } }';
  const lines = [
    '',
    `Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s — gateway: ${stack.gatewayUrl}`,
    `Dashboard (内部看板, demo sign-in): ${stack.dashboardUrl ?? 'not served (see the warning above)'}`,
    `Database: ${stack.embeddedDatabase ? `embedded PGlite (${config.DATA_DIR}/pglite)` : 'PostgreSQL at DATABASE_URL'}; events: ${stack.transport.kind}`,
    '',
    'Demo tokens (valid 30 days):',
    ...tokens.flatMap((t) => [`  ${t.label}:`, `    ${t.token}`]),
    '',
    "祝桥镇's tasks:",
    `  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' -H 'authorization: Bearer ${zhuqiao.token}' \\`,
    `    --data '${JSON.stringify({ query })}'`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = async () => {
    logger.info('stopping');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
