import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '@eco/auth';
import { claimVersion, expectedVersion, parseInput } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import { CampaignEntity } from '../persistence/campaign.entity';
import type { DisciplineFiguresEntity } from '../persistence/discipline-figures.entity';
import { canManageRectification } from './access-policy';
import { rectificationError, RectificationErrorCode } from './rectification.errors';
import { inTransaction, systemClock } from './transaction';
import type { Clock } from './transaction';

const uuid = z.string().uuid('must be an id');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const isWednesday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 3;

const createCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    sourceKind: z.enum(['INTERNAL_INSPECTION', 'MUNICIPAL_INSPECTION', 'AUDIT']),
    sourceTitle: z.string().trim().min(1).max(500),
    periodStart: isoDate,
    periodEnd: isoDate,
    officeAgencyId: uuid.nullish(),
    reportReceivedOn: isoDate.nullish(),
    weeklyReportsStartOn: isoDate.nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.periodEnd < c.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'periodEnd is before periodStart' });
    if (c.weeklyReportsStartOn && !isWednesday(c.weeklyReportsStartOn))
      ctx.addIssue({
        code: 'custom',
        path: ['weeklyReportsStartOn'],
        message: 'weekly reports start on a Wednesday',
      });
  });

const recordReportReceivedSchema = z.object({ campaignId: uuid, receivedOn: isoDate, expectedVersion });

const count = z.number().int().nonnegative().max(100_000);
const disciplineFiguresSchema = z.object({
  campaignId: uuid,
  asOf: isoDate,
  casesFiled: count,
  peopleDisciplined: count,
  admonishmentTalks: count,
  regulationsCreated: count,
  regulationsRevised: count,
});

/** Campaigns and the figures the office enters for them. */
export class CampaignService {
  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly principal: Principal,
    private readonly clock: Clock = systemClock,
  ) {}

  async createCampaign(rawInput: unknown): Promise<CampaignEntity> {
    this.assertOffice();
    const input = parseInput(createCampaignSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (_manager, store) => {
      const id = randomUUID();
      await store.insertCampaign({
        id,
        name: input.name,
        sourceKind: input.sourceKind,
        sourceTitle: input.sourceTitle,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        officeAgencyId: input.officeAgencyId ?? null,
        leadingGroup: [],
        reportReceivedOn: input.reportReceivedOn ?? null,
        weeklyReportsStartOn: input.weeklyReportsStartOn ?? null,
      });
      return (await store.campaignsByIds([id]))[0]!;
    });
  }

  /** The day the inspection or audit report reached the unit; the plan and report deadlines follow. */
  async recordReportReceived(rawInput: unknown): Promise<CampaignEntity> {
    this.assertOffice();
    const input = parseInput(recordReportReceivedSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (manager, store) => {
      await claimVersion(
        manager,
        CampaignEntity,
        input.campaignId,
        input.expectedVersion,
        RectificationErrorCode.CampaignNotFound,
      );
      if (!(await store.setReportReceivedOn(input.campaignId, input.receivedOn))) {
        throw rectificationError(RectificationErrorCode.CampaignNotFound, 'no such campaign', [
          { field: 'campaignId', message: 'not found' },
        ]);
      }
      return (await store.campaignsByIds([input.campaignId]))[0]!;
    });
  }

  /** Discipline figures for the public notice (立案, 处分, 诫勉谈话, 制度); re-entering a date replaces it. */
  async recordDisciplineFigures(rawInput: unknown): Promise<DisciplineFiguresEntity> {
    this.assertOffice();
    const input = parseInput(disciplineFiguresSchema, rawInput, RectificationErrorCode.InvalidInput);
    return inTransaction(this.runtime, async (_manager, store) => {
      if ((await store.campaignsByIds([input.campaignId])).length === 0) {
        throw rectificationError(RectificationErrorCode.CampaignNotFound, 'no such campaign', [
          { field: 'campaignId', message: 'not found' },
        ]);
      }
      const figures: DisciplineFiguresEntity = {
        ...input,
        recordedByPersonId: this.principal.personId,
        recordedAt: this.clock(),
      };
      await store.upsertDisciplineFigures(figures);
      return figures;
    });
  }

  private assertOffice(): void {
    if (!canManageRectification(this.principal)) {
      throw rectificationError(
        RectificationErrorCode.Forbidden,
        'only the rectification office and bureau leaders may do this',
      );
    }
  }
}
