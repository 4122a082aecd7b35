import DataLoader from 'dataloader';
import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { EntityManager } from 'typeorm';
import { Schedules } from '../domain/reporting-facts';
import { DirectLineStore } from '../persistence/direct-line.store';
import { EscalationStore } from '../persistence/escalation.store';
import { ReportingStore } from '../persistence/reporting.store';
import { SupervisionStore } from '../persistence/supervision.store';
import { SupervisionWeeklyRollupStore } from '../persistence/weekly-rollup.store';
import { WorkflowStore } from '../persistence/workflow.store';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Like createGroupLoader, keyed by a week (a date) rather than an id. */
function weekLoader<V extends { weekOf: string }>(fetch: (weeks: readonly string[]) => Promise<V[]>) {
  return new DataLoader<string, V[]>(async (weeks) => {
    const valid = weeks.filter((w) => LOCAL_DATE.test(w));
    const rows = valid.length > 0 ? await fetch(valid) : [];
    return weeks.map((week) => rows.filter((r) => r.weekOf === week));
  });
}

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createSupervisionLoaders(reads: EntityManager) {
  const items = new SupervisionStore(reads);
  const reporting = new ReportingStore(reads);
  const escalations = new EscalationStore(reads);
  const workflow = new WorkflowStore(reads);
  const directLine = new DirectLineStore(reads);
  const rollups = new SupervisionWeeklyRollupStore(reads);
  return {
    weeklyRollup: weekLoader((weeks) => rollups.rollupsByWeeks(weeks)),
    weeklyRollupDepartments: weekLoader((weeks) => rollups.departmentsOfWeeks(weeks)),
    item: createEntityLoader(
      (ids) => items.itemsByIds(ids),
      (i) => i.id,
    ),
    itemByDirectLineItem: createEntityLoader(
      (ids) => items.itemsByDirectLineItemIds(ids),
      (i) => i.directLineItemId!,
    ),
    itemsByAgency: createGroupLoader(
      (ids) => items.itemsByAgencyIds(ids),
      (row) => row.agencyId,
    ),
    updatesByItem: createGroupLoader(
      (ids) => items.updatesByItemIds(ids),
      (u) => u.itemId,
    ),
    milestonesByItem: createGroupLoader(
      (ids) => items.milestonesByItemIds(ids),
      (m) => m.itemId,
    ),
    reportsByItem: createGroupLoader(
      (ids) => reporting.reportsByItemIds(ids),
      (r) => r.itemId,
    ),
    lightRecordsByItem: createGroupLoader(
      (ids) => reporting.lightRecordsByItemIds(ids),
      (r) => r.itemId,
    ),
    flagsByItem: createGroupLoader(
      (ids) => escalations.flagsByItemIds(ids),
      (f) => f.itemId,
    ),
    escalationsByItem: createGroupLoader(
      (ids) => escalations.escalationsByItemIds(ids),
      (e) => e.itemId,
    ),
    escalation: createEntityLoader(
      (ids) => escalations.escalationsByIds(ids),
      (e) => e.id,
    ),
    instruction: createEntityLoader(
      (ids) => workflow.instructionsByItemIds(ids),
      (i) => i.id,
    ),
    closureReport: createEntityLoader(
      (ids) => workflow.closureReportsByItemIds(ids),
      (r) => r.id,
    ),
    directLineItem: createEntityLoader(
      (ids) => directLine.itemsByIds(ids),
      (d) => d.id,
    ),
    /** The reporting schedules in force, read once per request. */
    schedules: new DataLoader<'all', Schedules>(async (keys) => {
      const schedules = new Schedules(await reporting.schedules());
      return keys.map(() => schedules);
    }),
  };
}

export type SupervisionLoaders = ReturnType<typeof createSupervisionLoaders>;
