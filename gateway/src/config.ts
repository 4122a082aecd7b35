import { z } from 'zod';
import { envFields, parseConfig } from '@eco/config';

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
  })
  .refine((c) => Boolean(c.AUTH_HS256_SECRET) !== Boolean(c.AUTH_JWKS_URL), {
    message: 'set exactly one of AUTH_HS256_SECRET and AUTH_JWKS_URL',
    path: ['AUTH_JWKS_URL'],
  });

export type GatewayConfig = z.infer<typeof schema>;

/** The only reader of process.env in the gateway: every problem is reported at once, at boot. */
export const loadConfig = (): GatewayConfig => parseConfig(schema, process.env);
