import { shanghaiInstant } from '@eco/calendar';
import { effectiveLights } from '../src/domain/lights';
import { lightFromPlan } from '../src/domain/plan-light';
import type { MilestoneFact } from '../src/domain/plan-light';

const record = (period: string, light: 'GREEN' | 'YELLOW' | 'RED', at: string, sequence: number) => ({
  period,
  light,
  recordedAt: shanghaiInstant(at.slice(0, 10), at.slice(11)),
  sequence,
});

describe('the light history', () => {
  const history = [
    record('2024-03', 'YELLOW', '2024-03-21 10:00', 1),
    record('2024-04', 'RED', '2024-04-22 10:00', 2),
    record('2024-03', 'GREEN', '2024-04-25 10:00', 3),
  ];

  it('shows each period its latest light, in period order, keeping every record', () => {
    expect(effectiveLights(history)).toEqual([
      { period: '2024-03', light: 'GREEN' },
      { period: '2024-04', light: 'RED' },
    ]);
  });

  it('replays the history as it stood at an instant', () => {
    expect(effectiveLights(history, shanghaiInstant('2024-04-23', '00:00'))).toEqual([
      { period: '2024-03', light: 'YELLOW' },
      { period: '2024-04', light: 'RED' },
    ]);
  });

  it('breaks a tie of one instant by the order of recording', () => {
    const tie = [
      record('2024-03', 'RED', '2024-03-21 10:00', 2),
      record('2024-03', 'GREEN', '2024-03-21 10:00', 1),
    ];
    expect(effectiveLights(tie)).toEqual([{ period: '2024-03', light: 'RED' }]);
  });
});

describe('lights computed from progress against milestones', () => {
  const m = (
    dueOn: string,
    completedOn: string | null,
    targetPercent: number | null = null,
  ): MilestoneFact => ({
    description: dueOn,
    dueOn,
    completedOn,
    targetPercent,
  });

  it.each([
    { seed: 'on plan', milestones: [m('2024-03-31', '2024-03-30', 30)], percent: 35, light: 'GREEN' },
    { seed: 'nothing due yet', milestones: [m('2024-09-30', null, 50)], percent: 10, light: 'GREEN' },
    { seed: 'one milestone missed', milestones: [m('2024-03-31', null)], percent: null, light: 'YELLOW' },
    {
      seed: 'done, but after the date asked about',
      milestones: [m('2024-03-31', '2024-05-01')],
      percent: null,
      light: 'YELLOW',
    },
    {
      seed: 'a little behind the planned %',
      milestones: [m('2024-03-31', '2024-03-30', 30)],
      percent: 25,
      light: 'YELLOW',
    },
    {
      seed: 'two milestones missed',
      milestones: [m('2024-02-28', null), m('2024-03-31', null)],
      percent: null,
      light: 'RED',
    },
    {
      seed: '20 points behind the plan',
      milestones: [m('2024-03-31', '2024-03-30', 60)],
      percent: 40,
      light: 'RED',
    },
  ] as const)('$seed → $light', ({ milestones, percent, light }) => {
    expect(lightFromPlan(milestones, percent, '2024-04-20').light).toBe(light);
  });

  it('gives no light without a plan to compare with', () => {
    expect(lightFromPlan([], null, '2024-04-20')).toMatchObject({
      light: null,
      reason: 'no plan to compare with',
    });
  });
});
