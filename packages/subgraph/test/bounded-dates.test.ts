import { Kind } from 'graphql';
import { BoundedDateTime, BoundedLocalDate } from '../src';

/** graphql-scalars accepts year 0000, which PostgreSQL refuses: the bounded scalars refuse it first. */
describe('the bounded date scalars', () => {
  it('accept the years the system holds', () => {
    expect(BoundedLocalDate.parseValue('2023-09-22')).toBe('2023-09-22');
    expect(BoundedDateTime.parseValue('2199-12-31T15:00:00Z')).toEqual(new Date('2199-12-31T15:00:00Z'));
  });

  it.each(['0000-01-01', '1899-12-31', '2200-01-01'])('refuse %s, as a value and as a literal', (date) => {
    expect(() => BoundedLocalDate.parseValue(date)).toThrow('a date must fall in the years 1900 to 2199');
    expect(() => BoundedLocalDate.parseLiteral({ kind: Kind.STRING, value: date }, {})).toThrow(
      /1900 to 2199/,
    );
    expect(() => BoundedDateTime.parseValue(`${date}T00:00:00Z`)).toThrow(/1900 to 2199/);
  });

  it('still refuse what graphql-scalars refuses', () => {
    expect(() => BoundedLocalDate.parseValue('2023-02-30')).toThrow();
    expect(() => BoundedDateTime.parseValue('not a date')).toThrow();
  });
});
