import { copyColumnKind, copyText } from '../src/data/copy-text';

describe('rows as COPY text', () => {
  it('tells arrays and JSON from plain columns by their information_schema type', () => {
    expect(copyColumnKind('ARRAY', '_text')).toBe('array');
    expect(copyColumnKind('jsonb', 'jsonb')).toBe('json');
    expect(copyColumnKind('json', 'json')).toBe('json');
    expect(copyColumnKind('timestamp with time zone', 'timestamptz')).toBe('scalar');
  });

  it('writes one line per row, NULL as \\N, and escapes what would end a field or a line', () => {
    const text = copyText(
      [
        { id: 1, note: 'a\tb\nc\\d\re', done: true, at: new Date('2026-11-22T03:04:05.006Z') },
        { id: 2, done: false },
      ],
      [
        { name: 'id', kind: 'scalar' },
        { name: 'note', kind: 'scalar' },
        { name: 'done', kind: 'scalar' },
        { name: 'at', kind: 'scalar' },
      ],
    );
    expect(text).toBe('1\ta\\tb\\nc\\\\d\\re\tt\t2026-11-22T03:04:05.006Z\n2\t\\N\tf\t\\N\n');
  });

  it('writes JSON columns as JSON and array columns as quoted array literals', () => {
    const text = copyText(
      [{ payload: { note: 'x\ty', list: ['a'] }, tags: ['plain', 'with,comma', 'quote"and\\slash', null] }],
      [
        { name: 'payload', kind: 'json' },
        { name: 'tags', kind: 'array' },
      ],
    );
    expect(text).toBe(
      '{"note":"x\\\\ty","list":["a"]}\t{"plain","with,comma","quote\\\\"and\\\\\\\\slash",NULL}\n',
    );
  });
});
