import { createHash } from 'node:crypto';
import canonicalJson from 'safe-stable-stringify';

/** Longest idempotency key accepted: a UUID or a client's own structured key fits easily. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The key of a mutation call: `input.idempotencyKey`, or a top-level `idempotencyKey` argument. */
export function idempotencyKeyOf(args: Record<string, unknown>): unknown {
  const input = args.input;
  if (input && typeof input === 'object' && 'idempotencyKey' in input) {
    return (input as Record<string, unknown>).idempotencyKey;
  }
  return args.idempotencyKey;
}

/**
 * What makes two calls "the same request": the mutation and its arguments, key removed, with
 * object keys sorted so that property order does not matter (dates as ISO strings, undefined left out).
 */
export function requestHash(mutation: string, args: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${mutation}\n${canonicalJson(withoutKey(args))}`)
    .digest('hex');
}

function withoutKey(args: Record<string, unknown>): Record<string, unknown> {
  const { idempotencyKey: _top, ...rest } = args;
  const input = rest.input;
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const { idempotencyKey: _inner, ...inputRest } = input as Record<string, unknown>;
    return { ...rest, input: inputRest };
  }
  return rest;
}

/**
 * A response stored for replay keeps its Date values as dates (JSON alone would turn them into
 * strings, which resolvers and scalars would then see in a different shape than the first time).
 */
export function serializeResponse(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
    return this[key] instanceof Date ? { $date: encoded } : encoded;
  });
}

export function deserializeResponse(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string') {
        return new Date(record.$date);
      }
    }
    return value;
  });
}
