import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInternalTokenSigner, signUserToken } from '@eco/auth';
import type { Principal, Role } from '@eco/auth';
import { createTestDatabase } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { demoPerson } from '@eco/demo-data';
import { JetStreamTransport } from '@eco/events';
import { createLogger } from '@eco/logging';
import { startStack } from '@eco/stack';
import type { RunningStack } from '@eco/stack';
import { postGraphQL } from './graphql-client';
import type { GraphQLResponse } from './graphql-client';
import { resolveTestServices } from './real-services';

export const TEST_AUTH = {
  issuer: 'eco-test',
  audience: 'eco-api',
  hs256Secret: 'test-user-token-secret-0123456789abcdef',
  internalTokenSecret: 'test-gateway-token-secret-0123456789abcdef',
};

export interface TestStack {
  stack: RunningStack;
  gatewayUrl: string;
  /** True when running on the embedded fallback rather than real servers. */
  fallback: boolean;
  namespace: string;
  /** A user token for a demo person (see @eco/demo-data) or any principal. */
  tokenFor(person: string | Principal): Promise<string>;
  /** A gateway-to-subgraph token, for calling a subgraph directly as the gateway would. */
  gatewayTokenFor(person: string | Principal): Promise<string>;
  gql<T = Record<string, unknown>>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export function principalOf(person: string | Principal): Principal {
  if (typeof person !== 'string') return person;
  const demo = demoPerson(person);
  return { personId: demo.id, agencyId: demo.agencyId, name: demo.name, roles: demo.roles as Role[] };
}

/**
 * The whole system for one test file: a fresh database on the real PostgreSQL, a JetStream stream
 * of its own (a unique namespace), the four subgraphs and the gateway on ephemeral ports.
 */
export async function startTestStack(options: {
  label: string;
  demo?: 'none' | 'directory' | 'all';
}): Promise<TestStack> {
  const services = await resolveTestServices();
  const namespace = `t${randomBytes(5).toString('hex')}`;
  let database: TestDatabase | null = null;
  let dataDir: string | null = null;
  if (services.postgresUrl) database = await createTestDatabase(services.postgresUrl, options.label);
  else dataDir = mkdtempSync(join(tmpdir(), 'eco-test-'));
  const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const stack = await startStack({
    databaseUrl: database?.url,
    natsUrl: services.natsUrl,
    namespace,
    dataDir: dataDir ?? undefined,
    auth: TEST_AUTH,
    logger,
    demo: options.demo ?? 'directory',
    relayPollIntervalMs: 200,
  });
  const signGatewayToken = createInternalTokenSigner(TEST_AUTH.internalTokenSecret);
  return {
    stack,
    gatewayUrl: stack.gatewayUrl,
    fallback: services.fallback,
    namespace,
    tokenFor: (person) => signUserToken(TEST_AUTH, principalOf(person), 3600),
    gatewayTokenFor: (person) => signGatewayToken(principalOf(person)),
    gql: (token, query, variables) => postGraphQL(stack.gatewayUrl, { token, query, variables }),
    async stop() {
      const transport = stack.transport;
      await stack.stop();
      if (transport instanceof JetStreamTransport && services.natsUrl) {
        const cleanup = await JetStreamTransport.connect({ url: services.natsUrl, namespace, logger });
        await cleanup.deleteStream();
        await cleanup.close();
      }
      await database?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
