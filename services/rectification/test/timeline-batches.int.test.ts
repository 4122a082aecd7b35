import { randomUUID } from 'node:crypto';
import { agencyIdOf } from '@eco/demo-data';
import { applyRowScope } from '@eco/db';
import type { EventEnvelope, PayloadOf, taskProgressReportedV1 } from '@eco/events';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { timelineFromProgress } from '../src/events/timeline-from-agency-updates.handler';
import { createCampaign, mutate } from './support/rectification-fixtures';

jest.setTimeout(60_000);

type Progress = EventEnvelope<PayloadOf<typeof taskProgressReportedV1>>;

const zhuqiao = agencyIdOf('zhuqiao');
const caolu = agencyIdOf('caolu');

/**
 * Agencies' progress reports applied as a batch (`handleMany`, what the consumer uses when events
 * arrive faster than it commits): the same effect as one event after another, in one read and one
 * insert; and a batch holding an update the measure's agencies did not send is refused whole.
 */
describe('progress reports applied to measure timelines in a batch', () => {
  let t: TestStack;
  let measures: string[];

  const progress = (measureId: string, agencyId: string, note: string, minute: number): Progress => ({
    id: randomUUID(),
    subject: 'agencies.task.progress-reported.v1',
    occurredAt: new Date().toISOString(),
    producer: 'agencies',
    actor: null,
    payload: {
      taskId: randomUUID(),
      agencyId,
      subjectKind: 'MEASURE',
      subjectId: measureId,
      personId: randomUUID(),
      personName: '祝桥镇联络员（测试）',
      updateId: randomUUID(),
      note,
      evidence: [],
      reportedAt: `2023-10-09T02:${String(minute).padStart(2, '0')}:00.000Z`,
    },
  });
  const applyMany = (events: Progress[]) =>
    t.stack.subgraphs.rectification.runtime.dataSource.transaction(async (manager) => {
      await applyRowScope(manager, 'all');
      await timelineFromProgress.handleMany!(manager, events);
    });
  const measureRows = () =>
    t.stack.subgraphs.rectification.runtime.dataSource.transaction(async (manager) => {
      await applyRowScope(manager, 'all');
      return manager.query(
        `SELECT m.id, m.status, array_agg(u.note ORDER BY u.at) FILTER (WHERE u.kind = 'AGENCY_PROGRESS') AS notes
           FROM rectification.measures m LEFT JOIN rectification.measure_updates u ON u.measure_id = m.id
          WHERE m.id = ANY($1::uuid[]) GROUP BY m.id`,
        [measures],
      ) as Promise<{ id: string; status: string; notes: string[] | null }[]>;
    });

  beforeAll(async () => {
    t = await startTestStack({ label: 'rectification-timeline-batches', demo: 'directory' });
    const office = await t.tokenFor('demo-rectification-office');
    const campaignId = await createCampaign(t, office);
    const { problem } = await mutate<{ problem: { id: string } }>(
      t,
      office,
      'openProblem',
      'OpenProblemInput',
      {
        campaignId,
        number: '1',
        title: '河道垃圾',
        description: '河道两侧垃圾堆放。',
        responsibleDepartmentId: agencyIdOf('sanitation'),
      },
      'problem { id }',
    );
    measures = [];
    for (const text of ['清理河道两侧垃圾。', '建立巡查机制。']) {
      const { measure } = await mutate<{ measure: { id: string } }>(
        t,
        office,
        'addMeasure',
        'AddMeasureInput',
        { problemId: problem.id, text, deadline: { kind: 'LONG_TERM' }, coordinatingAgencyIds: [zhuqiao] },
        'measure { id }',
      );
      measures.push(measure.id);
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a batch holding an update from an agency the measure does not name, and writes nothing', async () => {
    await expect(
      applyMany([progress(measures[0]!, zhuqiao, '已清理一段', 1), progress(measures[1]!, caolu, '冒名', 2)]),
    ).rejects.toThrow(`agency ${caolu} is not assigned measure ${measures[1]}`);
    const rows = await measureRows();
    expect(rows.map((r) => [r.status, r.notes])).toEqual([
      ['NOT_STARTED', null],
      ['NOT_STARTED', null],
    ]);
  });

  it('appends every update of the batch to its measure in order, and starts the measures not yet started', async () => {
    await applyMany([
      progress(measures[0]!, zhuqiao, '已清理东岸', 3),
      progress(measures[1]!, zhuqiao, '巡查制度起草中', 4),
      progress(measures[0]!, zhuqiao, '已清理西岸', 5),
    ]);
    const rows = new Map((await measureRows()).map((r) => [r.id, r]));
    expect(rows.get(measures[0]!)).toMatchObject({
      status: 'IN_PROGRESS',
      notes: ['已清理东岸', '已清理西岸'],
    });
    expect(rows.get(measures[1]!)).toMatchObject({ status: 'IN_PROGRESS', notes: ['巡查制度起草中'] });
  });
});
