/**
 * The long fault-injection run of issue 10: `npx tsx scripts/fault-run.ts [--days 1000] [--seed 1] [--rate 0.6] [--one-write]`
 * (`--one-write`: scans as the local runtime runs them, under the lease, sending first and writing the workbook once).
 * Prints a line per fault day and the figures at the end; exit code 1 when any promise broke (test/fault/).
 */
import { parseArgs } from 'node:util';
import { faultRun } from '../test/fault/fault-harness';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    rate: { type: 'string', default: '0.6' },
    quiet: { type: 'boolean', default: false },
    'one-write': { type: 'boolean', default: false },
  },
});
const started = Date.now();
const figures = await faultRun({
  days: Number(values.days),
  seed: Number(values.seed),
  faultRate: Number(values.rate),
  oneWrite: values['one-write'],
  progress: (line) => console.error(line),
  log: values.quiet
    ? (line) => line.startsWith('VIOLATION') && console.log(line)
    : (line) => console.log(line),
});
console.log(JSON.stringify({ ...figures, minutes: Math.round((Date.now() - started) / 600) / 100 }, null, 1));
process.exitCode = figures.violations.length ? 1 : 0;
