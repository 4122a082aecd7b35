import { agencyIdOf, stableId } from './stable-id';
import type { DemoMeasure, DemoProblem } from './seed-003-campaign';

/**
 * Seed 004: the municipal bureau's public notice on its inspection rectification. As of 2025-09-10,
 * 59 of the 64 problems (in 8 aspects) and 179 of the 186 measures were completed; 11 cases filed,
 * 9 people disciplined, 6 admonishment talks, 18 regulations created and 7 revised.
 */
export const SEED_004_NOTICE = {
  feedbackOn: '2025-02-28',
  asOf: '2025-09-10',
  aspects: 8,
  problems: 64,
  problemsCompleted: 59,
  measures: 186,
  measuresCompleted: 179,
  discipline: {
    casesFiled: 11,
    peopleDisciplined: 9,
    admonishmentTalks: 6,
    regulationsCreated: 18,
    regulationsRevised: 7,
  },
} as const;

export interface Seed004Measure extends DemoMeasure {
  /** When it was completed (Shanghai date), for completed measures. */
  completedOn: string | null;
}

export interface Seed004Problem extends Omit<DemoProblem, 'measures'> {
  measures: Seed004Measure[];
}

/**
 * A campaign with seed 004's proportions (its problems are not published item by item): 8 aspects of
 * 8 problems; 58 problems with 3 measures and 6 with 2 (186); the last 5 problems hold the 7 open
 * measures — 3 long-term ones not yet established and 4 dated ones in progress. Ids are stable.
 */
export function seed004Problems(campaignCode = 'seed-004'): Seed004Problem[] {
  const departments = ['sanitation', 'env-inspection', 'infrastructure', 'general-office', 'hr', 'finance'];
  const open = new Map<number, number>([
    [60, 1],
    [61, 1],
    [62, 1],
    [63, 2],
    [64, 2],
  ]);
  let openLongTerm = 3;
  return Array.from({ length: SEED_004_NOTICE.problems }, (_, i) => {
    const n = i + 1;
    const department = agencyIdOf(departments[i % departments.length]!);
    const measureCount = n <= 58 ? 3 : 2;
    const openCount = open.get(n) ?? 0;
    const measures = Array.from({ length: measureCount }, (_, j): Seed004Measure => {
      const isOpen = j >= measureCount - openCount;
      const longTerm = isOpen && openLongTerm > 0 && j === measureCount - 1 ? (openLongTerm--, true) : false;
      const month = 3 + ((i + j) % 6);
      return {
        id: stableId('measure', `${campaignCode}:${n}.${j + 1}`),
        sequence: String(j + 1),
        text: `第${n}项问题整改措施${j + 1}`,
        responsibleAgencyId: department,
        coordinatingAgencyIds: [],
        deadline: longTerm
          ? { kind: 'LONG_TERM', label: '长期坚持' }
          : { kind: 'MONTH_END', dueOn: `2025-${String(month).padStart(2, '0')}-01`, label: `${month}月底` },
        status: isOpen ? 'IN_PROGRESS' : 'COMPLETED',
        evidenceNotes: isOpen ? [] : [`整改材料第${n}-${j + 1}号`],
        completedOn: isOpen ? null : `2025-${String(month).padStart(2, '0')}-20`,
      };
    });
    return {
      id: stableId('problem', `${campaignCode}:${n}`),
      number: String(n),
      sourceNumber: String(n),
      aspect: `第${Math.floor(i / 8) + 1}方面`,
      title: `巡视反馈问题${n}`,
      description: `巡视反馈的第${n}个具体问题`,
      leadLeaderId: stableId('person', 'kang-yongliang'),
      responsibleDepartmentId: department,
      coordinatingAgencyIds: [],
      measures,
    };
  });
}
