// The overview's page load (navigation → figures on screen) in Debian chromium against the
// benchmark data set (bench/src/data, built by the benchmark work), not part of the test suite:
//
//   npx tsx web/scripts/measure-overview-load.ts [--scale 1] [--runs 5]
//
// Starts the system on a fresh database (real PostgreSQL and NATS, as the tests do), bulk-loads the
// generated data, serves the dashboard and signs in as the data set's internal user.
import { parseArgs } from 'node:util';
import { createLogger } from '@eco/logging';
import { ensureDashboardBuilt, startDashboardServer } from '@eco/stack';
import { startTestStack } from '@eco/testing';
import { generateData } from '../../bench/src/generate-data';
import { launchChromium } from '../test/chromium';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '5' } },
  });
  const scale = Number(values.scale);
  const runs = Number(values.runs);
  const [t] = await Promise.all([
    startTestStack({ label: 'web_overview', demo: 'none' }),
    ensureDashboardBuilt(),
  ]);
  const browser = await launchChromium();
  const dashboard = await startDashboardServer({
    gatewayUrl: t.gatewayUrl,
    logger: createLogger('dashboard', 'silent'),
  });
  try {
    const data = await generateData(t.stack.databaseUrl, { scale });
    const rows = (table: string) => data.load.tables.find((x) => x.table === table)?.rows ?? 0;
    console.log(
      `data set (scale ${scale}): ${rows('rectification.problems')} problems, ${rows('rectification.measures')} measures, ` +
        `${rows('supervision.items')} supervised items, ${data.load.rows} rows`,
    );
    const token = await t.tokenFor(data.facts.internalAccount);
    const page = await browser.context.newPage();
    await page.goto(dashboard.url);
    await page.evaluate(
      ([token, campaignId]) => {
        sessionStorage.setItem('eco.dashboard.token', token!);
        sessionStorage.setItem('eco.dashboard.campaign', campaignId!);
      },
      [token, data.facts.dashboardCampaignId],
    );
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      for (const [list, clearCache] of [
        [cold, true],
        [warm, false],
      ] as const) {
        if (clearCache) await page.evaluate(() => sessionStorage.removeItem('eco.dashboard.campaigns'));
        await page.goto('about:blank');
        await page.goto(`${dashboard.url}#/overview`);
        await page.getByTestId('overview-ready').waitFor({ timeout: 60_000 });
        list.push(Math.round(await page.evaluate(() => performance.now())));
      }
    }
    // Where the last load spent its time: each request from navigation start (ms).
    const requests = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map(
          (e) =>
            `${e.name.replace(/^https?:\/\/[^/]+/, '')} @${Math.round(e.startTime)} +${Math.round(e.duration)}`,
        ),
    );
    console.log(`last load's requests: ${requests.join(', ')}`);
    const tiles = await page.locator('.tile').allInnerTexts();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`tiles: ${tiles.map((x) => x.replace(/\s+/g, ' ')).join(' | ')}`);
    console.log(`overview load, first visit: median ${median(cold)} ms ${JSON.stringify(cold)}`);
    console.log(`overview load, revisit:     median ${median(warm)} ms ${JSON.stringify(warm)}`);
    console.log('target: < 1000 ms');
  } finally {
    await browser.close();
    await dashboard.stop();
    await t.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
