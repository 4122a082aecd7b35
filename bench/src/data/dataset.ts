import type { Principal } from '@eco/auth';
import { createWorkingCalendar } from '@eco/calendar';
import type { WorkingCalendar } from '@eco/calendar';
import { SeededRandom } from './random';

/** Rows for one table (snake_case keys, as the migrations name the columns), loaded after `after`. */
export interface TableRows {
  /** Schema-qualified, e.g. `rectification.measures`. */
  table: string;
  rows: Record<string, unknown>[];
  /** Tables whose rows must be in first (foreign keys). */
  after: string[];
}

/** A task a partner may act on (signed for, not yet asking for completion). */
export interface ActionableTask {
  taskId: string;
  agencyId: string;
  subjectKind: 'MEASURE' | 'SUPERVISION_ITEM';
  subjectId: string;
  personId: string;
  personName: string;
}

/** What the benchmarks need to know about the generated data. */
export interface DatasetFacts {
  scale: number;
  /** The demo township whose inbox the inbox benchmark reads (祝桥镇): enough tasks for a 200-row page. */
  inboxAccount: Principal;
  inboxTaskCount: number;
  /** Liaisons of the busiest partner agencies, to spread reads over several inboxes. */
  busyPartners: Principal[];
  /** Tasks partners may report progress on, spread over many agencies. */
  actionableTasks: ActionableTask[];
  /** An internal user who may read the ledger, the notice and every supervised item. */
  internalAccount: Principal;
  /** The largest campaign: what the dashboard benchmark reads. */
  dashboardCampaignId: string;
  dashboardAsOf: string;
}

export interface Dataset {
  tables: TableRows[];
  facts: DatasetFacts;
}

/** Shared state of one generation: the seeded random source, the calendar, and the rows so far. */
export class DatasetBuilder {
  readonly random: SeededRandom;
  readonly calendar: WorkingCalendar = createWorkingCalendar();
  private readonly byTable = new Map<string, TableRows>();

  constructor(
    readonly scale: number,
    seed: number,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** `base` work items at scale 1, scaled (never fewer than `minimum`). */
  count(base: number, minimum = 1): number {
    return Math.max(minimum, Math.round(base * this.scale));
  }

  table(table: string, after: string[] = []): Record<string, unknown>[] {
    let entry = this.byTable.get(table);
    if (!entry) {
      entry = { table, rows: [], after };
      this.byTable.set(table, entry);
    }
    return entry.rows;
  }

  /** An instant uniformly between two others. */
  instantBetween(from: Date, to: Date): Date {
    return new Date(from.getTime() + this.random.next() * (to.getTime() - from.getTime()));
  }

  /** An instant some hours after another (bounded by `notAfter`). */
  later(from: Date, minHours: number, maxHours: number, notAfter = new Date()): Date {
    const at = from.getTime() + (minHours + this.random.next() * (maxHours - minHours)) * 3_600_000;
    return new Date(Math.min(at, notAfter.getTime()));
  }

  tables(): TableRows[] {
    return [...this.byTable.values()].filter((t) => t.rows.length > 0);
  }
}
