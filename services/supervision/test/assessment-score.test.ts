import { shanghaiInstant } from '@eco/calendar';
import { computeAssessmentScore } from '../src/domain/assessment-score';
import type { AssessmentFacts, ScoredItem, ScoredObligation, VetoRule } from '../src/domain/assessment-score';
import type { Light } from '../src/domain/lights';

const DEPARTMENT = '00000000-0000-4000-8000-000000000001';
const YEAR_END = shanghaiInstant('2027-01-05', '09:00');

/** A well-planned task-book item: goal, measures, responsible person, milestones all done. */
function item(overrides: Partial<ScoredItem> & { id: string }): ScoredItem {
  return {
    title: overrides.id,
    category: 'BUREAU_KEY_TASK',
    goal: '预期目标',
    measures: ['举措'],
    responsiblePersonId: '00000000-0000-4000-8000-0000000000aa',
    milestones: [{ description: '节点', dueOn: '2026-06-30', targetPercent: 50, completedOn: '2026-06-20' }],
    lights: [],
    lastCumulativePercent: 100,
    ...overrides,
  };
}

const lit = (...lights: [string, Light][]) => lights.map(([period, light]) => ({ period, light }));

function obligation(period: string, lateBy: number | null): ScoredObligation {
  const dueAt = shanghaiInstant(`${period}-20`, '17:30');
  return {
    itemId: 'a',
    period,
    dueAt,
    submittedAt: lateBy === null ? null : new Date(dueAt.getTime() + lateBy * 3_600_000),
  };
}

const facts = (overrides: Partial<AssessmentFacts>): AssessmentFacts => ({
  departmentId: DEPARTMENT,
  year: 2026,
  asOf: YEAR_END,
  items: [item({ id: 'a' })],
  obligations: [],
  ...overrides,
});

describe('the supervision assessment score (考核评议标准, seed 001 annex 5)', () => {
  it('gives full marks, 3 + 5 + 12 = 20, to a clear plan reported on time and completed', () => {
    const score = computeAssessmentScore(facts({ obligations: [obligation('2026-03', -1)] }));
    expect(score).toMatchObject({
      total: 20,
      provisional: false,
      clarity: { points: 3 },
      timeliness: { points: 5, lateSubmissions: [] },
      completion: { points: 12, vetoes: [] },
    });
  });

  describe('completion (完成度 12): every veto rule', () => {
    const rows: { seed: string; items: ScoredItem[]; vetoes: VetoRule[] }[] = [
      {
        seed: '区委区府重点工作以区督查平台年底是否亮灯为一票否决: yellow at year end',
        items: [
          item({
            id: 'd',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-11', 'GREEN'], ['2026-12', 'YELLOW']),
          }),
        ],
        vetoes: ['DISTRICT_LIGHT_AT_YEAR_END'],
      },
      {
        seed: '…red at year end (one red: the light veto alone)',
        items: [item({ id: 'd', category: 'DISTRICT_KEY_TASK', lights: lit(['2026-12', 'RED']) })],
        vetoes: ['DISTRICT_LIGHT_AT_YEAR_END'],
      },
      {
        seed: 'a district key task green at year end after a yellow: no veto',
        items: [
          item({
            id: 'd',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-05', 'YELLOW'], ['2026-12', 'GREEN']),
          }),
        ],
        vetoes: [],
      },
      {
        seed: '过程中亮两次红灯同为一票否决: two reds during the year, green at the end',
        items: [
          item({
            id: 'd',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-03', 'RED'], ['2026-04', 'GREEN'], ['2026-07', 'RED'], ['2026-12', 'GREEN']),
          }),
        ],
        vetoes: ['TWO_RED_LIGHTS'],
      },
      {
        seed: 'two reds on two different district key tasks of the department',
        items: [
          item({
            id: 'd1',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-03', 'RED'], ['2026-12', 'GREEN']),
          }),
          item({
            id: 'd2',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-08', 'RED'], ['2026-12', 'GREEN']),
          }),
        ],
        vetoes: ['TWO_RED_LIGHTS'],
      },
      {
        seed: 'one red in the year, green at the end: no veto',
        items: [
          item({
            id: 'd',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-03', 'RED'], ['2026-12', 'GREEN']),
          }),
        ],
        vetoes: [],
      },
      {
        seed: 'two reds on a non-district item (lights of other kinds do not veto)',
        items: [
          item({
            id: 'm',
            category: 'MUNICIPAL_KEY_TASK',
            lights: lit(['2026-03', 'RED'], ['2026-04', 'RED']),
          }),
        ],
        vetoes: [],
      },
      {
        seed: '不在区督查平台的重点工作…与年初计划差距明显: two milestones missed',
        items: [
          item({
            id: 'b',
            milestones: [
              { description: '一', dueOn: '2026-05-31', targetPercent: null, completedOn: null },
              { description: '二', dueOn: '2026-10-31', targetPercent: null, completedOn: null },
            ],
          }),
        ],
        vetoes: ['SHORT_OF_PLAN'],
      },
      {
        seed: '…progress 20 points or more behind the plan',
        items: [
          item({
            id: 'p',
            category: 'PRACTICAL_PROJECT',
            lastCumulativePercent: 75,
            milestones: [
              { description: '竣工', dueOn: '2026-11-30', targetPercent: 100, completedOn: '2026-12-20' },
            ],
          }),
        ],
        vetoes: ['SHORT_OF_PLAN'],
      },
      {
        seed: 'off the platform, slightly behind (one milestone late): no veto',
        items: [
          item({
            id: 'b',
            lastCumulativePercent: 95,
            milestones: [{ description: '一', dueOn: '2026-12-10', targetPercent: 100, completedOn: null }],
          }),
        ],
        vetoes: [],
      },
      {
        seed: 'every veto at once',
        items: [
          item({
            id: 'd',
            category: 'DISTRICT_KEY_TASK',
            lights: lit(['2026-10', 'RED'], ['2026-12', 'RED']),
          }),
          item({
            id: 'c',
            category: 'CHIEF_CONCERN',
            milestones: [
              { description: '一', dueOn: '2026-05-31', targetPercent: 40, completedOn: null },
              { description: '二', dueOn: '2026-10-31', targetPercent: 60, completedOn: null },
            ],
          }),
        ],
        vetoes: ['DISTRICT_LIGHT_AT_YEAR_END', 'TWO_RED_LIGHTS', 'SHORT_OF_PLAN'],
      },
    ];

    it.each(rows)('$seed', ({ items, vetoes }) => {
      const score = computeAssessmentScore(facts({ items }));
      expect(score.completion.vetoes.map((v) => v.rule)).toEqual(vetoes);
      expect(score.completion.points).toBe(vetoes.length > 0 ? 0 : 12);
    });

    it('names the items behind each veto', () => {
      const score = computeAssessmentScore(
        facts({
          items: [
            item({ id: 'd1', category: 'DISTRICT_KEY_TASK', lights: lit(['2026-12', 'YELLOW']) }),
            item({ id: 'd2', category: 'DISTRICT_KEY_TASK', lights: lit(['2026-12', 'GREEN']) }),
          ],
        }),
      );
      expect(score.completion.vetoes).toEqual([expect.objectContaining({ itemIds: ['d1'] })]);
    });

    it('judges the year-end light provisionally on the latest light before the year is out', () => {
      const score = computeAssessmentScore(
        facts({
          asOf: shanghaiInstant('2026-09-01', '09:00'),
          items: [item({ id: 'd', category: 'DISTRICT_KEY_TASK', lights: lit(['2026-08', 'YELLOW']) })],
        }),
      );
      expect(score.provisional).toBe(true);
      expect(score.completion.vetoes.map((v) => v.rule)).toEqual(['DISTRICT_LIGHT_AT_YEAR_END']);
    });
  });

  describe('timeliness (及时度 5): deducted after three late submissions', () => {
    const rows: { late: number; points: number }[] = [
      { late: 0, points: 5 },
      { late: 1, points: 5 },
      { late: 2, points: 5 },
      { late: 3, points: 4 },
      { late: 4, points: 3 },
      { late: 7, points: 0 },
      { late: 9, points: 0 },
    ];
    it.each(rows)('$late late submission(s) → $points points', ({ late, points }) => {
      const obligations = Array.from({ length: 10 }, (_, i) =>
        obligation(`2026-${String(i + 1).padStart(2, '0')}`, i < late ? 5 : -5),
      );
      const score = computeAssessmentScore(facts({ obligations }));
      expect(score.timeliness.points).toBe(points);
      expect(score.timeliness.lateSubmissions).toHaveLength(late);
    });

    it('counts a report still missing after its deadline as late, and one not yet due as nothing', () => {
      const score = computeAssessmentScore(
        facts({
          asOf: shanghaiInstant('2026-06-25', '09:00'),
          obligations: [obligation('2026-05', null), obligation('2026-07', null)],
        }),
      );
      expect(score.timeliness.lateSubmissions.map((o) => o.period)).toEqual(['2026-05']);
    });

    it('replays a past instant: a report that arrived after asOf was missing then', () => {
      const score = computeAssessmentScore(
        facts({ asOf: shanghaiInstant('2026-05-21', '09:00'), obligations: [obligation('2026-05', 20)] }),
      );
      expect(score.timeliness.lateSubmissions).toHaveLength(1);
    });
  });

  describe('clarity (目标清晰度 3): 项目化、清单化、计划化', () => {
    it.each([
      { seed: 'an item without its goal (项目化)', change: { goal: null }, failed: ['ITEMISED'] },
      { seed: 'an item without measures (清单化)', change: { measures: [] }, failed: ['LISTED'] },
      {
        seed: 'an item without a responsible person (清单化)',
        change: { responsiblePersonId: null },
        failed: ['LISTED'],
      },
      {
        seed: 'an item without milestones (计划化)',
        change: { milestones: [], lastCumulativePercent: null },
        failed: ['PLANNED'],
      },
      {
        seed: 'all three missing',
        change: { goal: null, measures: [], milestones: [], lastCumulativePercent: null },
        failed: ['ITEMISED', 'LISTED', 'PLANNED'],
      },
    ])('loses a point for each failed check: $seed', ({ change, failed }) => {
      const score = computeAssessmentScore(facts({ items: [item({ id: 'a', ...change })] }));
      expect(score.clarity.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(failed);
      expect(score.clarity.points).toBe(3 - failed.length);
    });

    it('gives no clarity points for an empty task book', () => {
      expect(computeAssessmentScore(facts({ items: [] })).clarity.points).toBe(0);
    });

    it('leaves ad-hoc items (leader instructions, @件) out of the task book', () => {
      const score = computeAssessmentScore(
        facts({
          items: [
            item({ id: 'a' }),
            item({ id: 'li', category: 'LEADER_INSTRUCTION', goal: null, milestones: [] }),
          ],
        }),
      );
      expect(score.clarity.points).toBe(3);
    });
  });

  it('shows its inputs: the total is the sum of the parts it lists', () => {
    const score = computeAssessmentScore(
      facts({
        items: [
          item({ id: 'd', category: 'DISTRICT_KEY_TASK', goal: null, lights: lit(['2026-12', 'RED']) }),
        ],
        obligations: ['2026-01', '2026-02', '2026-03', '2026-04'].map((p) => obligation(p, 30)),
      }),
    );
    expect(score.total).toBe(score.clarity.points + score.timeliness.points + score.completion.points);
    expect(score).toMatchObject({ total: 2 + 3 + 0, timeliness: { lateSubmissions: expect.any(Array) } });
  });
});
