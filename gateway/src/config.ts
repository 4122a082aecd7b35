import { z } from 'zod';
import { envFields, parseConfig } from '@eco/config';
import type { GatewayHardening } from './gateway-server';
import { DEFAULT_OPERATION_LIMITS } from './hardening/operation-limits';
import { DEFAULT_RATE_LIMIT } from './hardening/rate-limiter';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const schema = z
  .object({
    HOST: z.string().default('0.0.0.0'),
    PORT: envFields.port(4000),
    AUTH_ISSUER: z.string().min(1),
    AUTH_AUDIENCE: z.string().min(1),
    /** HS256 shared secret (development) — or AUTH_JWKS_URL (RS256, production). */
    AUTH_HS256_SECRET: envFields.secret().optional(),
    AUTH_JWKS_URL: envFields.url().optional(),
    INTERNAL_TOKEN_SECRET: envFields.secret(),
    AGENCIES_URL: envFields.url(),
    INSPECTIONS_URL: envFields.url(),
    RECTIFICATION_URL: envFields.url(),
    SUPERVISION_URL: envFields.url(),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    LOG_LEVEL: envFields.logLevel(),
    /** Introspection, field suggestions and the landing page (ADR 0007): never in production. */
    GRAPHQL_EXPOSE_SCHEMA: envFields.boolean(false),
    GRAPHQL_MAX_DEPTH: positiveInt(DEFAULT_OPERATION_LIMITS.maxDepth),
    GRAPHQL_MAX_ALIASES: positiveInt(DEFAULT_OPERATION_LIMITS.maxAliases),
    GRAPHQL_MAX_DIRECTIVES: positiveInt(DEFAULT_OPERATION_LIMITS.maxDirectives),
    GRAPHQL_MAX_TOKENS: positiveInt(DEFAULT_OPERATION_LIMITS.maxTokens),
    GRAPHQL_MAX_COST: positiveInt(DEFAULT_OPERATION_LIMITS.maxCost),
    /** Per principal (anonymous: per client address); RATE_LIMIT_ENABLED=false turns it off. */
    RATE_LIMIT_ENABLED: envFields.boolean(true),
    RATE_LIMIT_BURST: positiveInt(DEFAULT_RATE_LIMIT.burst),
    RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(DEFAULT_RATE_LIMIT.perSecond),
  })
  .refine((c) => Boolean(c.AUTH_HS256_SECRET) !== Boolean(c.AUTH_JWKS_URL), {
    message: 'set exactly one of AUTH_HS256_SECRET and AUTH_JWKS_URL',
    path: ['AUTH_JWKS_URL'],
  });

export type GatewayConfig = z.infer<typeof schema>;

/** The hardening settings the gateway starts with, from the environment. */
export function hardeningFrom(config: GatewayConfig): GatewayHardening {
  return {
    exposeSchema: config.GRAPHQL_EXPOSE_SCHEMA,
    limits: {
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxCost: config.GRAPHQL_MAX_COST,
    },
    rateLimit: config.RATE_LIMIT_ENABLED
      ? { burst: config.RATE_LIMIT_BURST, perSecond: config.RATE_LIMIT_PER_SECOND }
      : false,
  };
}

/** The only reader of process.env in the gateway: every problem is reported at once, at boot. */
export const loadConfig = (): GatewayConfig => parseConfig(schema, process.env);
