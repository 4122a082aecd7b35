import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLFieldResolver } from 'graphql';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { MutationErrorData } from './domain-error';
import {
  deserializeResponse,
  idempotencyKeyOf,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  requestHash,
  serializeResponse,
} from './idempotency';

/**
 * What the runtime knows about the mutation being resolved: who calls it, and — when it carries an
 * idempotency key — the transaction every write of the call joins, so the key, the effect and the
 * stored response commit (or roll back) together.
 */
export interface MutationScope {
  principal: Principal;
  runner: QueryRunner | null;
}

export const mutationScope = new AsyncLocalStorage<MutationScope>();

export interface MutationGuardOptions {
  dataSource: DataSource;
  schema: string;
  /** After a keyed mutation commits: wake the outbox relay. */
  afterCommit(): void;
}

type Resolver = GraphQLFieldResolver<unknown, { principal: Principal }, Record<string, unknown>>;

const failure = (code: string, message: string): { ok: false; error: MutationErrorData } => ({
  ok: false,
  error: { code, message, fieldErrors: [{ field: 'input.idempotencyKey', message }], currentVersion: null },
});

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const isFailure = (result: unknown) =>
  typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;

/**
 * Wraps every Mutation resolver. Without a key the mutation runs as written. With one:
 * - first call: runs in one transaction with the key's row; a failed result rolls everything back,
 *   so the key stays free for a corrected retry;
 * - repeat with the same request: the stored response, with no second effect (a concurrent repeat
 *   waits on the first's row lock and then reads its response);
 * - the same key with a different request: IDEMPOTENCY_KEY_REUSED, nothing changed.
 */
export function guardMutations(
  mutations: Record<string, Resolver>,
  options: MutationGuardOptions,
): Record<string, Resolver> {
  const table = `"${options.schema}".idempotency_keys`;
  return Object.fromEntries(
    Object.entries(mutations).map(([field, resolve]) => {
      const guarded: Resolver = async (parent, args, context, info) => {
        const principal = context.principal;
        const key = idempotencyKeyOf(args);
        if (key === undefined || key === null) {
          return mutationScope.run({ principal, runner: null }, () => resolve(parent, args, context, info));
        }
        if (
          typeof key !== 'string' ||
          key.trim() === '' ||
          key.length > MAX_IDEMPOTENCY_KEY_LENGTH ||
          CONTROL_CHARACTERS.test(key)
        ) {
          return failure(
            'IDEMPOTENCY_KEY_INVALID',
            `an idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters`,
          );
        }
        const hash = requestHash(field, args);
        const runner = options.dataSource.createQueryRunner();
        try {
          await runner.connect();
          await runner.startTransaction();
          const claimed: unknown[] = await runner.query(
            `INSERT INTO ${table} (principal_id, key, mutation, request_hash) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING RETURNING key`,
            [principal.personId, key, field, hash],
          );
          if (claimed.length === 0) {
            const [stored] = (await runner.query(
              `SELECT mutation, request_hash, response::text AS response FROM ${table}
                WHERE principal_id = $1 AND key = $2`,
              [principal.personId, key],
            )) as { mutation: string; request_hash: string; response: string | null }[];
            await runner.rollbackTransaction();
            if (!stored?.response || stored.mutation !== field || stored.request_hash !== hash) {
              return failure(
                'IDEMPOTENCY_KEY_REUSED',
                'this idempotency key was already used for a different request; use a new key',
              );
            }
            return deserializeResponse(stored.response);
          }
          const result = await mutationScope.run({ principal, runner }, () =>
            resolve(parent, args, context, info),
          );
          if (isFailure(result)) {
            await runner.rollbackTransaction();
            return result;
          }
          await runner.query(
            `UPDATE ${table} SET response = $3::jsonb WHERE principal_id = $1 AND key = $2`,
            [principal.personId, key, serializeResponse(result)],
          );
          await runner.commitTransaction();
          options.afterCommit();
          return result;
        } catch (error) {
          if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
          throw error;
        } finally {
          await runner.release();
        }
      };
      return [field, guarded];
    }),
  );
}
