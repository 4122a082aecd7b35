import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AgencyEntity } from './agency.entity';
import { MembershipEntity } from './membership.entity';
import type { AgencyKind } from './agency.entity';
import { CoordinationTaskEntity } from './coordination-task.entity';
import type { CoordinationTaskStatus } from './coordination-task.entity';
import { PersonEntity } from './person.entity';
import { TaskUpdateEntity } from './task-update.entity';

export interface TaskPageQuery {
  agencyId: string;
  statuses?: CoordinationTaskStatus[] | null;
  dueBefore?: Date | null;
  dueAfter?: Date | null;
  /** Keyset: only tasks older than this sequence number. */
  beforeSeq?: string | null;
  limit: number;
}

/** All SQL of the agencies subgraph. Every read takes many keys at once (one statement). */
export class AgenciesStore {
  constructor(private readonly manager: EntityManager) {}

  agenciesByIds(ids: readonly string[]): Promise<AgencyEntity[]> {
    return this.manager.find(AgencyEntity, { where: { id: In([...ids]) } });
  }

  listAgencies(kinds?: readonly AgencyKind[] | null): Promise<AgencyEntity[]> {
    return this.manager.find(AgencyEntity, {
      where: kinds?.length ? { kind: In([...kinds]) } : {},
      order: { kind: 'ASC', code: 'ASC' },
    });
  }

  peopleByIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return this.manager.find(PersonEntity, { where: { id: In([...ids]) } });
  }

  peopleByAgencyIds(agencyIds: readonly string[]): Promise<PersonEntity[]> {
    return this.manager.find(PersonEntity, {
      where: { agencyId: In([...agencyIds]) },
      order: { name: 'ASC' },
    });
  }

  membershipsByPersonIds(personIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.manager.find(MembershipEntity, { where: { personId: In([...personIds]) } });
  }

  membershipsByAgencyIds(agencyIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.manager.find(MembershipEntity, { where: { agencyId: In([...agencyIds]) } });
  }

  async upsertMemberships(memberships: Partial<MembershipEntity>[]): Promise<void> {
    if (memberships.length === 0) return;
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(MembershipEntity)
      .values(memberships)
      .orIgnore()
      .execute();
  }

  tasksByIds(ids: readonly string[]): Promise<CoordinationTaskEntity[]> {
    return this.manager.find(CoordinationTaskEntity, { where: { id: In([...ids]) } });
  }

  updatesByTaskIds(taskIds: readonly string[]): Promise<TaskUpdateEntity[]> {
    return this.manager.find(TaskUpdateEntity, {
      where: { taskId: In([...taskIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  private filteredTasks(query: Omit<TaskPageQuery, 'limit' | 'beforeSeq'>) {
    const builder = this.manager
      .createQueryBuilder(CoordinationTaskEntity, 't')
      .where('t.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.statuses?.length) builder.andWhere('t.status IN (:...statuses)', { statuses: query.statuses });
    if (query.dueBefore) builder.andWhere('t.due_at < :dueBefore', { dueBefore: query.dueBefore });
    if (query.dueAfter) builder.andWhere('t.due_at >= :dueAfter', { dueAfter: query.dueAfter });
    return builder;
  }

  /** One page of an agency's inbox, newest first, plus one extra row to tell whether more follow. */
  pageTasks(query: TaskPageQuery): Promise<CoordinationTaskEntity[]> {
    const builder = this.filteredTasks(query)
      .orderBy('t.seq', 'DESC')
      .limit(query.limit + 1);
    if (query.beforeSeq) builder.andWhere('t.seq < :beforeSeq', { beforeSeq: query.beforeSeq });
    return builder.getMany();
  }

  countTasks(query: Omit<TaskPageQuery, 'limit' | 'beforeSeq'>): Promise<number> {
    return this.filteredTasks(query).getCount();
  }

  /** Opens a task unless the agency already has one for that subject (events may repeat). */
  async insertTaskIfAbsent(task: Partial<CoordinationTaskEntity>): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(CoordinationTaskEntity)
      .values(task)
      .orIgnore()
      .execute();
  }

  /**
   * Moves a task from one status to the next only if nobody changed it meanwhile; returns false when
   * the task was not in `from` at `version` (a concurrent change won).
   */
  async transitionTask(
    taskId: string,
    version: number,
    from: CoordinationTaskStatus[],
    changes: Partial<
      Pick<CoordinationTaskEntity, 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'completionRequestedAt'>
    >,
  ): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(CoordinationTaskEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :taskId AND version = :version AND status IN (:...from)', { taskId, version, from })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async insertUpdate(update: Partial<TaskUpdateEntity>): Promise<void> {
    await this.manager.insert(TaskUpdateEntity, update);
  }

  async upsertAgencies(agencies: Partial<AgencyEntity>[]): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(AgencyEntity).values(agencies).orIgnore().execute();
  }

  async upsertPeople(people: Partial<PersonEntity>[]): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(PersonEntity).values(people).orIgnore().execute();
  }
}
