import { In } from 'typeorm';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SupervisionCategory } from '../domain/categories';
import { MilestoneEntity } from './milestone.entity';
import { SupervisionItemEntity } from './supervision-item.entity';
import type { Light, SupervisionItemStatus } from './supervision-item.entity';
import { SupervisionItemUpdateEntity } from './supervision-item-update.entity';

export interface ItemFilter {
  category?: SupervisionCategory | null;
  departmentId?: string | null;
  year?: number | null;
  status?: SupervisionItemStatus | null;
  /** A partner agency: only the items it is involved in. */
  visibleTo?: string;
}

export interface ItemCountRow {
  departmentId: string | null;
  light: Light | null;
  status: SupervisionItemStatus;
  count: number;
  overdue: number;
  dueThisWeek: number;
}

/** SQL of items, their plans and timelines. Every read takes many keys at once (one statement). */
export class SupervisionStore {
  constructor(private readonly manager: EntityManager) {}

  itemsByIds(ids: readonly string[]): Promise<SupervisionItemEntity[]> {
    return this.manager.find(SupervisionItemEntity, { where: { id: In([...ids]) } });
  }

  itemsByDirectLineItemIds(ids: readonly string[]): Promise<SupervisionItemEntity[]> {
    return this.manager.find(SupervisionItemEntity, { where: { directLineItemId: In([...ids]) } });
  }

  /** Locks an item for the rest of the transaction: evaluations of one item run one at a time. */
  async lockItem(id: string): Promise<SupervisionItemEntity | null> {
    return this.manager
      .createQueryBuilder(SupervisionItemEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
  }

  /** The items a filter selects (alias `i`): one definition for listing and counting them. */
  private filtered(filter: ItemFilter): SelectQueryBuilder<SupervisionItemEntity> {
    const query = this.manager.createQueryBuilder(SupervisionItemEntity, 'i');
    if (filter.category) query.andWhere('i.category = :category', { category: filter.category });
    if (filter.departmentId)
      query.andWhere('i.responsible_department_id = :department', { department: filter.departmentId });
    if (filter.year) query.andWhere('i.year = :year', { year: filter.year });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.visibleTo)
      query.andWhere(':agency = ANY(i.involved_agency_ids)', { agency: filter.visibleTo });
    return query;
  }

  listItems(filter: ItemFilter): Promise<SupervisionItemEntity[]> {
    return this.filtered(filter).orderBy('i.created_at', 'DESC').addOrderBy('i.id').getMany();
  }

  /**
   * The items `listItems(filter)` lists, counted per responsible department, light and status in
   * one statement; of each group, those open and past due at `asOf`, and those open and due from
   * `asOf` to the end of its calendar week (Sunday 24:00 Asia/Shanghai).
   */
  countItems(filter: ItemFilter, asOf: Date): Promise<ItemCountRow[]> {
    const weekEnd = `((date_trunc('week', CAST(:asOf AS timestamptz) AT TIME ZONE 'Asia/Shanghai') + interval '7 days') AT TIME ZONE 'Asia/Shanghai')`;
    return this.filtered(filter)
      .select('i.responsible_department_id', 'departmentId')
      .addSelect('i.light', 'light')
      .addSelect('i.status', 'status')
      .addSelect('count(*)::int', 'count')
      .addSelect(
        `count(*) FILTER (WHERE i.status = 'OPEN' AND i.due_at < CAST(:asOf AS timestamptz))::int`,
        'overdue',
      )
      .addSelect(
        `count(*) FILTER (WHERE i.status = 'OPEN' AND i.due_at >= CAST(:asOf AS timestamptz) AND i.due_at < ${weekEnd})::int`,
        'dueThisWeek',
      )
      .setParameter('asOf', asOf)
      .groupBy('i.responsible_department_id')
      .addGroupBy('i.light')
      .addGroupBy('i.status')
      .orderBy('i.responsible_department_id', 'ASC', 'NULLS LAST')
      .addOrderBy('i.light', 'ASC', 'NULLS LAST')
      .addOrderBy('i.status', 'ASC')
      .getRawMany<ItemCountRow>();
  }

  /** Open items `listItems(filter)` lists that are due in [from, before), earliest first, at most `limit`. */
  itemsDue(
    filter: ItemFilter,
    window: { from: Date | null; before: Date },
    limit: number,
  ): Promise<SupervisionItemEntity[]> {
    const query = this.filtered({ ...filter, status: 'OPEN' })
      .andWhere('i.due_at < :before', { before: window.before })
      .orderBy('i.due_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit);
    if (window.from) query.andWhere('i.due_at >= :from', { from: window.from });
    return query.getMany();
  }

  /** Items each agency is responsible for or involved in. */
  async itemsByAgencyIds(
    agencyIds: readonly string[],
  ): Promise<{ agencyId: string; item: SupervisionItemEntity }[]> {
    const items = await this.manager
      .createQueryBuilder(SupervisionItemEntity, 'i')
      .where(
        'i.responsible_department_id IN (:...ids) OR i.involved_agency_ids && CAST(:idArray AS uuid[])',
        {
          ids: agencyIds,
          idArray: agencyIds,
        },
      )
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return items.flatMap((item) =>
      agencyIds
        .filter((id) => item.responsibleDepartmentId === id || item.involvedAgencyIds.includes(id))
        .map((agencyId) => ({ agencyId, item })),
    );
  }

  updatesByItemIds(itemIds: readonly string[]): Promise<SupervisionItemUpdateEntity[]> {
    return this.manager.find(SupervisionItemUpdateEntity, {
      where: { itemId: In([...itemIds]) },
      order: { at: 'ASC' },
    });
  }

  milestonesByItemIds(itemIds: readonly string[]): Promise<MilestoneEntity[]> {
    return this.manager.find(MilestoneEntity, {
      where: { itemId: In([...itemIds]) },
      order: { dueOn: 'ASC', createdAt: 'ASC' },
    });
  }

  milestonesByIds(ids: readonly string[]): Promise<MilestoneEntity[]> {
    return this.manager.find(MilestoneEntity, { where: { id: In([...ids]) } });
  }

  async insertItem(item: Partial<SupervisionItemEntity>): Promise<void> {
    await this.manager.insert(SupervisionItemEntity, item);
  }

  async insertMilestone(milestone: Partial<MilestoneEntity>): Promise<void> {
    await this.manager.insert(MilestoneEntity, milestone);
  }

  /** Several timeline entries in one statement. */
  async insertUpdates(updates: Partial<SupervisionItemUpdateEntity>[]): Promise<void> {
    if (updates.length > 0) await this.manager.insert(SupervisionItemUpdateEntity, updates);
  }
}
