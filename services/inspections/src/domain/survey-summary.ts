/**
 * Seed 000 §五(二)2: after the mobilisation meeting everyone who attended fills in the group's
 * questionnaire on the satisfaction of cadres and staff (干部群众满意度) and with the leadership team
 * (领导班子满意度); the group summarises the answers per unit.
 */
export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export interface SurveyAnswer {
  staffSatisfaction: SatisfactionLevel;
  leadershipSatisfaction: SatisfactionLevel;
}

export interface SatisfactionTally {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** (satisfied + basically satisfied) / answers, four decimals; null without answers. */
  satisfactionRate: number | null;
}

export interface SurveySummary {
  /** Attendees of the mobilisation meeting (who were to answer); null before it is recorded. */
  attendees: number | null;
  responses: number;
  /** responses / attendees, four decimals; null without attendees. */
  responseRate: number | null;
  staffSatisfaction: SatisfactionTally;
  leadershipSatisfaction: SatisfactionTally;
}

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

function tally(levels: SatisfactionLevel[]): SatisfactionTally {
  const count = (level: SatisfactionLevel) => levels.filter((l) => l === level).length;
  const satisfied = count('SATISFIED');
  const basicallySatisfied = count('BASICALLY_SATISFIED');
  return {
    satisfied,
    basicallySatisfied,
    dissatisfied: count('DISSATISFIED'),
    satisfactionRate: rate(satisfied + basicallySatisfied, levels.length),
  };
}

export function summariseSurvey(answers: readonly SurveyAnswer[], attendees: number | null): SurveySummary {
  return {
    attendees,
    responses: answers.length,
    responseRate: attendees === null ? null : rate(answers.length, attendees),
    staffSatisfaction: tally(answers.map((a) => a.staffSatisfaction)),
    leadershipSatisfaction: tally(answers.map((a) => a.leadershipSatisfaction)),
  };
}
