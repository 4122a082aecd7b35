/**
 * Rows in PostgreSQL's COPY text format (one line per row, tab between columns, `\N` for NULL),
 * for `COPY … FROM STDIN`. COPY parses no JSON and inserts many rows per heap operation, so it
 * costs the server less per row than `INSERT … SELECT FROM json_populate_recordset`; the price is
 * that each value must already be in the column's own text form, so the encoder needs to know
 * which columns are arrays and which are JSON.
 */
export type CopyColumnKind = 'array' | 'json' | 'scalar';

/** How a column's values are written, from `information_schema.columns` (data_type, udt_name). */
export function copyColumnKind(dataType: string, udtName: string): CopyColumnKind {
  if (dataType === 'ARRAY' || udtName.startsWith('_')) return 'array';
  if (dataType === 'json' || dataType === 'jsonb') return 'json';
  return 'scalar';
}

/** COPY text escapes: backslash, and the characters that would end a field or a line. */
function escapeField(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** An array literal (`{"a","b",NULL}`), every element quoted so commas and braces stay inside. */
function arrayLiteral(values: unknown[]): string {
  const elements = values.map((v) =>
    v === null || v === undefined
      ? 'NULL'
      : Array.isArray(v)
        ? arrayLiteral(v)
        : `"${scalarText(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${elements.join(',')}}`;
}

function fieldText(value: unknown, kind: CopyColumnKind): string {
  if (value === null || value === undefined) return '\\N';
  // Most fields: numbers need no escaping, dates none either.
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (kind === 'json') return escapeField(JSON.stringify(value));
  if (kind === 'array' && Array.isArray(value)) return escapeField(arrayLiteral(value));
  return escapeField(scalarText(value));
}

/** The rows as COPY text for these columns; a row without a column gets NULL there. */
export function copyText(
  rows: Record<string, unknown>[],
  columns: { name: string; kind: CopyColumnKind }[],
): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i]!;
      line += (i === 0 ? '' : '\t') + fieldText(row[column.name], column.kind);
    }
    text += `${line}\n`;
  }
  return text;
}
