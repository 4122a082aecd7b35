import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCpuPerUnit, formatCpuShares, type CpuReading } from '../src/harness/cpu-meter';
import { markdownTable } from '../src/harness/report';
import { experimentsLine, parseBenchOptions } from '../src/harness/options';
import { percentile } from '../src/harness/percentile';
import { describePlan, planShape } from '../src/harness/query-plan';
import { REPO_ROOT, serviceCommand } from '../src/harness/service-process';
import { PARTNER_INBOX_QUERY } from '../src/queries/partner-inbox.query';
import { SINGLE_FETCH_QUERY } from '../src/queries/single-fetch.query';
import { SeededRandom, WeightedPool } from '../src/data/random';

describe('the harness helpers', () => {
  it('takes nearest-rank percentiles and says NaN when there is nothing to rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('prints aligned markdown tables with numbers rounded for reading', () => {
    expect(
      markdownTable(
        ['run', 'RPS'],
        [
          ['direct', 1234.567],
          ['gateway', 12.345],
        ],
      ),
    ).toBe(
      ['| run     | RPS   |', '| ------- | ----- |', '| direct  | 1235  |', '| gateway | 12.35 |'].join('\n'),
    );
  });

  it('turns CPU seconds into shares of a core and ms per unit of work, leaving out idle services', () => {
    const reading: CpuReading = {
      wallSeconds: 10,
      services: [
        { name: 'agencies', seconds: 4 },
        { name: 'supervision', seconds: 0.01 },
      ],
      harnessSeconds: 1,
      machineSeconds: 16,
    };
    expect(formatCpuShares(reading)).toMatch(
      /^agencies 40 %, supervision 0 %, harness 10 %, whole machine \d+ % busy/,
    );
    // 500 requests: agencies 8 ms each; supervision's 0.02 ms is below 5 % of a ms and left out.
    expect(formatCpuPerUnit(reading, 500)).toBe('services 8.0 (agencies 8.0), whole machine 32.0');
    expect(formatCpuPerUnit(reading, 0)).toBe('none answered');
  });

  it('reads short defaults for a shared machine with --smoke, full ones otherwise', () => {
    const full = parseBenchOptions([]);
    const smoke = parseBenchOptions(['--smoke']);
    expect(full).toMatchObject({
      durationSeconds: 15,
      soakSeconds: 60,
      connections: 50,
      eventRate: 1000,
      scale: 1,
    });
    expect(smoke).toMatchObject({ durationSeconds: 3, soakSeconds: 5, connections: 50, scale: 0.3 });
    expect(parseBenchOptions(['--smoke', '--soak-seconds', '20']).soakSeconds).toBe(20);
    expect(parseBenchOptions(['--only', 'inbox, events']).only).toEqual(['inbox', 'events']);
    expect(() => parseBenchOptions(['--duration', '0'])).toThrow(/--duration must be a positive number/);
  });

  it('names every departure from the system as built', () => {
    expect(experimentsLine(parseBenchOptions([]))).toBeNull();
    expect(
      experimentsLine(
        parseBenchOptions(['--without-audit-trail', '--service-node-flags=--max-old-space-size=128']),
      ),
    ).toBe(
      'EXPERIMENT, not the system as built: audit-trail triggers DISABLED; services run with node --max-old-space-size=128',
    );
    expect(experimentsLine(parseBenchOptions(['--under-tsx']))).toMatch(
      /under tsx .*not the deployed bundles/,
    );
  });

  it('starts each service from the bundle the image runs, or from its sources under tsx when asked', () => {
    expect(serviceCommand('rectification', 'bundle')).toEqual(['dist/main.js']);
    expect(serviceCommand('gateway', 'bundle')).toEqual(['dist/main.js']);
    expect(serviceCommand('agencies', 'tsx')).toEqual(['--import', 'tsx', 'src/main.ts']);
    const entrypoint = readFileSync(join(REPO_ROOT, 'infra', 'docker', 'entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('"services/$1/dist/main.js"');
    expect(entrypoint).toContain('gateway/dist/main.js');
  });
});

describe("the gateway's query plans the benchmarks rely on", () => {
  it('answers the single-fetch page with one fetch to agencies, and the inbox from three subgraphs', () => {
    expect(planShape(SINGLE_FETCH_QUERY)).toEqual({ fetches: 1, byService: { agencies: 1 }, depth: 1 });
    const inbox = planShape(PARTNER_INBOX_QUERY);
    expect(Object.keys(inbox.byService).sort()).toEqual(['agencies', 'inspections', 'rectification']);
    expect(inbox.depth).toBeGreaterThanOrEqual(2);
    expect(describePlan(inbox)).toMatch(/^\d+ subgraph fetches \(agencies \d+/);
  });
});

describe('the seeded random source', () => {
  it('repeats itself for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.int(0, 1000))).toEqual(
      Array.from({ length: 5 }, () => b.int(0, 1000)),
    );
  });

  it('draws heavy items as often as their weight says', () => {
    const random = new SeededRandom(7);
    const pool = new WeightedPool(['busy', 'quiet'], (item) => (item === 'busy' ? 9 : 1));
    const draws = Array.from({ length: 10_000 }, () => pool.draw(random));
    const busy = draws.filter((d) => d === 'busy').length / draws.length;
    expect(busy).toBeGreaterThan(0.87);
    expect(busy).toBeLessThan(0.93);
    expect(new Set(pool.drawDistinct(random, 5))).toEqual(new Set(['busy', 'quiet']));
  });
});
