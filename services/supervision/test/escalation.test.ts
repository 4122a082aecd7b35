import { assessEscalation, newEscalation } from '../src/domain/escalation';
import type { EscalationRule, OfficerFlag } from '../src/domain/escalation';
import type { Light } from '../src/domain/lights';
import { addMonths } from '../src/domain/periods';

const LIGHT: Record<string, Light> = { G: 'GREEN', Y: 'YELLOW', R: 'RED' };

/** 'GYYR' → monthly lights from January 2026. */
const lights = (sequence: string) =>
  [...sequence].map((c, i) => ({ period: addMonths('2026-01', i), light: LIGHT[c]! }));

const flag = (kind: OfficerFlag['kind'], raisedBy: OfficerFlag['raisedBy'], id = 'f1'): OfficerFlag => ({
  id,
  kind,
  raisedBy,
});

interface Row {
  seed: string;
  lights?: string;
  overLimit?: number;
  flags?: OfficerFlag[];
  level: 0 | 1 | 2 | 3;
  /** The rules that fire at the level reached. */
  rules: EscalationRule[];
}

/**
 * Seed 001 §三(六) 约谈问询, clause by clause:
 * 一级: 超限报告二次或连续二次亮黄灯的;
 * 二级: 连续三次亮黄灯(含红灯)或连续二次亮红灯的, 超限报告超过三次(含三次)的; 区分管领导在全区性会议上点名批评、推进进度严重滞后的;
 * 三级: 连续四次亮黄灯(含红灯)或连续三次亮红灯的; 区主要领导在全区性会议上点名批评、推进进度严重滞后的.
 */
const rows: Row[] = [
  { seed: 'no lights, no reports: nothing', level: 0, rules: [] },
  { seed: 'one yellow: nothing', lights: 'GGY', level: 0, rules: [] },
  { seed: 'yellow, green, yellow: not consecutive', lights: 'YGY', level: 0, rules: [] },
  { seed: '一级: 连续二次亮黄灯', lights: 'GYY', level: 1, rules: ['CONSECUTIVE_YELLOW'] },
  {
    seed: '一级: yellow then red is two in a row (红灯 counts as yellow)',
    lights: 'GYR',
    level: 1,
    rules: ['CONSECUTIVE_YELLOW'],
  },
  { seed: '一级: 超限报告二次', overLimit: 2, level: 1, rules: ['OVER_LIMIT_REPORTS'] },
  { seed: 'one over-limit report: nothing', overLimit: 1, level: 0, rules: [] },
  { seed: '二级: 连续三次亮黄灯', lights: 'YYY', level: 2, rules: ['CONSECUTIVE_YELLOW'] },
  {
    seed: '二级: 连续三次亮黄灯（含红灯）— yellow, red, yellow',
    lights: 'YRY',
    level: 2,
    rules: ['CONSECUTIVE_YELLOW'],
  },
  { seed: '二级: 连续二次亮红灯', lights: 'GRR', level: 2, rules: ['CONSECUTIVE_RED'] },
  {
    seed: 'red, yellow, red: three in a row, no two reds in a row',
    lights: 'RYR',
    level: 2,
    rules: ['CONSECUTIVE_YELLOW'],
  },
  { seed: '二级: 超限报告三次（含三次）', overLimit: 3, level: 2, rules: ['OVER_LIMIT_REPORTS'] },
  { seed: '二级: more than three over-limit reports', overLimit: 5, level: 2, rules: ['OVER_LIMIT_REPORTS'] },
  {
    seed: '二级: 区分管领导在全区性会议上点名批评',
    flags: [flag('NAMED_CRITICISM', 'DISTRICT_DEPUTY_LEADER')],
    level: 2,
    rules: ['NAMED_CRITICISM'],
  },
  {
    seed: '二级: 推进进度严重滞后 (said by a district deputy leader)',
    flags: [flag('SERIOUSLY_BEHIND', 'DISTRICT_DEPUTY_LEADER')],
    level: 2,
    rules: ['SERIOUSLY_BEHIND'],
  },
  { seed: '三级: 连续四次亮黄灯', lights: 'GYYYY', level: 3, rules: ['CONSECUTIVE_YELLOW'] },
  {
    seed: '三级: 连续四次亮黄灯（含红灯）— yellow, red, yellow, red',
    lights: 'YRYR',
    level: 3,
    rules: ['CONSECUTIVE_YELLOW'],
  },
  { seed: '三级: 连续三次亮红灯', lights: 'GRRR', level: 3, rules: ['CONSECUTIVE_RED'] },
  {
    seed: '三级: 区主要领导在全区性会议上点名批评',
    flags: [flag('NAMED_CRITICISM', 'DISTRICT_PRINCIPAL_LEADER')],
    level: 3,
    rules: ['NAMED_CRITICISM'],
  },
  {
    seed: '三级: 推进进度严重滞后 (said by the district principal leader)',
    flags: [flag('SERIOUSLY_BEHIND', 'DISTRICT_PRINCIPAL_LEADER')],
    level: 3,
    rules: ['SERIOUSLY_BEHIND'],
  },
  {
    seed: 'a green ends the run: yellow, yellow, green, yellow',
    lights: 'YYGY',
    level: 1,
    rules: ['CONSECUTIVE_YELLOW'],
  },
  {
    seed: 'over-limit and lights together: the highest level wins',
    lights: 'YY',
    overLimit: 3,
    level: 2,
    rules: ['OVER_LIMIT_REPORTS'],
  },
];

describe('escalation interviews (约谈问询) derived from lights, over-limit reports and flags', () => {
  it.each(rows)(
    '$seed → level $level',
    ({ lights: sequence = '', overLimit = 0, flags = [], level, rules }) => {
      const result = assessEscalation({
        assessed: true,
        lights: lights(sequence),
        overLimitReports: overLimit,
        flags,
      });
      expect(result.level).toBe(level);
      expect(
        [...new Set(result.triggers.filter((t) => t.level === level).map((t) => t.rule))].sort(),
      ).toEqual([...rules].sort());
    },
  );

  it('keeps every lower-level trigger too: three reds are L1 (two in a row), L2 (three, and two reds) and L3', () => {
    const { triggers } = assessEscalation({
      assessed: true,
      lights: lights('RRR'),
      overLimitReports: 0,
      flags: [],
    });
    expect(triggers.map((t) => t.key).sort()).toEqual([
      '1:CONSECUTIVE_YELLOW:2026-01',
      '2:CONSECUTIVE_RED:2026-01',
      '2:CONSECUTIVE_YELLOW:2026-01',
      '3:CONSECUTIVE_RED:2026-01',
    ]);
  });

  it('reads the lights in period order whatever order they come in', () => {
    const shuffled = [...lights('GYY')].reverse();
    expect(assessEscalation({ assessed: true, lights: shuffled, overLimitReports: 0, flags: [] }).level).toBe(
      1,
    );
  });

  it('escalates only work in the district assessment (对纳入区级机关绩效考核的工作)', () => {
    const result = assessEscalation({
      assessed: false,
      lights: lights('RRRR'),
      overLimitReports: 5,
      flags: [flag('NAMED_CRITICISM', 'DISTRICT_PRINCIPAL_LEADER')],
    });
    expect(result).toEqual({ level: 0, triggers: [] });
  });

  describe('opening interviews', () => {
    const assess = (sequence: string, overLimit = 0) =>
      assessEscalation({ assessed: true, lights: lights(sequence), overLimitReports: overLimit, flags: [] });

    it('opens one interview at the highest new level, answering all new triggers', () => {
      const opened = newEscalation(assess('YR'), new Set());
      expect(opened?.level).toBe(1);
      const next = newEscalation(assess('YRR'), new Set(opened!.triggers.map((t) => t.key)));
      expect(next?.level).toBe(2);
      expect(next!.triggers.map((t) => t.key).sort()).toEqual([
        '2:CONSECUTIVE_RED:2026-02',
        '2:CONSECUTIVE_YELLOW:2026-01',
      ]);
    });

    it('opens nothing when the same facts are evaluated again', () => {
      const first = newEscalation(assess('YY'), new Set())!;
      expect(newEscalation(assess('YY'), new Set(first.triggers.map((t) => t.key)))).toBeNull();
    });

    it('opens again for a new run after a green light', () => {
      const first = newEscalation(assess('YY'), new Set())!;
      const again = newEscalation(assess('YYGYY'), new Set(first.triggers.map((t) => t.key)));
      expect(again?.triggers.map((t) => t.key)).toEqual(['1:CONSECUTIVE_YELLOW:2026-04']);
    });

    it('opens level 2 when a third over-limit report comes after level 1 for the second', () => {
      const first = newEscalation(assess('', 2), new Set())!;
      expect(first.level).toBe(1);
      expect(newEscalation(assess('', 3), new Set(first.triggers.map((t) => t.key)))?.level).toBe(2);
    });
  });
});
