/**
 * GET /board on 5,000 tasks (the demo county's battle map repeated), through the one service and app.request, as a
 * browser would ask after the morning scan: the first request after a scan (reads the workbook, runs the rules,
 * renders the rows, charts and 红黑榜 — `duban serve` does this right after the scan, so a viewer normally gets the warm
 * figure), then warm requests unfiltered, filtered, and all rows for printing. It prints
 * the time to the first byte (the response's headers; Hono sends the page as one string, so first and last byte
 * coincide here) and the page size. No assertion: the figure is reported (issue 11 asks under 300 ms).
 * Run: npx tsx bench/board.ts [tasks]
 */
import { generateDemo } from '../sheets-templates/demo';
import { createMemoryMailer } from '../src/mail/memory';
import { createService } from '../src/runtime/service';
import type { Cell } from '../src/store/port';
import { createMemoryStore } from '../src/store/drivers/memory/memory';
import { templateSeed } from '../test/sheets-server/seed-template';

const AS_OF = '2026-06-15';
const size = Number(process.argv[2] ?? 5000);
const demo = generateDemo({ year: 2026, asOf: AS_OF });
const base = demo.挂图作战表 ?? [];
const rows = Array.from({ length: size }, (_, i) => ({
  ...base[i % base.length]!,
  序号: i + 1,
  编号: `ZD-2026-${String(i + 1).padStart(5, '0')}`,
}));
const seed = templateSeed({ demo: { ...demo, 挂图作战表: rows } });
const store = createMemoryStore({
  tabs: seed.sheets.map((s) => ({
    name: s.title,
    rows: (s.rows ?? []).map((r) => r.map((c) => (c === undefined ? null : (c as Cell)))),
    merges: s.merges ?? [],
  })),
});
const token = 'bench-admin-token-0123456789';
const service = createService({
  name: 'bench',
  targets: { store, mailer: createMemoryMailer(), mailTransport: 'outbox' },
  from: { address: 'duban@example.gov.cn' },
  adminToken: token,
  clock: () => new Date(`${AS_OF}T09:00:00+08:00`),
});
const t0 = performance.now();
await service.scan(new Date(`${AS_OF}T08:30:00+08:00`));
console.log(
  `${size.toLocaleString('en')} tasks; scan ${(performance.now() - t0).toFixed(0)} ms (not part of the board)`,
);

async function request(label: string, query: string): Promise<number> {
  const t = performance.now();
  const res = await service.app.request(`/board${query}`, { headers: { authorization: `Bearer ${token}` } });
  const firstByte = performance.now() - t;
  const body = await res.text();
  console.log(
    `${label.padEnd(42)} ${firstByte.toFixed(1).padStart(7)} ms  ${(body.length / 1024).toFixed(0).padStart(6)} KiB  ${res.status}`,
  );
  return firstByte;
}

await request('cold: first request after a scan (renders)', '');
const warm: number[] = [];
for (let i = 0; i < 5; i++) warm.push(await request(`warm, page 1 (#${i + 1})`, ''));
await request('warm, status=逾期', `?status=${encodeURIComponent('逾期')}`);
await request('warm, search', `?q=${encodeURIComponent('项目')}`);
await request('warm, all rows (print)', '?p=all');
console.log(`median warm first byte: ${warm.sort((a, b) => a - b)[2]!.toFixed(1)} ms`);
