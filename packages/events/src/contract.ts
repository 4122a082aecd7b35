import type { z } from 'zod';

/**
 * One event type at one version. A published version never changes: a breaking change is a new
 * contract with the next version, published alongside the old one until consumers move.
 */
export interface EventContract<S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** `<context>.<aggregate>.<event>.v<N>` */
  readonly subject: string;
  readonly context: string;
  readonly version: number;
  readonly schema: S;
}

export type PayloadOf<C extends EventContract> = z.infer<C['schema']>;

export function defineEvent<S extends z.ZodTypeAny>(
  name: `${string}.${string}.${string}`,
  version: number,
  schema: S,
): EventContract<S> {
  const [context] = name.split('.');
  return { subject: `${name}.v${version}`, context: context!, version, schema };
}
