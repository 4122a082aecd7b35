// Boot only: config → gateway.
import { createInternalTokenSigner, createUserTokenVerifier } from '@eco/auth';
import { ConfigError } from '@eco/config';
import { createLogger } from '@eco/logging';
import { hardeningFrom, loadConfig } from './config';
import { startGateway } from './gateway-server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  // While booting, a stop request ends the process at once (as PID 1 in a container, Node would
  // otherwise ignore it until killed).
  const exitNow = () => process.exit(0);
  process.once('SIGTERM', exitNow);
  process.once('SIGINT', exitNow);
  const gateway = await startGateway({
    subgraphUrls: {
      agencies: config.AGENCIES_URL,
      inspections: config.INSPECTIONS_URL,
      rectification: config.RECTIFICATION_URL,
      supervision: config.SUPERVISION_URL,
    },
    verifyUserToken: createUserTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      hs256Secret: config.AUTH_HS256_SECRET,
      jwksUrl: config.AUTH_JWKS_URL,
    }),
    signInternalToken: createInternalTokenSigner(config.INTERNAL_TOKEN_SECRET),
    logger,
    host: config.HOST,
    port: config.PORT,
    maxBodyBytes: config.MAX_BODY_BYTES,
    hardening: hardeningFrom(config),
  });
  logger.info({ url: gateway.url }, 'gateway ready');
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.off('SIGTERM', exitNow);
  process.off('SIGINT', exitNow);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
