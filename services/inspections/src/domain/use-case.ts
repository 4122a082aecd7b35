import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { EventActor } from '@eco/events';
import { CONFLICT, DomainError, rowScopeOf } from '@eco/subgraph';
import type { SubgraphRuntime } from '@eco/subgraph';
import type { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import type { InspectionTargetEntity } from '../persistence/inspection-target.entity';
import { ActivityStore } from '../persistence/activity.store';
import { ChecklistStore } from '../persistence/checklist.store';
import { InspectionsStore } from '../persistence/inspections.store';
import { TargetStore } from '../persistence/target.store';
import { canRunRounds } from './access-policy';
import { inspectionsError, InspectionsErrorCode } from './inspections.errors';
import type { InspectionPhase } from './target-phase';

export const PRODUCER = 'inspections';

/** One transaction's view of the stores. */
export interface Tx {
  manager: EntityManager;
  rounds: InspectionsStore;
  targets: TargetStore;
  checklist: ChecklistStore;
  activities: ActivityStore;
}

/** The service's clock; tests may pass a fixed one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** What every inspections use case shares: the caller, one transaction per use case, common guards. */
export abstract class InspectionsUseCases {
  constructor(
    protected readonly runtime: SubgraphRuntime,
    protected readonly principal: Principal,
    protected readonly clock: Clock = systemClock,
  ) {}

  protected assertCanRun(): void {
    if (!canRunRounds(this.principal)) {
      throw inspectionsError(
        InspectionsErrorCode.Forbidden,
        'only the inspection group and bureau leaders may do this',
      );
    }
  }

  /** One use case, one transaction (its outbox events included); the relay is nudged after commit. */
  protected inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.runtime.transaction(rowScopeOf(this.principal), (manager) =>
      work({
        manager,
        rounds: new InspectionsStore(manager),
        targets: new TargetStore(manager),
        checklist: new ChecklistStore(manager),
        activities: new ActivityStore(manager),
      }),
    );
  }

  protected actor(): EventActor {
    return {
      personId: this.principal.personId,
      agencyId: this.principal.agencyId,
      name: this.principal.name,
    };
  }

  /** The round, locked for this transaction; refused when missing or closed. */
  protected async openRound(tx: Tx, id: string, field = 'roundId'): Promise<InspectionRoundEntity> {
    const round = await tx.rounds.lockRound(id);
    if (!round) {
      throw inspectionsError(InspectionsErrorCode.RoundNotFound, 'no such inspection round', [
        { field, message: 'not found' },
      ]);
    }
    if (round.status === 'CLOSED') {
      throw inspectionsError(InspectionsErrorCode.RoundClosed, 'this inspection round is closed');
    }
    return round;
  }

  /** The target (locked: its writes are serialised) and its open round. */
  protected async openTarget(
    tx: Tx,
    id: string,
  ): Promise<{ target: InspectionTargetEntity; round: InspectionRoundEntity }> {
    const target = await tx.targets.lockTarget(id);
    if (!target) {
      throw inspectionsError(InspectionsErrorCode.TargetNotFound, 'no such inspection target', [
        { field: 'targetId', message: 'not found' },
      ]);
    }
    const [round] = await tx.rounds.roundsByIds([target.roundId]);
    if (round!.status === 'CLOSED') {
      throw inspectionsError(InspectionsErrorCode.RoundClosed, 'this inspection round is closed');
    }
    return { target, round: round! };
  }

  protected assertPhase(
    target: InspectionTargetEntity,
    allowed: readonly InspectionPhase[],
    what: string,
  ): void {
    if (!allowed.includes(target.phase)) {
      throw inspectionsError(
        InspectionsErrorCode.WrongPhase,
        `${what} belongs to phase ${allowed.join(' or ')}; the unit is in ${target.phase}`,
      );
    }
  }
}

/** CONFLICT before any rule is judged, when the caller read an older version than the locked row's. */
export function assertVersion(record: { version: number }, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && expected !== record.version) {
    throw new DomainError(
      CONFLICT,
      `the record is at version ${record.version}, not ${expected}; reload it and retry`,
      [],
      record.version,
    );
  }
}
