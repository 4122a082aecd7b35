import { summariseSurvey } from '../src/domain/survey-summary';
import type { SatisfactionLevel } from '../src/domain/survey-summary';

const answer = (staffSatisfaction: SatisfactionLevel, leadershipSatisfaction: SatisfactionLevel) => ({
  staffSatisfaction,
  leadershipSatisfaction,
});

describe("a unit's satisfaction survey summary", () => {
  it('tallies staff and leadership satisfaction separately, with rates over the answers and the attendees', () => {
    const answers = [
      answer('SATISFIED', 'SATISFIED'),
      answer('SATISFIED', 'BASICALLY_SATISFIED'),
      answer('BASICALLY_SATISFIED', 'DISSATISFIED'),
      answer('DISSATISFIED', 'SATISFIED'),
      answer('SATISFIED', 'SATISFIED'),
      answer('SATISFIED', 'DISSATISFIED'),
    ];
    expect(summariseSurvey(answers, 8)).toEqual({
      attendees: 8,
      responses: 6,
      responseRate: 0.75,
      staffSatisfaction: { satisfied: 4, basicallySatisfied: 1, dissatisfied: 1, satisfactionRate: 0.8333 },
      leadershipSatisfaction: {
        satisfied: 3,
        basicallySatisfied: 1,
        dissatisfied: 2,
        satisfactionRate: 0.6667,
      },
    });
  });

  it('has no rates before any answer or meeting', () => {
    expect(summariseSurvey([], null)).toEqual({
      attendees: null,
      responses: 0,
      responseRate: null,
      staffSatisfaction: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionRate: null },
      leadershipSatisfaction: {
        satisfied: 0,
        basicallySatisfied: 0,
        dissatisfied: 0,
        satisfactionRate: null,
      },
    });
  });
});
