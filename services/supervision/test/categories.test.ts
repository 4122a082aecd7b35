import { isAssessed, isInTaskBook, platformOf, SUPERVISION_CATEGORIES } from '../src/domain/categories';

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

describe('where items are reported (三大平台)', () => {
  it('puts the seven district-platform kinds, the big survey and the direct line on their platforms', () => {
    const onPlatform = SUPERVISION_CATEGORIES.filter((c) => platformOf(c) !== null);
    expect(onPlatform.filter((c) => platformOf(c) === 'DISTRICT_ONLINE_SUPERVISION')).toHaveLength(7);
    expect(platformOf('BIG_SURVEY')).toBe('BIG_SURVEY');
    expect(platformOf('TOWNSHIP_DIRECT_LINE')).toBe('TOWNSHIP_DIRECT_LINE');
    expect(SUPERVISION_CATEGORIES.filter((c) => platformOf(c) === null)).toEqual([
      'PRACTICAL_PROJECT',
      'LIVELIHOOD_PROJECT',
      'BUREAU_KEY_TASK',
      'HIGHER_AUTHORITY_TASK',
      'CHIEF_CONCERN',
    ]);
  });

  it('leaves ad-hoc kinds out of the task book', () => {
    expect(SUPERVISION_CATEGORIES.filter((c) => !isInTaskBook(c))).toEqual([
      'LEADER_INSTRUCTION',
      'LEADER_MEETING_RESEARCH',
      'MEDIA_OVERSIGHT',
      'TOWNSHIP_DIRECT_LINE',
    ]);
  });
});
