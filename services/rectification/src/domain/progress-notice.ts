import { shanghaiInstant } from '@eco/calendar';
import { chineseDate } from '@eco/exports';
import type { DisciplineFiguresEntity } from '../persistence/discipline-figures.entity';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { ProblemEntity } from '../persistence/problem.entity';

export interface ProgressNotice {
  asOf: string;
  aspects: number;
  problems: number;
  problemsCompleted: number;
  measures: number;
  measuresCompleted: number;
  /** Long-term measures (长期坚持) whose mechanism is not yet established. */
  measuresLongTerm: number;
  /** Dated measures not yet completed. */
  measuresInProgress: number;
  problemCompletionRate: number;
  measureCompletionRate: number;
  discipline: Omit<DisciplineFiguresEntity, 'campaignId' | 'recordedByPersonId' | 'recordedAt'> | null;
  summaryZh: string;
}

const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;

/**
 * The public progress notice (seed 004) as of the end of a day: problems opened by then, each
 * completed when every one of its measures was completed by then; a measure completed before its
 * completion time was recorded (completedAt null) counts as completed at any cut-off.
 */
export function computeProgressNotice(
  asOf: string,
  problems: readonly Pick<ProblemEntity, 'id' | 'aspect' | 'openedAt'>[],
  measures: readonly Pick<MeasureEntity, 'problemId' | 'status' | 'deadlineKind' | 'completedAt'>[],
  figures: DisciplineFiguresEntity | null,
): ProgressNotice {
  const cutOff = shanghaiInstant(asOf, '24:00').getTime();
  const counted = problems.filter((p) => p.openedAt.getTime() < cutOff);
  const ids = new Set(counted.map((p) => p.id));
  const ofProblems = measures.filter((m) => ids.has(m.problemId));
  const done = (m: (typeof ofProblems)[number]) =>
    m.status === 'COMPLETED' && (m.completedAt === null || m.completedAt.getTime() < cutOff);
  const openProblems = new Set(ofProblems.filter((m) => !done(m)).map((m) => m.problemId));
  const withMeasures = new Set(ofProblems.map((m) => m.problemId));
  const problemsCompleted = counted.filter((p) => withMeasures.has(p.id) && !openProblems.has(p.id)).length;
  const measuresCompleted = ofProblems.filter(done).length;
  const measuresLongTerm = ofProblems.filter((m) => !done(m) && m.deadlineKind === 'LONG_TERM').length;
  const aspects = new Set(counted.map((p) => p.aspect).filter((a): a is string => !!a)).size;
  const discipline = figures
    ? {
        asOf: figures.asOf,
        casesFiled: figures.casesFiled,
        peopleDisciplined: figures.peopleDisciplined,
        admonishmentTalks: figures.admonishmentTalks,
        regulationsCreated: figures.regulationsCreated,
        regulationsRevised: figures.regulationsRevised,
      }
    : null;
  const summary = [
    `截至${chineseDate(asOf)}，${aspects > 0 ? `${aspects}个方面` : ''}${counted.length}项问题已完成整改${problemsCompleted}项；`,
    `提出整改措施${ofProblems.length}条，已经完成${measuresCompleted}条。`,
    discipline
      ? `党纪政务立案${discipline.casesFiled}件，党纪政务处分${discipline.peopleDisciplined}人。` +
        `诫勉谈话${discipline.admonishmentTalks}人。` +
        `已新建制度${discipline.regulationsCreated}项，修订完善${discipline.regulationsRevised}项。`
      : '',
  ].join('');
  return {
    asOf,
    aspects,
    problems: counted.length,
    problemsCompleted,
    measures: ofProblems.length,
    measuresCompleted,
    measuresLongTerm,
    measuresInProgress: ofProblems.length - measuresCompleted - measuresLongTerm,
    problemCompletionRate: rate(problemsCompleted, counted.length),
    measureCompletionRate: rate(measuresCompleted, ofProblems.length),
    discipline,
    summaryZh: summary,
  };
}
