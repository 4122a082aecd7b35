import { z } from 'zod';

/** Reusable field parsers for environment variables (all values arrive as strings). */
export const envFields = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: () => z.string().url(),
  postgresUrl: () => z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  natsUrl: () => z.string().regex(/^(nats|tls):\/\//, 'must be a nats:// or tls:// URL'),
  // The example files' placeholders are long enough to pass the length check: refused by name, so
  // a copied but unedited file does not start a system whose secret anyone can read.
  secret: () =>
    z
      .string()
      .min(32, 'must be at least 32 characters')
      .refine(
        (value) => !value.startsWith('change-me'),
        'is still the example placeholder; set a secret of your own',
      ),
  boolean: (fallback: boolean) =>
    z
      .enum(['1', '0', 'true', 'false', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === '1' || v === 'true' || v === 'yes'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  namespace: () =>
    z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,30}$/, 'lower-case letters, digits and _; starts with a letter')
      .default('eco'),
};
