import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { LightRecordEntity } from './light-record.entity';
import { MonthlyReportEntity } from './monthly-report.entity';
import { ReportOverdueNoticeEntity } from './report-overdue-notice.entity';
import { ReportingScheduleEntity } from './reporting-schedule.entity';

/** SQL of reporting schedules, monthly reports, the light history and overdue notices. */
export class ReportingStore {
  constructor(private readonly manager: EntityManager) {}

  schedules(): Promise<ReportingScheduleEntity[]> {
    return this.manager.find(ReportingScheduleEntity, { order: { category: 'ASC' } });
  }

  async scheduleOf(category: string): Promise<ReportingScheduleEntity | null> {
    return this.manager.findOne(ReportingScheduleEntity, { where: { category: category as never } });
  }

  async insertSchedule(schedule: Omit<ReportingScheduleEntity, 'version'>): Promise<void> {
    await this.manager.insert(ReportingScheduleEntity, schedule);
  }

  reportsByItemIds(itemIds: readonly string[]): Promise<MonthlyReportEntity[]> {
    return this.manager.find(MonthlyReportEntity, {
      where: { itemId: In([...itemIds]) },
      order: { period: 'ASC' },
    });
  }

  async findReport(itemId: string, period: string): Promise<MonthlyReportEntity | null> {
    return this.manager.findOne(MonthlyReportEntity, { where: { itemId, period } });
  }

  async insertReport(report: Partial<MonthlyReportEntity>): Promise<void> {
    await this.manager.insert(MonthlyReportEntity, report);
  }

  lightRecordsByItemIds(itemIds: readonly string[]): Promise<LightRecordEntity[]> {
    return this.manager.find(LightRecordEntity, {
      where: { itemId: In([...itemIds]) },
      order: { period: 'ASC', sequence: 'ASC' },
    });
  }

  async insertLightRecord(record: Omit<LightRecordEntity, 'sequence'>): Promise<void> {
    await this.manager.insert(LightRecordEntity, record);
  }

  /** True when this call recorded the notice; false when it was there already. */
  async insertOverdueNotice(notice: ReportOverdueNoticeEntity): Promise<boolean> {
    const metadata = this.manager.connection.getMetadata(ReportOverdueNoticeEntity);
    const table = `"${metadata.schema}"."${metadata.tableName}"`;
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ${table} (item_id, period, due_at, detected_at, event_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [notice.itemId, notice.period, notice.dueAt, notice.detectedAt, notice.eventId],
    );
    return inserted.length > 0;
  }

  overdueNoticesByItemIds(itemIds: readonly string[]): Promise<ReportOverdueNoticeEntity[]> {
    return this.manager.find(ReportOverdueNoticeEntity, { where: { itemId: In([...itemIds]) } });
  }
}
