import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { AuthError, INTERNAL_TOKEN_HEADER } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { createErrorMasker, startGraphQLHttpServer } from '@eco/http';
import type { RunningHttpServer } from '@eco/http';
import type { Logger } from '@eco/logging';
import { SUPERGRAPH_PATH } from './compose-supergraph';
import { createKeepAliveFetcher } from './keep-alive-fetcher';
import type { SubgraphName } from './subgraph-names';

export interface GatewayContext {
  principal: Principal;
}

export interface GatewayOptions {
  subgraphUrls: Record<SubgraphName, string>;
  verifyUserToken: (token: string) => Promise<Principal>;
  signInternalToken: (principal: Principal) => Promise<string>;
  logger: Logger;
  port?: number;
  host?: string;
  /** The committed supergraph unless given (tests of composition pass their own). */
  supergraphSdl?: string;
  maxBodyBytes?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Transport failures between gateway and subgraphs carry internal addresses: never shown. */
const GATEWAY_INTERNAL_CODES = new Set([
  'INTERNAL_SERVER_ERROR',
  'SUBREQUEST_HTTP_ERROR',
  'SUBREQUEST_MALFORMED_RESPONSE',
]);

/** A subgraph's own error already went through that subgraph's masking: pass its code and message. */
function isForwardedSubgraphError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.['code'];
  return (
    typeof formatted.extensions?.['serviceName'] === 'string' &&
    typeof code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(code) &&
    !GATEWAY_INTERNAL_CODES.has(code)
  );
}

function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/**
 * The one entry point: verifies the caller's token, derives the principal, and forwards a
 * short-lived gateway token to each subgraph. Client headers are never forwarded, so an identity
 * header sent by a client cannot reach a subgraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const keepAlive = createKeepAliveFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url,
        fetcher: keepAlive.fetcher,
        willSendRequest: async ({ request, context }) => {
          request.http?.headers.set(
            INTERNAL_TOKEN_HEADER,
            await options.signInternalToken(context.principal),
          );
        },
      });
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorMasker(logger, isForwardedSubgraphError),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
  });
  await apollo.start();

  let http: RunningHttpServer;
  try {
    http = await startGraphQLHttpServer<GatewayContext>(
      {
        apollo,
        logger,
        maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
        context: async (request) => {
          const token = bearerToken(request.headers.authorization);
          if (!token) {
            throw new GraphQLError('a bearer token is required', {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
          try {
            return { principal: await options.verifyUserToken(token) };
          } catch (error) {
            if (error instanceof AuthError) {
              throw new GraphQLError(error.message, {
                extensions: { code: error.code, http: { status: 401 } },
              });
            }
            throw error;
          }
        },
        ready: async () => {
          const probes = await Promise.all(
            Object.values(options.subgraphUrls).map((url) =>
              fetch(url.replace(/\/graphql$/, '/ready')).then(
                (r) => r.ok,
                () => false,
              ),
            ),
          );
          return probes.every(Boolean);
        },
      },
      options.port ?? 0,
      options.host,
    );
  } catch (error) {
    await apollo.stop();
    await keepAlive.close();
    throw error;
  }

  return {
    url: http.url,
    port: http.port,
    async stop() {
      await http.close();
      await apollo.stop();
      await keepAlive.close();
    },
  };
}
