/**
 * The log of `duban serve` as a file that rotates by size: `duban.log` beside the workbook (or `--log FILE`); when the
 * next line would take it past `maxBytes` (5 MB) it becomes `duban.log.1`, the older ones shift up and the oldest past
 * `keep` (5) is deleted — at most about 30 MB, weeks of daily scans, on an office PC that nobody cleans up.
 * Lines are written synchronously, so the last line before a crash is in the file.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beijingTime } from '../calendar/beijing-clock';

export interface RotatingLog {
  file: string;
  write(line: string): void;
}

export interface LogOptions {
  maxBytes?: number;
  keep?: number;
}

export const DEFAULT_LOG_FILE = 'duban.log';

/**
 * @example
 * const log = createRotatingLog('data/duban.log');
 * log.write('2026-11-20 08:30:02+08:00 INFO [scan:local] 2026-11-20: 86 tasks …');
 */
export function createRotatingLog(file: string, options: LogOptions = {}): RotatingLog {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 5;
  mkdirSync(dirname(file), { recursive: true });
  let size = existsSync(file) ? statSync(file).size : 0;

  function rotate(): void {
    const old = `${file}.${keep}`;
    if (existsSync(old)) unlinkSync(old);
    for (let i = keep - 1; i >= 1; i--)
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    if (existsSync(file)) renameSync(file, `${file}.1`);
    size = 0;
  }

  return {
    file,
    write(line: string): void {
      const bytes = Buffer.byteLength(line) + 1;
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, `${line}\n`);
      size += bytes;
    },
  };
}

/**
 * The time at the head of a log line: Beijing wall time, as the clerks who read the log live, with the offset so the
 * line stays unambiguous beside UTC logs of other tools.
 * @example logStamp(new Date('2026-12-03T00:30:00Z')) // '2026-12-03 08:30:00+08:00'
 */
const logStamp = (instant: Date): string => beijingTime(instant, 'YYYY-MM-DD HH:mm:ssZ');

/**
 * Copy everything the process prints (console.log / console.error) into `log`, each line stamped with the time and
 * INFO / ERROR; the terminal still shows it. console.info — the runtime's English lines for operators
 * (`[scan:local] 2026-11-20: 86 tasks …`) — goes to the file only: the clerk at the terminal reads the Chinese
 * summary printed beside it. Returns a function that undoes it.
 */
export function teeConsole(log: RotatingLog, now: () => Date = () => new Date()): () => void {
  const { log: info, error, info: machine } = console;
  const stamp = (level: string, args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');
    for (const line of text.split('\n')) log.write(`${logStamp(now())} ${level} ${line}`);
  };
  console.log = (...args: unknown[]) => {
    info(...args);
    stamp('INFO', args);
  };
  console.error = (...args: unknown[]) => {
    error(...args);
    stamp('ERROR', args);
  };
  console.info = (...args: unknown[]) => stamp('INFO', args);
  return () => {
    console.log = info;
    console.error = error;
    console.info = machine;
  };
}

/**
 * `duban serve`'s log: `file`, or `duban.log` beside the workbook; console output is copied into it from now on.
 * @example const log = startLog('data/督办.xlsx'); // log.file === 'data/duban.log'
 */
export function startLog(workbook: string, file?: string): RotatingLog {
  const log = createRotatingLog(file ?? join(dirname(workbook), DEFAULT_LOG_FILE));
  teeConsole(log);
  return log;
}
