import { z } from 'zod';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import type { ParseOptions } from 'graphql';
import { formatShanghai } from '@eco/calendar';
import type { CsvColumn, CsvValue } from '@eco/exports';
import { ExportError, invalidParameters } from './export-errors';
import type { ExportOperation } from './run-as-caller';

const FIELD_PATH = /^[_A-Za-z][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*)*$/;
const fieldPath = (example: string) =>
  z.string().max(300).regex(FIELD_PATH, `a dotted path of field names, e.g. ${example}`);

/**
 * "CSV of any list": a query the caller could send to /graphql, where the list is in its answer,
 * and which fields make the columns. A connection (edges/node or nodes) is unwrapped.
 */
export const listExportRequestSchema = z
  .object({
    query: z.string().min(1, 'a GraphQL query is required'),
    variables: z.record(z.unknown()).nullish(),
    operationName: z.string().max(200).nullish(),
    list: fieldPath('rectificationCampaign.problems or myTasks'),
    columns: z
      .array(
        z.object({
          header: z.string().trim().min(1, 'a header is required').max(100),
          field: fieldPath('responsibleDepartment.name'),
        }),
      )
      .min(1, 'at least one column')
      .max(50, 'at most 50 columns'),
    /** Without the extension; `list` and the date when omitted. */
    fileName: z.string().trim().min(1).max(100).nullish(),
  })
  .strict();

export type ListExportRequest = z.infer<typeof listExportRequestSchema>;

export function parseListExportRequest(body: unknown): ListExportRequest {
  const result = listExportRequestSchema.safeParse(body);
  if (result.success) return result.data;
  throw invalidParameters(
    result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })),
  );
}

/**
 * The operation to run, once it is known to be a query: a download is a read, and a POST that
 * could run a mutation would be a second, unaudited way to write. Parsing is bounded like the
 * gateway's own (the token limit); an operation Apollo cannot choose is left for Apollo to refuse.
 */
export function listOperationOf(request: ListExportRequest, parseOptions: ParseOptions): ExportOperation {
  let document;
  try {
    document = parse(request.query, parseOptions);
  } catch (error) {
    // Cut as the error masker cuts: a parse error quotes the offending token, which may be huge.
    const message = error instanceof GraphQLError ? error.message.slice(0, 500) : 'the query does not parse';
    throw new ExportError(400, 'GRAPHQL_PARSE_FAILED', message);
  }
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (operation && operation.operation !== 'query')
    throw new ExportError(
      400,
      'EXPORT_QUERY_REQUIRED',
      `only a query can be exported, not a ${operation.operation}`,
    );
  return {
    query: request.query,
    variables: request.variables ?? undefined,
    operationName: request.operationName ?? undefined,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows at `path` in the answer: a list, or a connection's `edges[].node` or `nodes`. */
export function rowsAt(data: Record<string, unknown>, path: string): unknown[] {
  let value: unknown = data;
  const walked: string[] = [];
  for (const segment of path.split('.')) {
    if (Array.isArray(value))
      throw new ExportError(
        400,
        'EXPORT_INVALID_LIST',
        `'${walked.join('.')}' is a list: name it as the list`,
      );
    if (!isRecord(value) || !(segment in value))
      throw new ExportError(
        400,
        'EXPORT_INVALID_LIST',
        `the answer has no '${[...walked, segment].join('.')}'`,
      );
    value = value[segment];
    walked.push(segment);
    if (value === null) throw new ExportError(404, 'EXPORT_LIST_NOT_FOUND', `'${walked.join('.')}' is null`);
  }
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value['edges']))
    return value['edges'].map((edge) => (isRecord(edge) ? edge['node'] : null));
  if (isRecord(value) && Array.isArray(value['nodes'])) return value['nodes'];
  throw new ExportError(400, 'EXPORT_INVALID_LIST', `'${path}' is neither a list nor a connection`);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A DateTime prints as Shanghai wall-clock time (2023-09-13 14:05), the way the offices read it. */
function printable(value: string | number | boolean): string | number | boolean {
  return typeof value === 'string' && INSTANT.test(value) ? formatShanghai(new Date(value)) : value;
}

type Found = { kind: 'missing' } | { kind: 'value'; value: unknown };

/** Follows a dotted field path into a row; through a list it collects from every element. */
function follow(value: unknown, segments: readonly string[]): Found {
  if (segments.length === 0) return { kind: 'value', value };
  if (value === null || value === undefined) return { kind: 'value', value: null };
  if (Array.isArray(value)) {
    const found = value.map((item) => follow(item, segments));
    if (found.length > 0 && found.every((f) => f.kind === 'missing')) return { kind: 'missing' };
    return { kind: 'value', value: found.flatMap((f) => (f.kind === 'value' ? [f.value] : [])).flat() };
  }
  if (!isRecord(value) || !(segments[0]! in value)) return { kind: 'missing' };
  return follow(value[segments[0]!], segments.slice(1));
}

function cellOf(value: unknown, column: { header: string; field: string }): CsvValue {
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (value === null || value === undefined) return null;
  if (scalar(value)) {
    const cell = printable(value as string | number | boolean);
    return cell;
  }
  if (Array.isArray(value) && value.every((v) => v === null || scalar(v)))
    return value
      .filter((v) => v !== null)
      .map((v) => {
        const cell = printable(v as string | number | boolean);
        return typeof cell === 'boolean' ? (cell ? '是' : '否') : cell;
      });
  throw new ExportError(
    400,
    'EXPORT_INVALID_COLUMN',
    `column '${column.header}': '${column.field}' is an object; name one of its fields, e.g. '${column.field}.name'`,
  );
}

/** The columns for the CSV renderer; a field no row has is a mistake in the request, not an empty column. */
export function csvColumnsOf(
  columns: ListExportRequest['columns'],
  rows: readonly unknown[],
): CsvColumn<unknown>[] {
  return columns.map((column) => {
    const segments = column.field.split('.');
    if (rows.length > 0 && rows.every((row) => follow(row, segments).kind === 'missing'))
      throw new ExportError(
        400,
        'EXPORT_INVALID_COLUMN',
        `column '${column.header}': no row has '${column.field}'; select it in the query`,
      );
    return {
      header: column.header,
      value: (row: unknown) => {
        const found = follow(row, segments);
        return found.kind === 'value' ? cellOf(found.value, column) : null;
      },
    };
  });
}

/** The caller's name with anything a file system or header would misread replaced. */
export function listFileName(request: ListExportRequest, asOf: string): string {
  const base = (request.fileName ?? `${request.list.split('.').at(-1)}-${asOf}`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/\.csv$/i, '');
  return `${base}.csv`;
}
