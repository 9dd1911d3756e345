/**
 * One measured run of bench/scan.ts, in a process of its own so its peak RSS is that run's alone: it imports only
 * what its kind needs (the exceljs driver and exceljs itself only for the exceljs runs).
 * Prints one JSON line: wall ms, CPU ms (user + system), peak RSS MB and, for a scan, the phase timings.
 * Run by bench/scan.ts: node --import tsx bench/scan-child.ts <kind> <file> [YYYY-MM-DD, default 2026-11-20]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const AS_OF = '2026-11-20';
export type ChildKind = 'package' | 'exceljs' | 'rezip' | 'exceljs-io' | 'modules';

/** Wall and CPU time of `work`, with the process's peak RSS after it. */
async function measured(work: () => Promise<object | undefined>): Promise<object> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const extra = await work();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  return {
    wall,
    cpu: (used.user + used.system) / 1000,
    rssMb: process.resourceUsage().maxRSS / 1024,
    ...extra,
  };
}

async function scan(kind: 'package' | 'exceljs', file: string, day: string): Promise<object> {
  const [{ runScan }, { createMemoryMailer }, { createFileJournal }] = await Promise.all([
    import('../src/scan/run-scan'),
    import('../src/mail/memory'),
    import('../src/store/journal/file'),
  ]);
  const store =
    kind === 'package'
      ? (await import('../src/store/drivers/xlsx-package/xlsx-package')).createXlsxPackageStore(file)
      : (await import('../src/store/drivers/xlsx/xlsx')).createXlsxStore(file);
  return measured(async () => {
    // As `duban scan` runs it: the notice journal beside the workbook, sending first and writing the file once.
    const summary = await runScan({
      store,
      mailer: createMemoryMailer(),
      journal: createFileJournal(`${file}.notices.jsonl`),
      soleWriter: true,
      now: new Date(`${day}T00:30:00Z`),
      from: { address: 'd@x.cn' },
    });
    return { timings: summary.timings, cells: summary.cellsWritten, notices: summary.notices.created };
  });
}

/** The floor of any driver that rewrites the file: inflate every entry, deflate it again, write the file. */
async function rezip(file: string): Promise<object> {
  const { entryBytes, newEntry, readZip, writeZip } = await import('../src/store/drivers/xlsx-package/zip');
  return measured(async () => {
    const entries = readZip(readFileSync(file)).map((e) => newEntry(e.name, entryBytes(e), e));
    writeFileSync(`${file}.rezip`, writeZip(entries));
    return undefined;
  });
}

async function exceljsLoadSave(file: string): Promise<object> {
  const { default: ExcelJS } = await import('exceljs');
  return measured(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    await book.xlsx.writeFile(`${file}.copy`);
    return undefined;
  });
}

/** The modules a package scan loads, and nothing run: the part of its peak RSS that does not grow with the file. */
async function modules(): Promise<object> {
  await Promise.all([
    import('../src/scan/run-scan'),
    import('../src/mail/memory'),
    import('../src/store/drivers/xlsx-package/xlsx-package'),
  ]);
  return measured(async () => undefined);
}

const [kind, file, day] = process.argv.slice(2) as [ChildKind, string, string | undefined];
const result =
  kind === 'package' || kind === 'exceljs'
    ? await scan(kind, file, day ?? AS_OF)
    : kind === 'rezip'
      ? await rezip(file)
      : kind === 'exceljs-io'
        ? await exceljsLoadSave(file)
        : await modules();
process.stdout.write(`${JSON.stringify(result)}\n`);
