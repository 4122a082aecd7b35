import { isAssessed, SUPERVISION_CATEGORIES } from '../src/domain/categories';

describe('supervision categories', () => {
  it('mark exactly the starred kinds of seed 001 as assessed', () => {
    expect(SUPERVISION_CATEGORIES.filter(isAssessed)).toEqual([
      'DISTRICT_KEY_TASK',
      'PRACTICAL_PROJECT',
      'LIVELIHOOD_PROJECT',
      'BIG_SURVEY',
    ]);
  });

  it('cover the seven platform kinds and the other six categories', () => {
    expect(SUPERVISION_CATEGORIES).toHaveLength(14);
  });
});
