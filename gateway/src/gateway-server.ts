import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { AuthError } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { startGraphQLHttpServer } from '@eco/http';
import type { RunningHttpServer } from '@eco/http';
import type { Logger } from '@eco/logging';
import { SUPERGRAPH_PATH } from './compose-supergraph';
import { createExportRoutes, createRunAsCaller } from './exports';
import { createGatewayErrorFormatter } from './hardening/gateway-errors';
import { DEFAULT_OPERATION_LIMITS, enforceOperationLimits } from './hardening/operation-limits';
import { requestAdmissionPlugin } from './hardening/request-admission';
import type { OperationLimits } from './hardening/operation-limits';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './hardening/rate-limiter';
import type { RateLimitSettings } from './hardening/rate-limiter';
import { createBatchingFetcher } from './batching-fetcher';
import { createKeepAliveFetcher } from './keep-alive-fetcher';
import { SubgraphDataSource } from './subgraph-data-source';
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
  hardening?: Partial<GatewayHardening>;
}

/** The gateway's defences against hostile callers (ADR 0007); production values by default. */
export interface GatewayHardening {
  limits: OperationLimits;
  /** Per principal (anonymous callers: per client address); `false` turns it off. */
  rateLimit: RateLimitSettings | false;
  /** Introspection, field suggestions and the landing page: the quick start and development only. */
  exposeSchema: boolean;
}

export const DEFAULT_GATEWAY_HARDENING: GatewayHardening = {
  limits: DEFAULT_OPERATION_LIMITS,
  rateLimit: DEFAULT_RATE_LIMIT,
  exposeSchema: false,
};

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

function refusal(code: string, message: string, status: number, headers?: Map<string, string>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, http: { status, ...(headers ? { headers } : {}) } },
  });
}

/**
 * The one entry point: verifies the caller's token, derives the principal, and forwards a
 * short-lived gateway token to each subgraph. Client headers are never forwarded, so an identity
 * header sent by a client cannot reach a subgraph. Beside /graphql it serves the downloads
 * (`/exports/*`), authenticated the same way and read through this same server as the caller.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const keepAlive = createKeepAliveFetcher();
  const fetcher = createBatchingFetcher(keepAlive.fetcher);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name as SubgraphName];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return new SubgraphDataSource(name, url, fetcher, options.signInternalToken);
    },
  });

  const hardening: GatewayHardening = { ...DEFAULT_GATEWAY_HARDENING, ...options.hardening };
  const { validationRules, parseOptions } = enforceOperationLimits(hardening.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createGatewayErrorFormatter(logger, { hideSuggestions: !hardening.exposeSchema }),
    includeStacktraceInErrorResponses: false,
    validationRules,
    parseOptions,
    introspection: hardening.exposeSchema,
    plugins: [
      requestAdmissionPlugin,
      ...(hardening.exposeSchema ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
    // A GET query or a POST a browser could send cross-site without a preflight is refused.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // No client of ours uses automatic persisted queries: one less cache a caller can fill.
    persistedQueries: false,
  });

  const limiter = hardening.rateLimit ? new RateLimiter(hardening.rateLimit) : null;
  /** Spends one request of `key`'s budget, or refuses with 429 and when to come back. */
  const admit = (key: string) => {
    const decision = limiter?.take(key);
    if (decision && !decision.allowed) {
      throw refusal(
        'RATE_LIMITED',
        `too many requests: retry after ${decision.retryAfterSeconds} s`,
        429,
        new Map([['retry-after', String(decision.retryAfterSeconds)]]),
      );
    }
  };
  const clientAddress = (request: IncomingMessage) => `address:${request.socket.remoteAddress ?? 'unknown'}`;
  /** The caller of /graphql and of the downloads alike: a verified token, and one request of its budget. */
  const authenticate = async (request: IncomingMessage): Promise<Principal> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      admit(clientAddress(request));
      throw refusal('UNAUTHENTICATED', 'a bearer token is required', 401);
    }
    let principal: Principal;
    try {
      principal = await options.verifyUserToken(token);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // Guessing tokens spends the caller's address's budget.
      admit(clientAddress(request));
      throw refusal(error.code, error.message, 401);
    }
    admit(`person:${principal.personId}`);
    return principal;
  };
  await apollo.start();

  let http: RunningHttpServer;
  try {
    http = await startGraphQLHttpServer<GatewayContext>(
      {
        apollo,
        logger,
        maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
        context: async (request) => ({ principal: await authenticate(request) }),
        routes: createExportRoutes({
          authenticate,
          runAsCaller: createRunAsCaller(apollo),
          parseOptions,
          logger,
        }),
        // Ready once it serves. Requiring every subgraph's /ready took every gateway pod out of
        // rotation when one subgraph was slow, the whole API down for one part of it (found in
        // review); a subgraph's trouble shows in the answers that need it, as a coded error.
        ready: async () => true,
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
