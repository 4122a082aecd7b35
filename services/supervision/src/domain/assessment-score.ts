import { localDateOf } from '@eco/calendar';
import { isInTaskBook, platformOf } from './categories';
import type { SupervisionCategory } from './categories';
import type { PeriodLight } from './lights';
import { lightFromPlan } from './plan-light';
import type { MilestoneFact } from './plan-light';

/**
 * 督促检查工作考核评议标准 (seed 001 annex 5): a department's supervision score for a year, out of
 * 20 — clarity 3, timeliness 5, completion 12 — computed only from the facts passed in, which the
 * result repeats so anyone can check it. Pure.
 */
export const MAX_POINTS = { clarity: 3, timeliness: 5, completion: 12 } as const;
/** "三次报送滞后的，扣分": up to two late submissions cost nothing; from the third, a point each. */
export const FREE_LATE_SUBMISSIONS = 2;

export interface ScoredItem {
  id: string;
  title: string;
  category: SupervisionCategory;
  goal: string | null;
  measures: readonly string[];
  responsiblePersonId: string | null;
  milestones: readonly MilestoneFact[];
  /** The light each period of the year showed, as of the scoring instant. */
  lights: readonly PeriodLight[];
  /** The cumulative % of the item's last report of the year, if any. */
  lastCumulativePercent: number | null;
}

export interface ScoredObligation {
  itemId: string;
  period: string;
  dueAt: Date;
  submittedAt: Date | null;
}

export interface AssessmentFacts {
  departmentId: string;
  year: number;
  asOf: Date;
  /** The department's items of the year. */
  items: readonly ScoredItem[];
  /** Every report the department owed for its items, with when it arrived. */
  obligations: readonly ScoredObligation[];
}

export type ClarityCheck = 'ITEMISED' | 'LISTED' | 'PLANNED';
export type VetoRule = 'DISTRICT_LIGHT_AT_YEAR_END' | 'TWO_RED_LIGHTS' | 'SHORT_OF_PLAN';

export interface AssessmentScore {
  departmentId: string;
  year: number;
  asOf: Date;
  /** Scored before the year ended: the year-end rules judge the latest facts so far. */
  provisional: boolean;
  total: number;
  clarity: {
    points: number;
    checks: { check: ClarityCheck; passed: boolean; itemIds: string[]; detail: string }[];
  };
  timeliness: { points: number; lateSubmissions: ScoredObligation[] };
  completion: { points: number; vetoes: { rule: VetoRule; itemIds: string[]; detail: string }[] };
}

/**
 * 目标清晰度 (3): "形成工作任务项目化、项目清单化、清单计划化的不扣分" — the task book loses a point
 * for each of: 项目化 (work broken into items, each with its goal), 清单化 (each with its measures
 * and a responsible person), 计划化 (each with dated milestones). An empty task book has none.
 */
function clarity(items: readonly ScoredItem[]): AssessmentScore['clarity'] {
  const book = items.filter((i) => isInTaskBook(i.category));
  const failing = (ok: (i: ScoredItem) => boolean) => book.filter((i) => !ok(i)).map((i) => i.id);
  const check = (name: ClarityCheck, offending: string[], detail: string) => ({
    check: name,
    passed: book.length > 0 && offending.length === 0,
    itemIds: offending,
    detail: book.length === 0 ? 'the task book is empty' : detail,
  });
  const checks = [
    check(
      'ITEMISED',
      failing((i) => Boolean(i.goal)),
      '项目化: every task-book item states its goal',
    ),
    check(
      'LISTED',
      failing((i) => i.measures.length > 0 && i.responsiblePersonId !== null),
      '清单化: every item lists its measures and a responsible person',
    ),
    check(
      'PLANNED',
      failing((i) => i.milestones.length > 0),
      '计划化: every item has dated milestones',
    ),
  ];
  return { points: MAX_POINTS.clarity - checks.filter((c) => !c.passed).length, checks };
}

/** 及时度 (5): a report not in by its deadline (late, or still missing) is a late submission. */
function timeliness(facts: AssessmentFacts): AssessmentScore['timeliness'] {
  const asOf = facts.asOf.getTime();
  const lateSubmissions = facts.obligations
    .filter((o) => o.dueAt.getTime() <= asOf && localDateOf(o.dueAt).startsWith(String(facts.year)))
    .filter((o) => {
      const arrived = o.submittedAt && o.submittedAt.getTime() <= asOf ? o.submittedAt : null;
      return arrived === null || arrived.getTime() > o.dueAt.getTime();
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const deducted = Math.max(0, lateSubmissions.length - FREE_LATE_SUBMISSIONS);
  return { points: Math.max(0, MAX_POINTS.timeliness - deducted), lateSubmissions };
}

/**
 * 完成度 (12), vetoed to 0 by any of:
 * - 区委区府重点工作以区督查平台年底是否亮灯为一票否决: a district key task whose last light of the
 *   year is yellow or red ("亮灯": green is no warning light);
 * - 过程中亮两次红灯同为一票否决: two red lights in the year among the department's district key tasks;
 * - 其它不在区督查平台的重点工作…完成情况与年初计划差距明显: key work off the district platform whose
 *   progress at year end, against its task-book plan, is seriously behind (the plan light is red).
 */
function completion(facts: AssessmentFacts, yearEndDate: string): AssessmentScore['completion'] {
  const districtTasks = facts.items.filter((i) => i.category === 'DISTRICT_KEY_TASK');
  const vetoes: AssessmentScore['completion']['vetoes'] = [];
  const litAtYearEnd = districtTasks.filter((i) => {
    const last = i.lights[i.lights.length - 1];
    return last !== undefined && last.light !== 'GREEN';
  });
  if (litAtYearEnd.length > 0) {
    vetoes.push({
      rule: 'DISTRICT_LIGHT_AT_YEAR_END',
      itemIds: litAtYearEnd.map((i) => i.id),
      detail: `${litAtYearEnd.length} district key task(s) still lit yellow or red at year end`,
    });
  }
  const reds = districtTasks.flatMap((i) => i.lights.filter((l) => l.light === 'RED').map(() => i.id));
  if (reds.length >= 2) {
    vetoes.push({
      rule: 'TWO_RED_LIGHTS',
      itemIds: [...new Set(reds)],
      detail: `${reds.length} red lights in the year on district key tasks`,
    });
  }
  const offPlatformKeyWork = facts.items.filter(
    (i) => platformOf(i.category) !== 'DISTRICT_ONLINE_SUPERVISION' && isInTaskBook(i.category),
  );
  const short = offPlatformKeyWork.filter(
    (i) => lightFromPlan(i.milestones, i.lastCumulativePercent, yearEndDate).light === 'RED',
  );
  if (short.length > 0) {
    vetoes.push({
      rule: 'SHORT_OF_PLAN',
      itemIds: short.map((i) => i.id),
      detail: `${short.length} item(s) off the district platform clearly short of the plan by ${yearEndDate}`,
    });
  }
  return { points: vetoes.length > 0 ? 0 : MAX_POINTS.completion, vetoes };
}

export function computeAssessmentScore(facts: AssessmentFacts): AssessmentScore {
  const yearEnd = `${facts.year}-12-31`;
  const asOfDate = localDateOf(facts.asOf);
  const provisional = asOfDate < yearEnd;
  const parts = {
    clarity: clarity(facts.items),
    timeliness: timeliness(facts),
    completion: completion(facts, provisional ? asOfDate : yearEnd),
  };
  return {
    departmentId: facts.departmentId,
    year: facts.year,
    asOf: facts.asOf,
    provisional,
    total: parts.clarity.points + parts.timeliness.points + parts.completion.points,
    ...parts,
  };
}
