import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventActor } from '@eco/events';
import { recordEvent, supervisionEscalationTriggeredV1, supervisionItemLightChangedV1 } from '@eco/events';
import type { EscalationEntity } from '../persistence/escalation.entity';
import { EscalationStore } from '../persistence/escalation.store';
import { LightRecordEntity } from '../persistence/light-record.entity';
import { ReportingStore } from '../persistence/reporting.store';
import { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { SupervisionStore } from '../persistence/supervision.store';
import { INTERVIEW_PARTIES, newEscalation } from './escalation';
import type { EscalationAssessment } from './escalation';
import { escalationStatusOf } from './escalation-status';
import { effectiveLights } from './lights';
import type { Light, LightSource } from './lights';

/** Everything escalation reads about one item, straight from the stored facts. */
async function escalationFactsOf(
  manager: EntityManager,
  item: SupervisionItemEntity,
): Promise<{ assessment: EscalationAssessment; seenKeys: Set<string> }> {
  const reporting = new ReportingStore(manager);
  const escalations = new EscalationStore(manager);
  const [records, reports, flags, existing] = await Promise.all([
    reporting.lightRecordsByItemIds([item.id]),
    reporting.reportsByItemIds([item.id]),
    escalations.flagsByItemIds([item.id]),
    escalations.escalationsByItemIds([item.id]),
  ]);
  const assessment = escalationStatusOf(item, records, reports, flags);
  const seenKeys = new Set(existing.flatMap((e) => e.triggers.map((t) => t.key)));
  return { assessment, seenKeys };
}

/**
 * Re-derives an item's escalation from its stored facts and opens the interview its new triggers
 * call for, with the event, in the caller's transaction. The item row is locked first, so two
 * changes to one item cannot both open the same interview.
 */
export async function evaluateEscalation(
  manager: EntityManager,
  itemId: string,
  now: Date,
  actor: EventActor,
): Promise<EscalationEntity | null> {
  const item = await new SupervisionStore(manager).lockItem(itemId);
  if (!item) return null;
  const { assessment, seenKeys } = await escalationFactsOf(manager, item);
  const fresh = newEscalation(assessment, seenKeys);
  if (!fresh) return null;
  const parties = INTERVIEW_PARTIES[fresh.level];
  const personFor = (role: string) =>
    role === 'PROJECT_OWNER' ? item.responsiblePersonId : role === 'DEPUTY_CHIEF' ? item.leadLeaderId : null;
  const escalation: Partial<EscalationEntity> = {
    id: randomUUID(),
    itemId: item.id,
    level: fresh.level,
    triggers: fresh.triggers,
    state: 'TRIGGERED',
    interviewerRole: parties.interviewer,
    interviewerPersonId: personFor(parties.interviewer),
    intervieweeRole: parties.interviewee,
    intervieweePersonId: personFor(parties.interviewee),
    triggeredAt: now,
  };
  const store = new EscalationStore(manager);
  await store.insertEscalation(escalation);
  await recordEvent(
    manager,
    supervisionEscalationTriggeredV1,
    {
      escalationId: escalation.id!,
      itemId: item.id,
      title: item.title,
      level: fresh.level,
      triggers: fresh.triggers.map((t) => ({ rule: t.rule, detail: t.detail })),
      interviewerRole: parties.interviewer as 'DEPARTMENT_HEAD' | 'DEPUTY_CHIEF' | 'BUREAU_CHIEF',
      intervieweeRole: parties.interviewee as 'PROJECT_OWNER' | 'DEPARTMENT_HEAD' | 'DEPUTY_CHIEF',
      departmentId: item.responsibleDepartmentId,
      triggeredAt: now.toISOString(),
    },
    { producer: 'supervision', actor, occurredAt: now },
  );
  return (await store.escalationsByIds([escalation.id!]))[0]!;
}

export interface NewLight {
  period: string;
  light: Light;
  source: LightSource;
  reason: string | null;
}

/**
 * Appends a light to an item's history (nothing is overwritten), keeps the item's current light
 * (its latest period's), announces a change, and re-derives escalation — in the caller's
 * transaction.
 */
export async function recordLight(
  manager: EntityManager,
  item: SupervisionItemEntity,
  light: NewLight,
  now: Date,
  actor: EventActor,
): Promise<LightRecordEntity> {
  const reporting = new ReportingStore(manager);
  const before = effectiveLights(await reporting.lightRecordsByItemIds([item.id]));
  const id = randomUUID();
  await reporting.insertLightRecord({
    id,
    itemId: item.id,
    period: light.period,
    light: light.light,
    source: light.source,
    reason: light.reason,
    recordedAt: now,
    recordedByPersonId: actor?.personId ?? null,
    recordedByName: actor?.name ?? null,
  });
  const samePeriod = before.find((l) => l.period === light.period);
  const latestBefore = before[before.length - 1] ?? null;
  const previousLight = samePeriod?.light ?? latestBefore?.light ?? null;
  const isLatest = latestBefore === null || light.period >= latestBefore.period;
  if (isLatest) {
    // Derived state, not an edit: the item's version (for plan edits) stays.
    await manager.update(SupervisionItemEntity, { id: item.id }, { light: light.light });
  }
  if (previousLight !== light.light) {
    await recordEvent(
      manager,
      supervisionItemLightChangedV1,
      {
        itemId: item.id,
        title: item.title,
        period: light.period,
        light: light.light,
        previousLight,
        source: light.source,
        departmentId: item.responsibleDepartmentId,
        involvedAgencyIds: item.involvedAgencyIds,
        recordedAt: now.toISOString(),
      },
      { producer: 'supervision', actor, occurredAt: now },
    );
  }
  await evaluateEscalation(manager, item.id, now, actor);
  return (await manager.findOne(LightRecordEntity, { where: { id } }))!;
}
