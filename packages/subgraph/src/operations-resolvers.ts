import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { applyScopeAndActor, personActor } from '@eco/db';
import type { EventConsumer } from '@eco/events';
import { asMutationResult, DomainError, orGraphQLError, parseInput } from './domain-error';
import { MAX_PAGE_SIZE } from './cursor';
import { capitalised } from './operations-schema';
import type { SubgraphRuntime } from './subgraph-runtime';

interface DeadLetterRow {
  consumer: string;
  event_id: string;
  subject: string;
  error: string;
  attempts: number;
  failed_at: Date;
  replayed_at: Date | null;
  replayed_by: string | null;
  envelope: string;
}

const toDeadLetter = (row: DeadLetterRow) => ({
  consumer: row.consumer,
  eventId: row.event_id,
  subject: row.subject,
  error: row.error,
  attempts: row.attempts,
  failedAt: row.failed_at.toISOString(),
  replayedAt: row.replayed_at?.toISOString() ?? null,
  replayedBy: row.replayed_by,
  envelope: row.envelope,
});

const replayInput = z.object({
  consumer: z.string().min(1).max(200),
  eventId: z.string().uuid(),
  idempotencyKey: z.string().nullish(),
});

function requireOperator(principal: Principal): void {
  if (!principal.roles.includes('SYSTEM_OPERATOR')) {
    throw new DomainError('FORBIDDEN', 'only a system operator may see or replay dead letters');
  }
}

/** Resolvers of operationsTypeDefs: list dead letters, replay one through its handler. */
export function operationsResolvers(
  service: string,
  deps: { dataSource: DataSource; consumer: EventConsumer; runtime: SubgraphRuntime },
) {
  const name = capitalised(service);
  const s = `"${service}"`;
  const select = `SELECT consumer, event_id, subject, error, attempts, failed_at, replayed_at, replayed_by,
                         envelope::text AS envelope FROM ${s}.dead_letters`;
  type Ctx = { principal: Principal };
  return {
    Query: {
      [`${service}DeadLetters`]: (
        _: unknown,
        args: { includeReplayed?: boolean | null; first?: number | null },
        context: Ctx,
      ) =>
        orGraphQLError(async () => {
          requireOperator(context.principal);
          const first = Math.min(Math.max(args.first ?? 50, 1), MAX_PAGE_SIZE);
          const rows: DeadLetterRow[] = await deps.dataSource.query(
            `${select} WHERE $1 OR replayed_at IS NULL ORDER BY failed_at DESC LIMIT $2`,
            [args.includeReplayed === true, first],
          );
          return rows.map(toDeadLetter);
        }),
    },
    Mutation: {
      [`replay${name}DeadLetter`]: (_: unknown, args: { input: unknown }, context: Ctx) =>
        asMutationResult(async () => {
          requireOperator(context.principal);
          const input = parseInput(replayInput, args.input, 'DEAD_LETTER_INVALID_INPUT');
          const find = async () =>
            (
              (await deps.dataSource.query(`${select} WHERE consumer = $1 AND event_id = $2`, [
                input.consumer,
                input.eventId,
              ])) as DeadLetterRow[]
            )[0];
          const letter = await find();
          const prefix = `${service}--`;
          if (!letter || !letter.consumer.startsWith(prefix)) {
            throw new DomainError('DEAD_LETTER_NOT_FOUND', 'no such dead letter in this service');
          }
          const outcome = await deps.consumer.replay(
            letter.consumer.slice(prefix.length),
            JSON.parse(letter.envelope),
          );
          const operator = `person:${context.principal.personId}@${context.principal.agencyId}`;
          const recordAction = (manager: EntityManager) =>
            manager.query(
              `INSERT INTO ${s}.operator_actions (id, action, target, outcome, operator) VALUES ($1, $2, $3, $4, $5)`,
              [
                randomUUID(),
                'replay-dead-letter',
                `${letter.consumer}/${letter.event_id}`,
                outcome,
                operator,
              ],
            );
          if (outcome !== 'applied' && outcome !== 'duplicate') {
            // A failed attempt is on the audit trail whatever becomes of the mutation: in a
            // transaction of its own, since a keyed mutation's rolls back with its failed result.
            await deps.dataSource.transaction(async (manager) => {
              await applyScopeAndActor(
                manager,
                'all',
                personActor(context.principal.personId, context.principal.agencyId),
              );
              await recordAction(manager);
            });
            throw new DomainError(
              'DEAD_LETTER_STILL_FAILING',
              `the handler failed again (${outcome}); see the error`,
            );
          }
          await deps.runtime.transaction('all', async (manager) => {
            await recordAction(manager);
            await manager.query(
              `UPDATE ${s}.dead_letters SET replayed_by = $3 WHERE consumer = $1 AND event_id = $2`,
              [letter.consumer, letter.event_id, operator],
            );
          });
          return { outcome, deadLetter: toDeadLetter((await find())!) };
        }),
    },
  };
}
