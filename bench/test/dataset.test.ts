import { agencyIdOf } from '@eco/demo-data';
import { buildDataset } from '../src/data/build-dataset';
import type { Dataset } from '../src/data/dataset';

type Row = Record<string, unknown>;

describe('the generated district', () => {
  let dataset: Dataset;
  const rows = (table: string): Row[] => dataset.tables.find((t) => t.table === table)?.rows ?? [];
  const ids = (table: string, column = 'id') => new Set(rows(table).map((r) => r[column] as string));

  beforeAll(() => {
    dataset = buildDataset({ scale: 0.05 });
  });

  it('has about 220 agencies, the seed organisations among them under their stable ids', () => {
    expect(rows('agencies.agencies')).toHaveLength(220);
    expect(ids('agencies.agencies').has(agencyIdOf('zhuqiao'))).toBe(true);
    expect(ids('agencies.agencies').size).toBe(220);
  });

  it('keeps the seed proportions: about three measures per problem, most problems from confirmed findings', () => {
    const problems = rows('rectification.problems');
    const measures = rows('rectification.measures');
    expect(measures.length / problems.length).toBeGreaterThan(2.5);
    expect(measures.length / problems.length).toBeLessThan(3.5);
    const fromFindings = problems.filter((p) => p['source_finding_id'] !== null).length;
    expect(fromFindings / problems.length).toBeGreaterThan(0.5);
  });

  it('gives the benchmarked township an inbox larger than a 200-row page, at any scale', () => {
    expect(dataset.facts.inboxTaskCount).toBeGreaterThanOrEqual(260);
    const tasks = rows('agencies.coordination_tasks').filter((t) => t['agency_id'] === agencyIdOf('zhuqiao'));
    expect(tasks).toHaveLength(dataset.facts.inboxTaskCount);
  });

  it('links every task to a real measure or supervised item that names its agency', () => {
    const measures = new Map(rows('rectification.measures').map((m) => [m['id'], m]));
    const items = new Map(rows('supervision.items').map((i) => [i['id'], i]));
    for (const task of rows('agencies.coordination_tasks')) {
      const subject =
        task['subject_kind'] === 'MEASURE' ? measures.get(task['subject_id']) : items.get(task['subject_id']);
      const named = (subject?.[
        task['subject_kind'] === 'MEASURE' ? 'coordinating_agency_ids' : 'involved_agency_ids'
      ] ?? []) as string[];
      expect(named).toContain(task['agency_id']);
    }
  });

  it("lets an agency see every problem of its measures, and the finding it came from (row-level security's rules)", () => {
    const problems = new Map(rows('rectification.problems').map((p) => [p['id'], p]));
    const grants = new Set(
      rows('inspections.finding_grants').map((g) => `${g['finding_id']}|${g['agency_id']}`),
    );
    for (const measure of rows('rectification.measures')) {
      const problem = problems.get(measure['problem_id'])!;
      for (const agency of measure['coordinating_agency_ids'] as string[]) {
        expect(problem['visible_to_agency_ids']).toContain(agency);
        if (problem['source_finding_id'])
          expect(grants.has(`${problem['source_finding_id']}|${agency}`)).toBe(true);
      }
    }
  });

  it('mirrors every agency update on the owning timeline and leaves its event in the outbox and both inboxes', () => {
    const updates = rows('agencies.task_updates');
    const outbox = rows('agencies.outbox');
    expect(outbox).toHaveLength(updates.length);
    const mirrored = [...rows('rectification.measure_updates'), ...rows('supervision.item_updates')].filter(
      (u) => String(u['kind']).startsWith('AGENCY_'),
    );
    expect(mirrored).toHaveLength(updates.length);
    const eventIds = new Set(outbox.map((o) => o['event_id']));
    for (const entry of mirrored) expect(eventIds.has(entry['source_event_id'])).toBe(true);
    expect(rows('rectification.inbox').filter((i) => eventIds.has(i['event_id']))).toHaveLength(
      outbox.length,
    );
    expect(rows('supervision.inbox').filter((i) => eventIds.has(i['event_id']))).toHaveLength(outbox.length);
  });

  it('hands the benchmarks tasks a partner may still report progress on', () => {
    const statuses = new Map(rows('agencies.coordination_tasks').map((t) => [t['id'], t['status']]));
    expect(dataset.facts.actionableTasks.length).toBeGreaterThan(100);
    for (const task of dataset.facts.actionableTasks)
      expect(['ACKNOWLEDGED', 'IN_PROGRESS']).toContain(statuses.get(task.taskId));
  });

  it('comes out the same size for the same seed', () => {
    const again = buildDataset({ scale: 0.05 });
    expect(again.tables.map((t) => [t.table, t.rows.length])).toEqual(
      dataset.tables.map((t) => [t.table, t.rows.length]),
    );
  });
});
