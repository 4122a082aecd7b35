import { localDateOf } from '@eco/calendar';
import { agencyIdOf } from '@eco/demo-data';
import { buildCoordination } from './coordination-rows';
import { DatasetBuilder } from './dataset';
import type { Dataset } from './dataset';
import { buildDirectory } from './directory-rows';
import { buildInspections } from './inspection-rows';
import { buildRectification } from './rectification-rows';
import { buildSupervision } from './supervision-rows';

export interface DatasetOptions {
  /** 1 ≈ 2,400 findings, 3,000 problems, 8,700 measures, 10,000 tasks and 230,000 rows in all. */
  scale: number;
  seed?: number;
  /** The benchmarked inbox (祝桥镇) gets at least this many tasks, so a 200-row page is full. */
  minimumInboxTasks?: number;
}

/** The whole generated district, in memory, ready to load; the proportions follow the seeds. */
export function buildDataset(options: DatasetOptions): Dataset {
  const b = new DatasetBuilder(options.scale, options.seed ?? 20_260_101);
  const directory = buildDirectory(b);
  const inboxAgencyId = agencyIdOf('zhuqiao');
  const findings = buildInspections(b, directory);
  const rectification = buildRectification(
    b,
    directory,
    findings,
    inboxAgencyId,
    options.minimumInboxTasks ?? 260,
  );
  const items = buildSupervision(b, directory);
  const { actionable, tasksPerAgency } = buildCoordination(b, directory, rectification.measures, items);

  const busiest = [...tasksPerAgency.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8);
  return {
    tables: b.tables(),
    facts: {
      scale: options.scale,
      inboxAccount: directory.liaisonOf.get(inboxAgencyId)!,
      inboxTaskCount: tasksPerAgency.get(inboxAgencyId) ?? 0,
      busyPartners: busiest.map(([agencyId]) => directory.liaisonOf.get(agencyId)!),
      actionableTasks: actionable,
      internalAccount: directory.rectificationOffice,
      dashboardCampaignId: rectification.largestCampaignId,
      dashboardAsOf: localDateOf(new Date()),
    },
  };
}
