import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SEED_003_CAMPAIGN } from '@eco/demo-data';
import { startTestStack, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';

/**
 * The downloads of issue #8 through a whole stack: each file is read back with the library that
 * reads its format, and holds what the API answers the same caller (a township's ledger: its rows).
 */
const CAMPAIGN = SEED_003_CAMPAIGN.id;
const WEEK = '2023-09-13'; // seed 003: the first weekly report, Wednesday 13 September
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  json: any;
}

describe('exports through the gateway', () => {
  let t: TestStack;
  let origin: string;
  let office: string;
  let clerk: string;
  let caolu: string;

  async function download(
    path: string,
    token: string | null,
    init: { method?: string; body?: unknown; contentType?: string } = {},
  ): Promise<Download> {
    const response = await fetch(`${origin}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': init.contentType ?? 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = Buffer.from(await response.arrayBuffer());
    let json: any = null;
    if (body.length > 0 && response.headers.get('content-type')?.startsWith('application/json'))
      json = JSON.parse(body.toString());
    return { status: response.status, headers: response.headers, body, json };
  }

  async function readLedger(file: Buffer): Promise<string[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  }

  async function documentText(file: Buffer): Promise<{ paragraphs: string[]; headings: string[] }> {
    const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1] ?? null,
      text: [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    return {
      paragraphs: paragraphs.map((p) => p.text),
      headings: paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => p.text),
    };
  }

  beforeAll(async () => {
    t = await startTestStack({ label: 'exports', demo: 'all' });
    origin = new URL(t.gatewayUrl).origin;
    [office, clerk, caolu] = await Promise.all([
      t.tokenFor('demo-rectification-office'),
      t.tokenFor('demo-sanitation-clerk'),
      t.tokenFor('demo-caolu'),
    ]);
    const submitted = await t.gql<{ submitWeeklyReport: { ok: boolean; error: unknown } }>(
      clerk,
      `mutation Submit($input: SubmitWeeklyReportInput!) {
        submitWeeklyReport(input: $input) { ok error { code message } }
      }`,
      {
        input: {
          campaignId: CAMPAIGN,
          weekDate: WEEK,
          progress: '曹路镇海塘区域渣土消纳点已细化避早晚高峰作业时间。',
          practices: '管执联动，形成高压态势。',
          difficulties: '建议区建交委牵头统筹运输车辆备案。',
        },
      },
    );
    expect(submitted.data?.submitWeeklyReport).toEqual({ ok: true, error: null });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("gives the office the ledger as .xlsx: the seed's headers in the seed's order and every row of the API's ledger", async () => {
    const file = await download(`/exports/ledger.xlsx?campaignId=${CAMPAIGN}`, office);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    expect(file.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('推进落实市委巡视整改台账-')}`,
    );
    expect(file.headers.get('cache-control')).toContain('no-store');

    const rows = await readLedger(file.body);
    expect(rows[0]![0]).toBe('推进落实市委巡视整改工作措施一览表');
    expect(rows[1]![0]).toMatch(/^填报单位：审计办公室/);
    expect(rows[2]).toEqual([
      '序号',
      '具体问题',
      '牵头领导',
      '责任部门',
      '整改措施',
      '完成时限 (自8月29日起)',
      '整改完成情况',
    ]);

    const api = await t.gql<{ rectificationLedger: { measureText: string; deadlineLabel: string }[] }>(
      office,
      'query L($id: ID!) { rectificationLedger(campaignId: $id) { measureText deadlineLabel } }',
      { id: CAMPAIGN },
    );
    const data = rows.slice(3);
    expect(data).toHaveLength(api.data!.rectificationLedger.length);
    expect(data).toHaveLength(SEED_003_CAMPAIGN.problems.reduce((n, p) => n + p.measures.length, 0));
    data.forEach((row, i) => {
      expect(row[4]).toContain(api.data!.rectificationLedger[i]!.measureText);
      expect(row[5]).toBe(api.data!.rectificationLedger[i]!.deadlineLabel);
    });
    expect(data[0]!.slice(0, 4)).toEqual([
      '1-1 (21)',
      SEED_003_CAMPAIGN.problems[0]!.description,
      '薛加良',
      '市容环卫处',
    ]);
  });

  it('gives a township only its own rows: exactly the problems and measures the API shows it', async () => {
    const file = await download(`/exports/ledger.xlsx?campaignId=${CAMPAIGN}`, caolu);
    expect(file.status).toBe(200);
    const data = (await readLedger(file.body)).slice(3);

    const api = await t.gql<{ problems: { displayNumber: string; measures: { text: string }[] }[] }>(
      caolu,
      'query P($id: ID) { problems(campaignId: $id) { displayNumber measures { text } } }',
      { id: CAMPAIGN },
    );
    const measures = api.data!.problems.flatMap((p) =>
      p.measures.map((m) => ({ number: p.displayNumber, text: m.text })),
    );
    // 曹路镇 is named on problem 1-1 and both its measures; the office's ledger has ten rows.
    expect(measures).toHaveLength(2);
    expect(data).toHaveLength(measures.length);
    data.forEach((row, i) => {
      expect(row[0]).toBe(measures[i]!.number);
      expect(row[4]).toContain(measures[i]!.text);
    });
  });

  it('answers HEAD with the headers a download would have, for whoever may download', async () => {
    for (const token of [office, caolu]) {
      const head = await download(`/exports/ledger.xlsx?campaignId=${CAMPAIGN}`, token, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe(XLSX);
      expect(head.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
      expect(head.body.length).toBe(0);
    }
    const unknown = await download(`/exports/ledger.xlsx?campaignId=${crypto.randomUUID()}`, office, {
      method: 'HEAD',
    });
    expect(unknown.status).toBe(404);
    expect(
      (await download(`/exports/ledger.xlsx?campaignId=${CAMPAIGN}`, null, { method: 'HEAD' })).status,
    ).toBe(401);
  });

  it("gives the office the merged weekly report as .docx with seed 003 annex 2's sections", async () => {
    const file = await download(
      `/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=${WEEK}`,
      office,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(DOCX);
    const { paragraphs, headings } = await documentText(file.body);
    expect(paragraphs[0]).toBe('巡视整改工作进展情况周报');
    expect(paragraphs).toContain('填报单位：审计办公室');
    expect(paragraphs).toContain('报送周期：2023年9月7日至13日');
    expect(headings).toEqual(
      expect.arrayContaining([
        '一、各责任单位巡视整改落实情况',
        '二、推进整改过程中形成的经验做法',
        '三、落实整改中遇到的问题以及意见建议',
        '附：各责任单位报送情况',
      ]),
    );
    expect(headings.indexOf('一、各责任单位巡视整改落实情况')).toBeLessThan(
      headings.indexOf('二、推进整改过程中形成的经验做法'),
    );
    expect(paragraphs).toContain('曹路镇海塘区域渣土消纳点已细化避早晚高峰作业时间。');
    expect(paragraphs).toContain('建议区建交委牵头统筹运输车辆备案。');
    expect(headings).toContain('（一）市容环卫处');
  });

  it("gives a department user its own weekly report, and refuses a township's like the API does", async () => {
    const own = await download(`/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=${WEEK}`, clerk);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain(encodeURIComponent('市容环卫处'));
    const { paragraphs, headings } = await documentText(own.body);
    expect(paragraphs).toContain('填报单位：市容环卫处');
    expect(paragraphs).toContain('管执联动，形成高压态势。');
    expect(headings).not.toContain('附：各责任单位报送情况');

    const township = await download(
      `/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=${WEEK}`,
      caolu,
    );
    expect(township.status).toBe(403);
    expect(township.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('renders any list the caller can query as CSV, a connection included', async () => {
    const query = `query ExportProblems($id: ID) {
      problems(campaignId: $id) { displayNumber title responsibleDepartment { name } measures { sequence } openedAt }
    }`;
    const file = await download('/exports/list.csv', office, {
      body: {
        query,
        variables: { id: CAMPAIGN },
        list: 'problems',
        fileName: '整改问题清单',
        columns: [
          { header: '序号', field: 'displayNumber' },
          { header: '问题', field: 'title' },
          { header: '责任部门', field: 'responsibleDepartment.name' },
          { header: '措施', field: 'measures.sequence' },
          { header: '发现时间', field: 'openedAt' },
        ],
      },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('整改问题清单.csv'));
    const records = parseCsv(file.body, { bom: true }) as string[][];
    const api = await t.gql<{ problems: { displayNumber: string; title: string }[] }>(office, query, {
      id: CAMPAIGN,
    });
    expect(records[0]).toEqual(['序号', '问题', '责任部门', '措施', '发现时间']);
    expect(records.slice(1).map((r) => [r[0], r[1]])).toEqual(
      api.data!.problems.map((p) => [p.displayNumber, p.title]),
    );
    expect(records[1]).toEqual([
      '1-1 (21)',
      SEED_003_CAMPAIGN.problems[0]!.title,
      '市容环卫处',
      '1；2',
      '2023-08-29 09:00',
    ]);

    // The demo's measures reach 曹路镇's inbox by event.
    await waitFor("曹路镇's demo tasks", async () => {
      const r = await t.gql<{ myTasks: { totalCount: number } }>(caolu, '{ myTasks { totalCount } }');
      return (r.data?.myTasks.totalCount ?? 0) >= 2 ? true : undefined;
    });
    const tasks = await download('/exports/list.csv', caolu, {
      body: {
        query: 'query ExportTasks { myTasks(first: 50) { edges { node { title status } } } }',
        list: 'myTasks',
        columns: [
          { header: '任务', field: 'title' },
          { header: '状态', field: 'status' },
        ],
      },
    });
    expect(tasks.status).toBe(200);
    const api2 = await t.gql<{ myTasks: { edges: { node: { title: string } }[] } }>(
      caolu,
      'query ExportTasks { myTasks(first: 50) { edges { node { title status } } } }',
    );
    const taskRows = (parseCsv(tasks.body, { bom: true }) as string[][]).slice(1);
    expect(taskRows.length).toBeGreaterThanOrEqual(2);
    expect(taskRows.map((r) => r[0])).toEqual(api2.data!.myTasks.edges.map((e) => e.node.title));
  });

  it('refuses without a token (401), with bad parameters (400, coded) and for an unknown campaign (404)', async () => {
    const listBody = {
      query: '{ problems { title } }',
      list: 'problems',
      columns: [{ header: '问题', field: 'title' }],
    };
    for (const [path, body] of [
      [`/exports/ledger.xlsx?campaignId=${CAMPAIGN}`, undefined],
      [`/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=${WEEK}`, undefined],
      ['/exports/list.csv', listBody],
    ] as const) {
      const anonymous = await download(path, null, { body });
      expect(anonymous.status).toBe(401);
      expect(anonymous.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }

    const badId = await download('/exports/ledger.xlsx?campaignId=1%27%20OR%201=1', office);
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0].extensions).toEqual({
      code: 'EXPORT_INVALID_PARAMETERS',
      fieldErrors: [{ field: 'campaignId', message: 'must be an id' }],
    });
    const badWeek = await download(
      `/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=2023-09-14`,
      office,
    );
    expect(badWeek.status).toBe(400);
    expect(badWeek.json.errors[0].extensions.fieldErrors[0].field).toBe('weekDate');
    const mutation = await download('/exports/list.csv', office, {
      body: { ...listBody, query: 'mutation { submitWeeklyReport(input: {}) { ok } }' },
    });
    expect(mutation.status).toBe(400);
    expect(mutation.json.errors[0].extensions.code).toBe('EXPORT_QUERY_REQUIRED');

    const unknown = await download(`/exports/ledger.xlsx?campaignId=${crypto.randomUUID()}`, office);
    expect(unknown.status).toBe(404);
    expect(unknown.json.errors[0].extensions.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  const onPath = (command: string) =>
    (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
  const libreoffice = onPath('libreoffice');
  if (!libreoffice && process.env.REQUIRE_REAL_SERVICES !== '1') {
    console.warn(
      `\n${'!'.repeat(78)}\n  libreoffice is not on PATH: SKIPPING the PDF conversion of the downloaded exports.\n` +
        `  apt-get install -y -qq libreoffice-calc libreoffice-writer (REQUIRE_REAL_SERVICES=1 forbids skipping)\n${'!'.repeat(78)}\n`,
    );
  }

  (libreoffice || process.env.REQUIRE_REAL_SERVICES === '1' ? it : it.skip)(
    'downloads that LibreOffice opens: the ledger and the weekly report convert to PDF',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eco-exports-e2e-'));
      try {
        const ledger = join(dir, 'ledger.xlsx');
        const report = join(dir, 'weekly-report.docx');
        writeFileSync(ledger, (await download(`/exports/ledger.xlsx?campaignId=${CAMPAIGN}`, office)).body);
        writeFileSync(
          report,
          (await download(`/exports/weekly-report.docx?campaignId=${CAMPAIGN}&weekDate=${WEEK}`, office))
            .body,
        );
        // A private profile: no clash with another run or a user's own LibreOffice.
        const profile = pathToFileURL(join(dir, 'profile')).href;
        await promisify(execFile)(
          'libreoffice',
          [
            `-env:UserInstallation=${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            ledger,
            report,
          ],
          { timeout: 110_000 },
        );
        for (const pdf of ['ledger.pdf', 'weekly-report.pdf']) {
          expect(existsSync(join(dir, pdf))).toBe(true);
          expect(statSync(join(dir, pdf)).size).toBeGreaterThan(1000);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
