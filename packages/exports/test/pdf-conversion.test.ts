import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { renderLedgerXlsx, renderWeeklyReportDocx } from '../src';
import { seed003Ledger, seed003ProblemsOf } from './seed-fixtures';

const run = promisify(execFile);

const onPath = (command: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));

const available = onPath('libreoffice');
const required = process.env.REQUIRE_REAL_SERVICES === '1';
if (!available && !required) {
  console.warn(
    `\n${'!'.repeat(78)}\n  libreoffice is not on PATH: SKIPPING the PDF conversion of the exports.\n` +
      `  apt-get install -y -qq libreoffice-calc libreoffice-writer (REQUIRE_REAL_SERVICES=1 forbids skipping)\n${'!'.repeat(78)}\n`,
  );
}

// One soffice start for both files: it is the slow part (seconds), the conversion is not.
(available || required ? it : it.skip)(
  'opens in LibreOffice: the ledger .xlsx and the weekly report .docx convert to non-empty PDFs',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eco-exports-pdf-'));
    try {
      const ledger = join(dir, 'ledger.xlsx');
      const report = join(dir, 'weekly-report.docx');
      writeFileSync(ledger, await renderLedgerXlsx(seed003Ledger()));
      writeFileSync(
        report,
        await renderWeeklyReportDocx({
          unit: '市容环卫处',
          weekDate: '2023-09-13',
          period: { from: '2023-09-07', to: '2023-09-13' },
          departments: [
            {
              department: '市容环卫处',
              progress: '曹路镇海塘区域渣土消纳点已细化避早晚高峰作业时间。',
              practices: '管执联动。',
              items: seed003ProblemsOf('市容环卫处'),
            },
          ],
        }),
      );
      // A private profile: concurrent runs and a user's own LibreOffice do not get in each other's way.
      const profile = pathToFileURL(join(dir, 'profile')).href;
      await run(
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
        const path = join(dir, pdf);
        expect(existsSync(path)).toBe(true);
        expect(statSync(path).size).toBeGreaterThan(1000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  120_000,
);
