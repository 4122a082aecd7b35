import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { ParseOptions } from 'graphql';
import { hasAnyRole } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { localDateOf } from '@eco/calendar';
import {
  attachmentDisposition,
  EXPORT_MEDIA_TYPES,
  renderCsv,
  renderLedgerXlsx,
  renderWeeklyReportDocx,
} from '@eco/exports';
import type { ExportFormat } from '@eco/exports';
import type { HttpExchange } from '@eco/http';
import type { Logger } from '@eco/logging';
import { ExportError, invalidParameters, sendExportError } from './export-errors';
import { ledgerParametersSchema, parseParameters, weeklyReportParametersSchema } from './export-parameters';
import { LEDGER_EXPORT_QUERY, ledgerFileName, ledgerOf } from './ledger-export';
import type { ApiCampaign } from './ledger-export';
import { csvColumnsOf, listFileName, listOperationOf, parseListExportRequest, rowsAt } from './list-export';
import type { RunAsCaller } from './run-as-caller';
import {
  departmentWeeklyReportOf,
  mergedWeeklyReportOf,
  WEEKLY_REPORT_EXPORT_DOCUMENT,
  weeklyReportFileName,
} from './weekly-report-export';
import type {
  ApiReportWeek,
  DepartmentWeeklyReportData,
  MergedWeeklyReportData,
} from './weekly-report-export';

export interface ExportRoutesOptions {
  /**
   * The /graphql endpoint's own authentication and rate limit: the principal, or a GraphQLError
   * carrying the HTTP status (401, 429 with Retry-After) it would have answered.
   */
  authenticate(request: IncomingMessage): Promise<Principal>;
  runAsCaller: RunAsCaller;
  /** The gateway's parser limits, for reading a list export's query before it runs. */
  parseOptions: ParseOptions;
  logger: Logger;
  now?: () => Date;
}

/** What a route hands back: the file's name and format, and how to render it (not run for HEAD). */
interface ExportFile {
  format: ExportFormat;
  fileName: string;
  render: () => Promise<Buffer>;
}

interface ExportRequest {
  principal: Principal;
  url: URL;
  exchange: HttpExchange;
  asOf: string;
}

interface Route {
  methods: readonly string[];
  produce(request: ExportRequest): Promise<ExportFile>;
}

/** Department staff get their own department's weekly report unless they name another. */
const DEPARTMENT_ROLES = ['DEPARTMENT_CLERK', 'DEPARTMENT_HEAD'] as const;
const OFFICE_ROLES = ['RECTIFICATION_OFFICE', 'BUREAU_CHIEF', 'DEPUTY_CHIEF'] as const;
const isDepartmentUser = (principal: Principal) =>
  hasAnyRole(principal, DEPARTMENT_ROLES) && !hasAnyRole(principal, OFFICE_ROLES);

const campaignNotFound = () => new ExportError(404, 'CAMPAIGN_NOT_FOUND', 'no such campaign');

function reportWeekOrRefuse(week: ApiReportWeek | null | undefined): ApiReportWeek {
  if (!week)
    throw invalidParameters([{ field: 'weekDate', message: 'not a reporting Wednesday of this campaign' }]);
  if (week.skipped)
    throw invalidParameters([
      {
        field: 'weekDate',
        message: `a holiday${week.holidayName ? ` (${week.holidayName})` : ''}: no report that week`,
      },
    ]);
  return week;
}

/** The refusal /graphql would have answered, as a download's JSON error. */
function authenticationRefusal(error: GraphQLError): ExportError {
  const http = error.extensions['http'] as { status?: number; headers?: Map<string, string> } | undefined;
  const code = typeof error.extensions['code'] === 'string' ? error.extensions['code'] : 'UNAUTHENTICATED';
  return new ExportError(http?.status ?? 401, code, error.message, [], http?.headers ?? new Map());
}

function sendFile(response: ServerResponse, file: ExportFile, body: Buffer | null): void {
  response.statusCode = 200;
  response.setHeader('content-type', EXPORT_MEDIA_TYPES[file.format]);
  response.setHeader('content-disposition', attachmentDisposition(file.fileName));
  // The caller's own view of internal data: never kept by a shared cache.
  response.setHeader('cache-control', 'private, no-store');
  response.setHeader('x-content-type-options', 'nosniff');
  if (body) response.setHeader('content-length', body.length);
  response.end(body ?? undefined);
}

/**
 * The download routes beside /graphql (the exports part of issue #8):
 *
 * - `GET|HEAD /exports/ledger.xlsx?campaignId=` — the 台账 in seed 003's columns;
 * - `GET|HEAD /exports/weekly-report.docx?campaignId=&weekDate=[&agencyId=]` — the 周报 with seed
 *   003 annex 2's sections: the office's merged report, or one department's own;
 * - `POST /exports/list.csv` — any list the caller can query, as CSV.
 *
 * Each authenticates like /graphql (same verifier, same rate limit), then reads through the
 * gateway itself as the caller, so the file holds exactly what the API would answer that caller.
 * HEAD answers the headers a GET would, after the same checks, without rendering the file.
 */
export function createExportRoutes(
  options: ExportRoutesOptions,
): (exchange: HttpExchange) => Promise<boolean> {
  const { runAsCaller, logger } = options;
  const now = options.now ?? (() => new Date());

  const routes: Record<string, Route> = {
    '/exports/ledger.xlsx': {
      methods: ['GET', 'HEAD'],
      async produce({ principal, url, asOf }) {
        const { campaignId } = parseParameters(ledgerParametersSchema, url.searchParams);
        const data = await runAsCaller<{ rectificationCampaign: ApiCampaign | null }>(principal, {
          query: LEDGER_EXPORT_QUERY,
          variables: { campaignId },
        });
        const campaign = data.rectificationCampaign;
        if (!campaign) throw campaignNotFound();
        return {
          format: 'xlsx',
          fileName: ledgerFileName(campaign, asOf),
          render: () => renderLedgerXlsx(ledgerOf(campaign, asOf)),
        };
      },
    },

    '/exports/weekly-report.docx': {
      methods: ['GET', 'HEAD'],
      async produce({ principal, url }) {
        const parameters = parseParameters(weeklyReportParametersSchema, url.searchParams);
        const agencyId =
          parameters.agencyId ?? (isDepartmentUser(principal) ? principal.agencyId : undefined);
        const variables = { campaignId: parameters.campaignId, weekDate: parameters.weekDate };
        if (!agencyId) {
          const data = await runAsCaller<MergedWeeklyReportData>(principal, {
            query: WEEKLY_REPORT_EXPORT_DOCUMENT,
            operationName: 'MergedWeeklyReportExport',
            variables,
          });
          const campaign = data.rectificationCampaign;
          if (!campaign) throw campaignNotFound();
          const week = reportWeekOrRefuse(data.week);
          return {
            format: 'docx',
            fileName: weeklyReportFileName(week.weekDate),
            render: () => renderWeeklyReportDocx(mergedWeeklyReportOf(campaign, week)),
          };
        }
        const data = await runAsCaller<DepartmentWeeklyReportData>(principal, {
          query: WEEKLY_REPORT_EXPORT_DOCUMENT,
          operationName: 'DepartmentWeeklyReportExport',
          variables: { ...variables, agencyId },
        });
        const campaign = data.rectificationCampaign;
        if (!campaign) throw campaignNotFound();
        const name = data.department?.name;
        if (!name) throw new ExportError(404, 'AGENCY_NOT_FOUND', 'no such department');
        const week = reportWeekOrRefuse(data.weeks[0]);
        return {
          format: 'docx',
          fileName: weeklyReportFileName(week.weekDate, name),
          render: () =>
            renderWeeklyReportDocx(departmentWeeklyReportOf(campaign, week, { id: agencyId, name })),
        };
      },
    },

    '/exports/list.csv': {
      methods: ['POST'],
      async produce({ principal, exchange, asOf }) {
        // A browser form cannot send JSON cross-site without a preflight: the CSRF rule of /graphql.
        const contentType = exchange.request.headers['content-type'] ?? '';
        if (!/^application\/json\b/i.test(contentType))
          throw new ExportError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the list request as application/json');
        const text = await exchange.readBody();
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw new ExportError(400, 'BAD_REQUEST', 'request body is not valid JSON');
        }
        const request = parseListExportRequest(body);
        const data = await runAsCaller<Record<string, unknown>>(
          principal,
          listOperationOf(request, options.parseOptions),
        );
        const rows = rowsAt(data, request.list);
        const columns = csvColumnsOf(request.columns, rows);
        // Rendered here, not lazily: a column that selects an object is the request's mistake (400).
        const file = renderCsv(columns, rows);
        return { format: 'csv', fileName: listFileName(request, asOf), render: async () => file };
      },
    },
  };

  return async (exchange) => {
    const route = routes[exchange.url.pathname];
    if (!route) return false;
    const { request, response } = exchange;
    const method = request.method ?? 'GET';
    try {
      if (!route.methods.includes(method)) {
        throw new ExportError(
          405,
          'METHOD_NOT_ALLOWED',
          `use ${route.methods.join(' or ')}`,
          [],
          new Map([['allow', route.methods.join(', ')]]),
        );
      }
      let principal: Principal;
      try {
        principal = await options.authenticate(request);
      } catch (error) {
        if (error instanceof GraphQLError) throw authenticationRefusal(error);
        throw error;
      }
      const asOf = localDateOf(now());
      const file = await route.produce({ principal, url: exchange.url, exchange, asOf });
      const body = method === 'HEAD' ? null : await file.render();
      logger.info(
        { export: exchange.url.pathname, personId: principal.personId, bytes: body?.length ?? null },
        'export served',
      );
      sendFile(response, file, body);
    } catch (error) {
      if (!(error instanceof ExportError)) throw error; // the HTTP server masks and logs it
      sendExportError(response, error);
    }
    return true;
  };
}
