import { dueAtOf } from '../src/domain/due-at';
import { measureDeadlineInputSchema, normaliseDeadline } from '../src/domain/measure-deadline';

const deadline = (input: unknown) => normaliseDeadline(measureDeadlineInputSchema.parse(input));

describe('measure deadlines', () => {
  it('puts a month-end deadline on the last day of its month, labelled as the seed writes it', () => {
    expect(deadline({ kind: 'MONTH_END', dueOn: '2023-09-15' })).toEqual({
      kind: 'MONTH_END',
      startsOn: null,
      dueOn: '2023-09-30',
      label: '9月底',
    });
    expect(deadline({ kind: 'MONTH_END', dueOn: '2024-02-01' }).dueOn).toBe('2024-02-29');
  });

  it('keeps a date range with its start and the label given', () => {
    expect(
      deadline({
        kind: 'DATE_RANGE',
        startsOn: '2023-09-11',
        dueOn: '2023-09-14',
        label: '自9月11日起至14日',
      }),
    ).toEqual({
      kind: 'DATE_RANGE',
      startsOn: '2023-09-11',
      dueOn: '2023-09-14',
      label: '自9月11日起至14日',
    });
  });

  it('gives long-term measures (长期坚持) no date and no due instant', () => {
    const longTerm = deadline({ kind: 'LONG_TERM' });
    expect(longTerm).toEqual({ kind: 'LONG_TERM', startsOn: null, dueOn: null, label: '长期坚持' });
    expect(dueAtOf(longTerm)).toBeNull();
  });

  it('ends a dated measure at the close of the office day in Shanghai', () => {
    expect(dueAtOf(deadline({ kind: 'DATE', dueOn: '2023-09-08' }))?.toISOString()).toBe(
      '2023-09-08T09:30:00.000Z',
    );
  });

  it.each([
    [{ kind: 'DATE' }, 'dueOn'],
    [{ kind: 'DATE_RANGE', dueOn: '2023-09-14' }, 'startsOn'],
    [{ kind: 'DATE_RANGE', startsOn: '2023-09-15', dueOn: '2023-09-14' }, 'dueOn'],
    [{ kind: 'LONG_TERM', dueOn: '2023-09-14' }, 'dueOn'],
    [{ kind: 'DATE', dueOn: '14/09/2023' }, 'dueOn'],
  ])('refuses %j naming the field %s', (input, field) => {
    const result = measureDeadlineInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
