import type { Light, PeriodLight } from './lights';

/**
 * 约谈问询 (seed 001 §三(六)): three levels of interview for work in the district's performance
 * assessment, derived from the item's light history, its over-limit reports and the flags the
 * officer records. Pure: the same facts always give the same triggers.
 */
export type EscalationLevel = 1 | 2 | 3;

/** Who talks to whom at each level (牵头部门负责人→项目具体负责人, 局分管领导→部门负责人, 局主要领导→分管领导). */
export const INTERVIEW_PARTIES: Record<
  EscalationLevel,
  { interviewer: InterviewRole; interviewee: InterviewRole }
> = {
  1: { interviewer: 'DEPARTMENT_HEAD', interviewee: 'PROJECT_OWNER' },
  2: { interviewer: 'DEPUTY_CHIEF', interviewee: 'DEPARTMENT_HEAD' },
  3: { interviewer: 'BUREAU_CHIEF', interviewee: 'DEPUTY_CHIEF' },
};
export type InterviewRole = 'PROJECT_OWNER' | 'DEPARTMENT_HEAD' | 'DEPUTY_CHIEF' | 'BUREAU_CHIEF';

/** Who raised a flag at a district-wide meeting: 区分管领导 (level 2) or 区主要领导 (level 3). */
export type FlagRaiser = 'DISTRICT_DEPUTY_LEADER' | 'DISTRICT_PRINCIPAL_LEADER';

export interface OfficerFlag {
  id: string;
  /** 点名批评 or 推进进度严重滞后, each as said by a district leader; both are the officer's to record. */
  kind: 'NAMED_CRITICISM' | 'SERIOUSLY_BEHIND';
  raisedBy: FlagRaiser;
}

export type EscalationRule =
  'OVER_LIMIT_REPORTS' | 'CONSECUTIVE_YELLOW' | 'CONSECUTIVE_RED' | 'NAMED_CRITICISM' | 'SERIOUSLY_BEHIND';

export interface EscalationTrigger {
  level: EscalationLevel;
  rule: EscalationRule;
  /**
   * Identifies the occasion, so re-evaluating the same facts finds the same trigger and a new run
   * of lights (after a green) triggers again: e.g. `2:CONSECUTIVE_YELLOW:2024-03` for the run that
   * began in March 2024, `1:OVER_LIMIT_REPORTS`, `3:NAMED_CRITICISM:<flag id>`.
   */
  key: string;
  /** The periods of the run, for light rules. */
  periods: string[];
  detail: string;
}

export interface EscalationFacts {
  /** Only work in the district's performance assessment is escalated (对纳入区级机关绩效考核的工作). */
  assessed: boolean;
  /** The light each period showed, in any order. */
  lights: readonly PeriodLight[];
  overLimitReports: number;
  flags: readonly OfficerFlag[];
}

export interface EscalationAssessment {
  /** The highest level triggered; 0 when none. */
  level: 0 | EscalationLevel;
  triggers: EscalationTrigger[];
}

/** Level 1: 超限报告二次; level 2: 超限报告超过三次（含三次）. */
export const OVER_LIMIT_THRESHOLDS: readonly [EscalationLevel, number][] = [
  [1, 2],
  [2, 3],
];
/** 连续N次亮黄灯（含红灯）: 2 for level 1, 3 for level 2, 4 for level 3. */
export const YELLOW_RUN_THRESHOLDS: readonly [EscalationLevel, number][] = [
  [1, 2],
  [2, 3],
  [3, 4],
];
/** 连续N次亮红灯: 2 for level 2, 3 for level 3. */
export const RED_RUN_THRESHOLDS: readonly [EscalationLevel, number][] = [
  [2, 2],
  [3, 3],
];

interface Run {
  periods: string[];
}

/** Maximal runs of consecutive entries of the history that satisfy `counts`. */
function runs(history: readonly PeriodLight[], counts: (light: Light) => boolean): Run[] {
  const found: Run[] = [];
  let current: string[] = [];
  for (const entry of history) {
    if (counts(entry.light)) current.push(entry.period);
    else if (current.length > 0) {
      found.push({ periods: current });
      current = [];
    }
  }
  if (current.length > 0) found.push({ periods: current });
  return found;
}

const byPeriod = (a: PeriodLight, b: PeriodLight) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);

export function assessEscalation(facts: EscalationFacts): EscalationAssessment {
  if (!facts.assessed) return { level: 0, triggers: [] };
  const history = [...facts.lights].sort(byPeriod);
  const triggers: EscalationTrigger[] = [];

  // Red counts as yellow (含红灯) at every level: a yellow then a red is two lights in a row.
  for (const run of runs(history, (light) => light !== 'GREEN')) {
    for (const [level, length] of YELLOW_RUN_THRESHOLDS) {
      if (run.periods.length < length) continue;
      triggers.push({
        level,
        rule: 'CONSECUTIVE_YELLOW',
        key: `${level}:CONSECUTIVE_YELLOW:${run.periods[0]}`,
        periods: run.periods.slice(0, length),
        detail: `${length} consecutive yellow lights (red counts as yellow) from ${run.periods[0]}: 连续${length}次亮黄灯（含红灯）`,
      });
    }
  }
  for (const run of runs(history, (light) => light === 'RED')) {
    for (const [level, length] of RED_RUN_THRESHOLDS) {
      if (run.periods.length < length) continue;
      triggers.push({
        level,
        rule: 'CONSECUTIVE_RED',
        key: `${level}:CONSECUTIVE_RED:${run.periods[0]}`,
        periods: run.periods.slice(0, length),
        detail: `${length} consecutive red lights from ${run.periods[0]}: 连续${length}次亮红灯`,
      });
    }
  }
  for (const [level, count] of OVER_LIMIT_THRESHOLDS) {
    if (facts.overLimitReports < count) continue;
    triggers.push({
      level,
      rule: 'OVER_LIMIT_REPORTS',
      key: `${level}:OVER_LIMIT_REPORTS`,
      periods: [],
      detail: `${facts.overLimitReports} over-limit reports (${level === 1 ? '超限报告二次' : '超限报告超过三次（含三次）'})`,
    });
  }
  for (const flag of facts.flags) {
    const level: EscalationLevel = flag.raisedBy === 'DISTRICT_PRINCIPAL_LEADER' ? 3 : 2;
    const who = level === 3 ? '区主要领导' : '区分管领导';
    triggers.push({
      level,
      rule: flag.kind,
      key: `${level}:${flag.kind}:${flag.id}`,
      periods: [],
      detail:
        flag.kind === 'NAMED_CRITICISM'
          ? `${who}在全区性会议上点名批评`
          : `${who}在全区性会议上指出推进进度严重滞后`,
    });
  }
  const level = triggers.reduce<0 | EscalationLevel>((max, t) => (t.level > max ? t.level : max), 0);
  return { level, triggers };
}

/**
 * The escalation to open now, if any: the triggers never seen before (by key) make one interview at
 * the highest of their levels, which answers all of them (a third red in a row raises level 3, not
 * also a second level 2). Null when every trigger has been acted on already.
 */
export function newEscalation(
  assessment: EscalationAssessment,
  seenKeys: ReadonlySet<string>,
): { level: EscalationLevel; triggers: EscalationTrigger[] } | null {
  const fresh = assessment.triggers.filter((t) => !seenKeys.has(t.key));
  if (fresh.length === 0) return null;
  const level = fresh.reduce<EscalationLevel>((max, t) => (t.level > max ? t.level : max), 1);
  return { level, triggers: fresh };
}
