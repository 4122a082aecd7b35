import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { findingConfirmedV1, recordEvent } from '@eco/events';
import { parseInput, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { FindingEntity } from '../persistence/finding.entity';
import type { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import { InspectionsStore } from '../persistence/inspections.store';
import { canRecordFindings } from './access-policy';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';

const PRODUCER = 'inspections';
const uuid = z.string().uuid('must be an id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const year = z.number().int().min(2000).max(2100);

const createRoundSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    roundNumber: z.number().int().min(1).max(99),
    startYear: year,
    endYear: year,
    year,
    planDocumentNumber: z.string().trim().max(100).nullish(),
    groupLeaderId: uuid.nullish(),
    deputyGroupLeaderId: uuid.nullish(),
    periodStart: isoDate.nullish(),
    periodEnd: isoDate.nullish(),
  })
  .superRefine((r, ctx) => {
    if (r.startYear > r.endYear)
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'before startYear' });
    if (r.year < r.startYear || r.year > r.endYear)
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'outside the round' });
    if (r.periodStart && r.periodEnd && r.periodStart > r.periodEnd)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'before periodStart' });
  });

const recordFindingSchema = z.object({
  roundId: uuid,
  targetAgencyId: uuid,
  category: z.string().trim().max(200).nullish(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10_000),
});

const confirmFindingSchema = z.object({ findingId: uuid });

/** The inspection group's use cases, run for one caller. */
export class InspectionsService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
  ) {}

  private assertCanRecord(): void {
    if (!canRecordFindings(this.principal)) {
      throw inspectionsError(
        InspectionsErrorCode.Forbidden,
        'only the inspection group and bureau leaders may do this',
      );
    }
  }

  private inTransaction<T>(
    work: (manager: EntityManager, store: InspectionsStore) => Promise<T>,
  ): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), (manager) =>
      work(manager, new InspectionsStore(manager)),
    );
  }

  async createRound(rawInput: unknown): Promise<InspectionRoundEntity> {
    this.assertCanRecord();
    const input = parseInput(createRoundSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (_manager, store) => {
      const id = randomUUID();
      await store.insertRound({
        id,
        name: input.name,
        roundNumber: input.roundNumber,
        startYear: input.startYear,
        endYear: input.endYear,
        year: input.year,
        planDocumentNumber: input.planDocumentNumber ?? null,
        groupLeaderId: input.groupLeaderId ?? null,
        deputyGroupLeaderId: input.deputyGroupLeaderId ?? null,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd ?? null,
      });
      return (await store.roundsByIds([id]))[0]!;
    });
  }

  async recordFinding(rawInput: unknown): Promise<FindingEntity> {
    this.assertCanRecord();
    const input = parseInput(recordFindingSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (_manager, store) => {
      const number = await store.nextFindingNumber(input.roundId);
      if (number === null) {
        throw inspectionsError(InspectionsErrorCode.RoundNotFound, 'no such inspection round', [
          { field: 'roundId', message: 'not found' },
        ]);
      }
      const id = randomUUID();
      await store.insertFinding({
        id,
        roundId: input.roundId,
        number,
        targetAgencyId: input.targetAgencyId,
        category: input.category ?? null,
        title: input.title,
        description: input.description,
        status: 'DRAFT',
        recordedBy: this.principal.personId,
        recordedAt: new Date(),
      });
      return (await store.findingsByIds([id]))[0]!;
    });
  }

  /** Confirming in the feedback (反馈) publishes the finding, which opens a rectification problem. */
  async confirmFinding(rawInput: unknown): Promise<FindingEntity> {
    this.assertCanRecord();
    const input = parseInput(confirmFindingSchema, rawInput, InspectionsErrorCode.InvalidInput);
    return this.inTransaction(async (manager, store) => {
      const [finding] = await store.findingsByIds([input.findingId]);
      if (!finding) {
        throw inspectionsError(InspectionsErrorCode.FindingNotFound, 'no such finding', [
          { field: 'findingId', message: 'not found' },
        ]);
      }
      if (finding.status !== 'DRAFT') {
        throw inspectionsError(
          InspectionsErrorCode.FindingAlreadyConfirmed,
          'this finding is already confirmed',
        );
      }
      const at = new Date();
      if (!(await store.confirmFinding(finding.id, finding.version, this.principal.personId, at))) {
        throw inspectionsError(
          InspectionsErrorCode.FindingAlreadyConfirmed,
          'this finding was confirmed meanwhile',
        );
      }
      const [round] = await store.roundsByIds([finding.roundId]);
      await recordEvent(
        manager,
        findingConfirmedV1,
        {
          findingId: finding.id,
          roundId: finding.roundId,
          roundName: round!.name,
          findingNumber: finding.number,
          targetAgencyId: finding.targetAgencyId,
          title: finding.title,
          description: finding.description,
          category: finding.category,
          confirmedAt: at.toISOString(),
        },
        {
          producer: PRODUCER,
          actor: {
            personId: this.principal.personId,
            agencyId: this.principal.agencyId,
            name: this.principal.name,
          },
        },
      );
      return (await store.findingsByIds([finding.id]))[0]!;
    });
  }
}
