import { completionText } from '../src';
import type { LedgerMeasure } from '../src';

const measure = (overrides: Partial<LedgerMeasure>): LedgerMeasure => ({
  sequence: '1',
  text: '整改措施',
  deadline: { kind: 'MONTH_END', dueOn: '2023-09-30', label: '9月底' },
  status: 'NOT_STARTED',
  ...overrides,
});

describe('整改完成情况 of a measure', () => {
  it('says where the measure stands, when it was done, its evidence and the office’s check', () => {
    expect(completionText(measure({}))).toBe('未启动。');
    expect(completionText(measure({ status: 'IN_PROGRESS' }))).toBe('推进中。');
    expect(
      completionText(
        measure({
          status: 'COMPLETED',
          completedOn: '2023-09-27',
          evidenceNotes: ['立案号：20230414049'],
          verification: 'ACCEPTED',
        }),
      ),
    ).toBe('已完成（2023年9月27日）。立案号：20230414049。已对账。');
    expect(completionText(measure({ status: 'COMPLETED', verification: 'RETURNED' }))).toBe(
      '已完成。对账退回。',
    );
  });

  it('speaks of the mechanism for a long-term measure (长期坚持)', () => {
    const longTerm = { kind: 'LONG_TERM', label: '长期坚持' } as const;
    expect(completionText(measure({ deadline: longTerm, status: 'IN_PROGRESS' }))).toBe('持续推进。');
    expect(
      completionText(measure({ deadline: longTerm, status: 'COMPLETED', verification: 'SUBMITTED' })),
    ).toBe('长效机制已建立。待对账。');
  });
});
