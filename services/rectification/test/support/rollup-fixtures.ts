import { randomUUID } from 'node:crypto';
import type { SubgraphRuntime } from '@eco/subgraph';
import { CampaignEntity } from '../../src/persistence/campaign.entity';
import { MeasureEntity } from '../../src/persistence/measure.entity';
import type { MeasureStatus } from '../../src/persistence/measure.entity';
import { MeasureUpdateEntity } from '../../src/persistence/measure-update.entity';
import { ProblemEntity } from '../../src/persistence/problem.entity';
import { ProblemCloseoutEntity } from '../../src/persistence/problem-closeout.entity';
import { WeeklyReportEntity } from '../../src/persistence/weekly-report.entity';

/** An instant in Shanghai time: `'2023-09-20 14:59:59'`. */
export const sh = (local: string): Date => new Date(`${local.replace(' ', 'T')}+08:00`);

/** A campaign row as the fixtures write it (seed 004's campaign, its period and first weekly report). */
export const campaignRow = (id: string, weeklyReportsStartOn: string | null): Partial<CampaignEntity> => ({
  id,
  name: '推进落实市委巡视整改',
  sourceKind: 'MUNICIPAL_INSPECTION',
  sourceTitle: '市委第二巡视组巡视浦东新区情况反馈',
  periodStart: '2023-08-29',
  periodEnd: '2023-09-28',
  weeklyReportsStartOn,
});

/** A problem row of `campaignId`, visible to (and coordinated with) the agencies in `visibleTo`. */
export const problemRow = (fields: {
  id: string;
  campaignId: string;
  number: string;
  responsibleDepartmentId: string | null;
  visibleTo: string[];
  openedAt: Date;
}): Partial<ProblemEntity> => ({
  id: fields.id,
  campaignId: fields.campaignId,
  number: fields.number,
  title: '建筑垃圾偷乱倒',
  description: '建筑垃圾偷乱倒和"两非"点位时有发生',
  responsibleDepartmentId: fields.responsibleDepartmentId,
  coordinatingAgencyIds: fields.visibleTo,
  visibleToAgencyIds: fields.visibleTo,
  openedAt: fields.openedAt,
});

/**
 * Facts written straight into rectification's tables with the instants a test chooses (the
 * services stamp "now"), as history recorded at those instants would be.
 */
export class RollupFacts {
  constructor(private readonly runtime: SubgraphRuntime) {}

  private insert<T extends object>(entity: new () => T, row: Partial<T>): Promise<void> {
    return this.runtime.transaction('all', async (manager) => {
      await manager.insert(entity, row as never);
    });
  }

  async campaign(weeklyReportsStartOn: string | null, createdAt: Date): Promise<string> {
    const id = randomUUID();
    await this.insert(CampaignEntity, { ...campaignRow(id, weeklyReportsStartOn), createdAt });
    return id;
  }

  async problem(
    campaignId: string,
    departmentId: string,
    openedAt: Date,
    visibleTo: string[] = [],
  ): Promise<string> {
    const id = randomUUID();
    await this.insert(
      ProblemEntity,
      problemRow({
        id,
        campaignId,
        number: id.slice(0, 4),
        responsibleDepartmentId: departmentId,
        visibleTo,
        openedAt,
      }),
    );
    return id;
  }

  /** A measure recorded at `createdAt` with status NOT_STARTED, due at `dueAt` (null: long-term). */
  async measure(
    problemId: string,
    departmentId: string,
    createdAt: Date,
    dueAt: Date | null,
  ): Promise<string> {
    const id = randomUUID();
    await this.insert(MeasureEntity, {
      id,
      problemId,
      sequence: '1',
      text: '具体点位明确第一责任主体',
      responsibleAgencyId: departmentId,
      deadlineKind: dueAt ? 'DATE' : 'LONG_TERM',
      dueOn: null,
      deadlineLabel: dueAt ? '限期' : '长期坚持',
      dueAt,
      status: 'NOT_STARTED',
      createdAt,
    });
    await this.timeline(id, 'CREATED', createdAt, null, null);
    return id;
  }

  /** A status change at `at`, and the measure's current status with it. */
  async statusChange(measureId: string, from: MeasureStatus, to: MeasureStatus, at: Date): Promise<void> {
    await this.timeline(measureId, 'STATUS_CHANGED', at, from, to);
    await this.runtime.transaction('all', async (manager) => {
      await manager.update(
        MeasureEntity,
        { id: measureId },
        { status: to, completedAt: to === 'COMPLETED' ? at : null },
      );
    });
  }

  async closeout(problemId: string, kind: 'CLOSED' | 'REOPENED', at: Date): Promise<void> {
    await this.insert(ProblemCloseoutEntity, { id: randomUUID(), problemId, kind, reason: null, at });
  }

  async weeklyReport(
    campaignId: string,
    agencyId: string,
    weekDate: string,
    submittedAt: Date,
  ): Promise<void> {
    await this.insert(WeeklyReportEntity, {
      id: randomUUID(),
      campaignId,
      agencyId,
      weekDate,
      dueAt: sh(`${weekDate} 15:00:00`),
      progress: '已完成点位排查。',
      practices: '管执联动。',
      submittedAt,
    });
  }

  private timeline(
    measureId: string,
    kind: MeasureUpdateEntity['kind'],
    at: Date,
    statusFrom: MeasureStatus | null,
    statusTo: MeasureStatus | null,
  ): Promise<void> {
    return this.insert(MeasureUpdateEntity, {
      id: randomUUID(),
      measureId,
      kind,
      statusFrom,
      statusTo,
      evidence: [],
      evidenceNotes: [],
      at,
    });
  }
}
