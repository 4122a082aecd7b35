import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { parseInput } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { AccountabilityRecordEntity } from '../persistence/accountability-record.entity';
import { canManageRectification } from './access-policy';
import { rectificationError, RectificationErrorCode } from './rectification.errors';
import { inTransaction, systemClock } from './transaction';
import type { Clock } from './transaction';

const uuid = z.string().uuid('must be an id');
const recordAccountabilitySchema = z
  .object({
    problemId: uuid,
    kind: z.enum(['INTERVIEW', 'ACCOUNTABILITY']),
    personIds: z
      .array(uuid)
      .max(50)
      .nullish()
      .transform((ids) => [...new Set(ids ?? [])]),
    agencyId: uuid.nullish(),
    reason: z.string().trim().min(1).max(5_000),
    decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  })
  .superRefine((r, ctx) => {
    if (r.personIds.length === 0 && !r.agencyId)
      ctx.addIssue({
        code: 'custom',
        path: ['personIds'],
        message: 'name the people or the unit held to account',
      });
  });

/** 约谈 and 问责 linked to a problem and the people (or unit) concerned; recorded by the office. */
export class AccountabilityService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  async recordAccountability(rawInput: unknown): Promise<AccountabilityRecordEntity> {
    if (!canManageRectification(this.principal)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the rectification office and bureau leaders may do this',
      );
    }
    const input = parseInput(recordAccountabilitySchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (_manager, store) => {
      if (!(await store.problemExists(input.problemId))) {
        throw rectificationError(RectificationErrorCode.ProblemNotFound, 'no such problem', [
          { field: 'problemId', message: 'not found' },
        ]);
      }
      const record: AccountabilityRecordEntity = {
        id: randomUUID(),
        problemId: input.problemId,
        kind: input.kind,
        personIds: input.personIds,
        agencyId: input.agencyId ?? null,
        reason: input.reason,
        decidedOn: input.decidedOn,
        recordedByPersonId: this.principal.personId,
        recordedByName: this.principal.name,
        recordedAt: this.clock(),
      };
      await store.insertAccountabilityRecord(record);
      return record;
    });
  }
}
