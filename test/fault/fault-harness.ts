/**
 * The fault-injection run of issue 10: working day after working day over the demo county, a scan each morning with,
 * at random, one fault — the process killed at a step boundary (after read, after the cell write, after registering,
 * in the middle of a send, after a send before its mark), SMTP 4xx / 5xx / disconnects, Sheets 429 / 500, two scans at
 * once, a clerk saving an old copy over the workbook, a header or a tab renamed for a day. A killed or failed scan is
 * rerun the same morning (the clerk or the schedule does), a renamed header is put back the next day.
 *
 * A reference run scans the same days with no fault. After every day the faulty run must show: 0 staff cells changed,
 * 0 notices lost (planned after the day's scans, nothing is left due; what the reference sent and this run did not is
 * counted and explained), 文号 unique and gap-free per type and year,
 * duplicate deliveries only from kills inside the send window and at most one per such kill (with the same
 * Message-ID), and an 审计日志 whose last 状态 entry of each task is what the sheet shows.
 *
 * Memory store, memory mailer, memory journal: the ports the scan uses on every runtime, with the faults injected there.
 */
import { defaultCalendar } from '../../src/calendar';
import { isoOf, toDay, type Day } from '../../src/calendar/day';
import { stableMessageId } from '../../src/mail/compose';
import { createMemoryMailer, type MemoryMailer } from '../../src/mail/memory';
import type { Mailer, MailMessage } from '../../src/mail/port';
import { planScan } from '../../src/scan/plan-scan';
import { runScan } from '../../src/scan/run-scan';
import { readSettings } from '../../src/workbook/read-settings';
import {
  createMemoryStore,
  type MemoryStore,
  type MemoryWorkbook,
} from '../../src/store/drivers/memory/memory';
import { createMemoryJournal } from '../../src/store/journal/memory';
import type { NoticeJournal } from '../../src/store/journal/port';
import type { SheetStore, Snapshot } from '../../src/store/port';
import { SYSTEM_COLUMNS, TAB_SPECS } from '../../src/workbook/schema/tabs';
import { scanLinks } from '../../src/web/links/scan-links';
import { parseLinkKeys } from '../../src/web/links/token';
import { at830, demoWorkbook, FROM } from '../scan/demo-workbook';

export const KILL_POINTS = [
  'after-read',
  'after-cell-write',
  'after-register',
  'mid-send',
  'after-send',
] as const;
export type KillPoint = (typeof KILL_POINTS)[number];
export const FAULTS = [
  ...KILL_POINTS.map((k) => `kill:${k}` as const),
  'smtp',
  'sheets',
  'two-scans',
  'three-scans',
  'rollback',
  'rename-header',
  'rename-tab',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultRunOptions {
  days: number;
  seed: number;
  /** First day (a working day is found from it). */
  start?: string;
  /** Chance of a fault on a day (default 0.6). */
  faultRate?: number;
  /**
   * Scan as the local runtime does (ScanDeps.soleWriter): each scan holds the office's lease — concurrent scans wait
   * for it, as `duban scan` and `duban serve` do — sends first and writes the workbook once.
   */
  oneWrite?: boolean;
  /**
   * Signed links on (DUBAN_LINK_SECRET and a public address): each notice to a unit goes one mail per recipient, each
   * with only that person's links, and duplicates are counted per recipient's mail.
   */
  links?: boolean;
  /** Take the fault kinds in turn instead of at random (every kind strikes in a short run). */
  roundRobin?: boolean;
  /** Called at the end with both runs' mailers and the faulty run's journal (for digging into a violation). */
  inspect?: (runs: { faulty: Office; reference: Office }) => void | Promise<void>;
  /** Told every 100 days how far the run is (the long run takes a while). */
  progress?: (line: string) => void;
  /** A line per day with a fault, and every violation. */
  log?: (line: string) => void;
}

export interface FaultRunFigures {
  days: number;
  firstDay: string;
  lastDay: string;
  scans: number;
  faults: Record<string, number>;
  /** Kills that struck after a message reached the mail server and before its `sent` mark. */
  killsInSendWindow: number;
  noticesSent: number;
  deliveries: number;
  duplicateDeliveries: number;
  /** Duplicates whose copies carry different Message-IDs (mail clients would not thread them). */
  duplicatesWithNewMessageId: number;
  registerRows: number;
  digestsMissed: number;
  /** Notices sent under another 去重键 period than the reference's (a fault day moved the day an episode began). */
  keysDrifted: number;
  /** How many working days after the reference each notice went out here ('never': not by the last day). */
  lagDays: Record<string, number>;
  /**
   * Card notices (提醒函 / 约谈建议 of a 红黄蓝牌) never sent: planned when the 预警 cell changes, they are lost when a
   * kill falls between the cell write and the register (issue 10 row 1) until they are planned from the card's
   * episode (level-triggered, the rules branch). Kept apart from `violations` so the other promises stay checked.
   */
  cardNoticesLost: string[];
  /**
   * Card notices still due after a day's scans: a 督办单 sent by a scan raises the 红牌 it completes only on the next
   * scan (issue 10 row 5, the level-triggered planning of the rules branch), so its 约谈建议 goes out a day late.
   */
  cardNoticesLate: string[];
  /** Ladder steps the reference sent that a fault delayed past the end of their episode (never due here). */
  overtaken: string[];
  violations: string[];
}

class Killed extends Error {
  override name = 'Killed';
}

/** A seeded PRNG (mulberry32): the same seed gives the same run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Office {
  store: MemoryStore;
  mailer: MemoryMailer;
  journal: ReturnType<typeof createMemoryJournal>;
  /** End-of-day copies of the workbook (what a clerk may save back over it). */
  copies: MemoryWorkbook[];
}

function office(workbook: MemoryWorkbook): Office {
  return {
    store: createMemoryStore(workbook),
    mailer: createMemoryMailer(),
    journal: createMemoryJournal(),
    copies: [],
  };
}

/** The ports of one scan with `fault` armed in them; `killed` tells whether it fired inside the send window. */
function armed(o: Office, fault: Fault | null, random: () => number, oneWrite: boolean) {
  const state = { fired: false, inSendWindow: false };
  const kill = (where: string): never => {
    state.fired = true;
    throw new Killed(`killed ${where}`);
  };
  let writes = 0;
  let sends = 0;
  const sendAt = 1 + Math.floor(random() * 3);
  const sheetsAt = 1 + Math.floor(random() * 4);
  let calls = 0;
  const sheetsFault = () => {
    if (fault === 'sheets' && !state.fired && ++calls === sheetsAt) {
      state.fired = true;
      throw new Error(
        random() < 0.5 ? '[store:google] 429 Too Many Requests' : '[store:google] 500 Internal error',
      );
    }
  };
  const store: SheetStore = {
    async read(specs) {
      sheetsFault();
      return o.store.read(specs);
    },
    async apply(plan, snapshot) {
      sheetsFault();
      if (state.fired) kill('again');
      writes++;
      if (fault === 'kill:after-read' && writes === 1) kill('after read');
      const result = await o.store.apply(plan, snapshot);
      if (fault === 'kill:after-cell-write' && writes === 1) kill('after the cell write');
      return result;
    },
    async append(tab, rows) {
      sheetsFault();
      if (state.fired) kill('again');
      writes++;
      if (fault === 'kill:after-read' && writes === 1) kill('after read');
      const result = await o.store.append(tab, rows);
      if (fault === 'kill:after-cell-write' && writes === 1) kill('after the first write');
      if (fault === 'kill:after-register' && tab === '文书登记') kill('after registering');
      return result;
    },
  };
  const mailer: Mailer = {
    async send(message: MailMessage) {
      if (state.fired) kill('again');
      sends++;
      if (fault === 'kill:mid-send' && sends === sendAt) {
        // the connection drops mid-transaction: the server may or may not have taken the message
        if (random() < 0.5) {
          await o.mailer.send(message);
          state.inSendWindow = true;
        }
        kill('in the middle of a send');
      }
      const result = await o.mailer.send(message);
      if (fault === 'kill:after-send' && sends === sendAt && result.ok) state.inSendWindow = true;
      return result;
    },
  };
  const journal: NoticeJournal = {
    read: () => o.journal.read(),
    async append(entries) {
      if (state.fired) kill('again');
      if (fault === 'kill:after-send' && state.inSendWindow && entries.some((e) => e.state === 'sent'))
        kill('after a send, before its mark');
      await o.journal.append(entries);
      // A one-write scan registers its notices in the journal only, before it sends.
      if (fault === 'kill:after-register' && oneWrite && entries.some((e) => e.state === 'registered'))
        kill('after registering');
    },
  };
  if (fault === 'smtp') {
    const errors = [
      '421 4.7.0 Try again later',
      '451 4.3.0 Temporary failure',
      '550 5.1.1 Mailbox unavailable',
      'ECONNRESET',
    ];
    o.mailer.failNext(
      1 + Math.floor(random() * 4),
      `[mail:smtp] ${errors[Math.floor(random() * errors.length)]}`,
    );
  }
  return { ports: { store, mailer, journal }, state };
}

type Lease = (<T>(work: () => Promise<T>) => Promise<T>) | null;

/** The office's scan lease (src/local/scan-lease.ts), in one process: scans run one after another. */
function leaseOf(): NonNullable<Lease> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work);
    tail = run.catch(() => {});
    return run;
  };
}

const LINKS = {
  keys: parseLinkKeys('k1:fault-run-secret-0123456789'),
  office: 'demo.xlsx',
  publicUrl: 'https://duban.test',
};

async function scan(
  ports: { store: SheetStore; mailer: Mailer; journal: NoticeJournal },
  day: Day,
  run: string,
  lease: Lease,
  links = false,
) {
  const now = at830(isoOf(day));
  const deps = { ...ports, from: FROM, now, runId: run, ...(links ? scanLinks(LINKS, now) : {}) };
  return lease ? lease(() => runScan({ ...deps, soleWriter: true })) : runScan(deps);
}

/** Swap the workbook behind the office for a changed copy (a renamed tab, an old copy saved over it). */
function replaceWorkbook(o: Office, change: (wb: MemoryWorkbook) => MemoryWorkbook): void {
  o.store = createMemoryStore(change(structuredClone(o.store.dump())));
}

function renameHeader(wb: MemoryWorkbook, from: string, to: string): MemoryWorkbook {
  const tab = wb.tabs.find((t) => t.name === '挂图作战表')!;
  tab.rows[0] = tab.rows[0]!.map((h) => (h === from ? to : h));
  return wb;
}

function renameTab(wb: MemoryWorkbook, from: string, to: string): MemoryWorkbook {
  for (const t of wb.tabs) if (t.name === from) t.name = to;
  return wb;
}

/** Every staff cell of the task tabs by 编号 (rows the scan numbered are matched by row). */
function staffCells(snapshot: Snapshot): Map<string, string> {
  const system = new Set<string>([...SYSTEM_COLUMNS, '编号']);
  const out = new Map<string, string>();
  for (const name of ['挂图作战表', '督办台账']) {
    for (const row of snapshot.tabs[name]?.rows ?? []) {
      for (const [key, cell] of Object.entries(row.cells)) {
        if (system.has(key)) continue;
        out.set(`${name}!${row.row}!${key}`, JSON.stringify(cell ?? null));
      }
    }
  }
  return out;
}

const DOC_NO = /^(.*)〔(\d{4})〕(\d+)号$/;

/** Violations of the register's promises: 文号 unique and gap-free per prefix and year. */
function registerViolations(snapshot: Snapshot): string[] {
  const out: string[] = [];
  const numbers = new Map<string, number[]>();
  for (const row of snapshot.tabs['文书登记']?.rows ?? []) {
    const status = String(row.cells['发送状态'] ?? '');
    const docNo = String(row.cells['文号'] ?? '').trim();
    if (status === '重复作废' || !docNo) continue;
    const m = DOC_NO.exec(docNo);
    if (!m) continue; // a provisional number of a scan that was killed before numbering: no 文号 yet
    const series = `${m[1]}〔${m[2]}〕`;
    (numbers.get(series) ?? numbers.set(series, []).get(series)!).push(Number(m[3]));
  }
  for (const [series, list] of numbers) {
    const sorted = [...list].sort((a, b) => a - b);
    sorted.forEach((n, i) => {
      if (n !== i + 1) out.push(`文号 ${series}: expected ${i + 1}, found ${n} (${sorted.length} numbers)`);
    });
    if (out.length) break;
  }
  return out.slice(0, 3);
}

/** Every mailed 文号 is the one its notice's register row holds (a restored row keeps the number the mail carried). */
function docNoViolations(snapshot: Snapshot, sent: MailMessage[]): string[] {
  const registered = new Map<string, string>();
  for (const row of snapshot.tabs['文书登记']?.rows ?? [])
    if (String(row.cells['发送状态'] ?? '') !== '重复作废')
      registered.set(String(row.cells['去重键'] ?? ''), String(row.cells['文号'] ?? ''));
  const out: string[] = [];
  for (const m of sent) {
    const mailed = m.headers?.['X-Duban-Doc-No'];
    const key = keyOf(m);
    if (!mailed || !registered.has(key) || registered.get(key) === mailed) continue;
    out.push(`${key} was mailed as ${mailed}, the register says ${registered.get(key)}`);
    if (out.length >= 3) break;
  }
  return out;
}

/** The 审计日志's last 状态 entry of each task must be what the sheet shows. */
function auditViolations(snapshot: Snapshot): string[] {
  const last = new Map<string, string>();
  for (const row of snapshot.tabs['审计日志']?.rows ?? [])
    if (row.cells['动作'] === '状态变更')
      last.set(String(row.cells['编号']), String(row.cells['新值'] ?? ''));
  const out: string[] = [];
  for (const name of ['挂图作战表', '督办台账'])
    for (const row of snapshot.tabs[name]?.rows ?? []) {
      const id = String(row.cells['编号'] ?? '').trim();
      const logged = last.get(id);
      const shown = String(row.cells['状态'] ?? '');
      if (logged !== undefined && logged !== shown)
        out.push(`${id}: 审计日志 says 状态 ${logged}, the sheet ${shown}`);
    }
  return out.slice(0, 3);
}

const keyOf = (m: MailMessage) => m.headers?.['X-Duban-Dedupe-Key'] ?? '';
/** One mail: its notice and, for a notice sent one mail per recipient, whose copy. */
const mailOf = (m: MailMessage) => `${keyOf(m)} → ${m.headers?.['X-Duban-Copy-For'] ?? ''}`;
const isDigest = (key: string) => key.startsWith('digest|');

const isCardNotice = (identity: string) => /\|(提醒函|约谈建议)\|(红牌|黄牌|蓝牌)$/.test(identity);

/**
 * How many working days a notice may go out after the reference's before it counts as lost: a day a renamed tab stops
 * the scans moves the rest of that task's ladder by a day (each step waits for the previous one as actually sent).
 */
const LAG_DAYS = 3; // plus one for each stopped day in the last 20

function seen(into: Map<string, number>, ids: Map<string, string[]>, day: number): void {
  for (const [identity, keys] of ids)
    for (let k = 1; k <= keys.length; k++)
      if (!into.has(`${identity}#${k}`)) into.set(`${identity}#${k}`, day);
}

const plainPorts = (o: Office) => ({ store: o.store, mailer: o.mailer, journal: o.journal });

/** Keys by notice identity (编号|kind|level), their period left out. */
function identities(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    if (isDigest(key)) continue;
    const identity = key.split('|').slice(0, 3).join('|');
    (out.get(identity) ?? out.set(identity, []).get(identity)!).push(key);
  }
  return out;
}

/**
 * Run `days` working days with faults and check every promise after each day.
 *
 * @example
 * const figures = await faultRun({ days: 30, seed: 7 });
 * figures.violations; // []
 */
export async function faultRun(options: FaultRunOptions): Promise<FaultRunFigures> {
  const random = prng(options.seed);
  const calendar = defaultCalendar();
  let day = toDay(options.start ?? '2026-03-02');
  while (!calendar.isWorkday(day)) day = calendar.nextWorkday(day);
  const initial = demoWorkbook(isoOf(day));
  const faulty = office(structuredClone(initial));
  const reference = office(structuredClone(initial));
  const oneWrite = options.oneWrite ?? false;
  const links = options.links ?? false;
  const lease = oneWrite ? leaseOf() : null;
  const baseline = staffCells(await faulty.store.read([...TAB_SPECS]));
  const figures: FaultRunFigures = {
    days: 0,
    firstDay: isoOf(day),
    lastDay: isoOf(day),
    scans: 0,
    faults: {},
    killsInSendWindow: 0,
    noticesSent: 0,
    deliveries: 0,
    duplicateDeliveries: 0,
    duplicatesWithNewMessageId: 0,
    registerRows: 0,
    digestsMissed: 0,
    keysDrifted: 0,
    lagDays: {},
    cardNoticesLost: [],
    cardNoticesLate: [],
    overtaken: [],
    violations: [],
  };
  const violation = (line: string) => {
    figures.violations.push(line);
    options.log?.(`VIOLATION ${line}`);
  };
  const referenceHistory: Array<Set<string>> = [];
  /** Day indexes on which a renamed header or tab stopped every scan. */
  const stopDays: number[] = [];
  /** `identity#k` → the day index its k-th notice went out, in each run (for the lag figures). */
  const faultySeen = new Map<string, number>();
  const referenceSeen = new Map<string, number>();
  const lost = new Set<string>();
  const dayFaults: string[] = [];
  let struck = 0;
  /** Reference keys this run sent under another period (the day an episode was first seen moved with a fault). */
  let restoreTomorrow: ((wb: MemoryWorkbook) => MemoryWorkbook) | null = null;

  for (let n = 0; n < options.days; n++, day = calendar.nextWorkday(day)) {
    const iso = isoOf(day);
    const run = (k: string) => `${iso.replaceAll('-', '')}${k}`;
    figures.days++;
    figures.lastDay = iso;
    if (restoreTomorrow) {
      replaceWorkbook(faulty, restoreTomorrow);
      restoreTomorrow = null;
    }
    await scan(
      { store: reference.store, mailer: reference.mailer, journal: reference.journal },
      day,
      run('r'),
      lease,
      links,
    );

    const strikes = random() < (options.faultRate ?? 0.6);
    const pick = Math.floor(random() * FAULTS.length);
    const fault: Fault | null = strikes
      ? FAULTS[options.roundRobin ? struck++ % FAULTS.length : pick]!
      : null;
    if (fault) figures.faults[fault] = (figures.faults[fault] ?? 0) + 1;
    if (fault === 'rollback' && faulty.copies.length) {
      const back = faulty.copies[Math.floor(random() * faulty.copies.length)]!;
      replaceWorkbook(faulty, () => structuredClone(back));
    }
    if (fault === 'rename-header') {
      replaceWorkbook(faulty, (wb) => renameHeader(wb, '完成时限', '完成期限'));
      restoreTomorrow = (wb) => renameHeader(wb, '完成期限', '完成时限');
    }
    if (fault === 'rename-tab') {
      const tab = ['通讯录', '文书登记', '审计日志'][Math.floor(random() * 3)]!;
      replaceWorkbook(faulty, (wb) => renameTab(wb, tab, `${tab}（旧）`));
      restoreTomorrow = (wb) => renameTab(wb, `${tab}（旧）`, tab);
    }

    const armedScan = armed(faulty, fault, random, oneWrite);
    let failed = false;
    if (fault === 'two-scans' || fault === 'three-scans') {
      const plain = { store: faulty.store, mailer: faulty.mailer, journal: faulty.journal };
      const count = fault === 'two-scans' ? 2 : 3;
      const results = await Promise.allSettled(
        Array.from({ length: count }, (_, i) => scan(plain, day, run(`c${i}`), lease, links)),
      );
      figures.scans += count;
      failed = results.some((r) => r.status === 'rejected');
      for (const r of results)
        if (r.status === 'rejected') options.log?.(`${iso} concurrent scan failed: ${r.reason}`);
    } else {
      figures.scans++;
      try {
        await scan(armedScan.ports, day, run('a'), lease, links);
      } catch (error) {
        failed = true;
        if (!(error instanceof Killed) && !/\[store:google\] (429|500)/.test(String(error)))
          violation(
            `${iso} ${fault ?? 'no fault'}: the scan failed: ${(error as Error).stack ?? String(error)}`,
          );
      }
    }
    if (armedScan.state.inSendWindow && armedScan.state.fired) figures.killsInSendWindow++;
    if (fault) {
      // the rerun: the clerk (or the schedule's retry) scans again the same morning, the mail server back up
      faulty.mailer.failNext(0);
      figures.scans++;
      await scan(
        { store: faulty.store, mailer: faulty.mailer, journal: faulty.journal },
        day,
        run('b'),
        lease,
        links,
      ).catch((error: Error) => violation(`${iso} rerun after ${fault}: ${error.stack ?? error.message}`));
    }
    dayFaults.push(`${iso} ${fault ?? 'none'}`);
    if (fault || failed) options.log?.(`${iso} ${fault}${failed ? ' (first scan died)' : ''}`);

    // --- the promises, after the day ---
    const snapshot = await faulty.store.read([...TAB_SPECS]);
    const renamed = restoreTomorrow !== null;
    if (renamed) stopDays.push(n);
    if (!renamed) {
      const now = staffCells(snapshot);
      for (const [cell, value] of baseline)
        if (now.get(cell) !== value) {
          violation(`${iso}: staff cell ${cell} changed: ${value} → ${now.get(cell)}`);
          break;
        }
      for (const v of registerViolations(snapshot)) violation(`${iso} after ${fault}: ${v}`);
      for (const v of docNoViolations(snapshot, faulty.mailer.sent)) violation(`${iso} after ${fault}: ${v}`);
      for (const v of auditViolations(snapshot)) violation(`${iso} after ${fault}: ${v}`);
    }
    const sentKeys = new Set(faulty.mailer.sent.map(keyOf));
    // every notice due is sent by the end of the day's last scan: planned now, nothing is left to send
    if (!renamed) {
      const settings = readSettings(snapshot, day);
      const left = planScan(snapshot, settings, at830(iso), run('d'), {
        journal: await faulty.journal.read(),
      }).notices.notices.map((x) => x.key);
      const cards = left.filter((k) => isCardNotice(k.split('|').slice(0, 3).join('|')));
      if (cards.length) figures.cardNoticesLate.push(`${iso} after ${fault}: ${cards.join('; ')}`);
      const others = left.filter((k) => !cards.includes(k));
      if (others.length)
        violation(`${iso} after ${fault}: still due after the day's scans: ${others.join('; ')}`);
    }
    // and nothing the reference sent is missing here: counted per task, kind and level (a fault day may move the day
    // an episode is first seen, its key's period, and each ladder step waits for the previous one as actually sent)
    const have = identities(sentKeys);
    seen(faultySeen, have, n);
    seen(referenceSeen, identities(reference.mailer.sent.map(keyOf)), n);
    const slack = LAG_DAYS + stopDays.filter((d) => d > n - 20).length;
    const due = referenceHistory[n - 1 - slack];
    for (const [identity, keys] of due ? identities(due) : []) {
      const got = have.get(identity) ?? [];
      if (got.length >= keys.length || lost.has(identity)) continue;
      lost.add(identity);
      if (isCardNotice(identity)) {
        const window = dayFaults.slice(-(slack + 2)).filter((f) => !f.endsWith('none'));
        figures.cardNoticesLost.push(`${iso}: ${identity} (faults of the days before: ${window.join(', ')})`);
        options.log?.(`${iso}: card notice ${identity} lost`);
        continue;
      }
      // Not due here (the check above finds nothing left to send): a step a fault delayed came due only after its
      // episode had ended (the report came in, the year turned), so it never had to go out.
      figures.overtaken.push(
        `${iso}: ${identity}: the reference sent ${keys.join(', ')}; here ${got.join(', ') || 'none'}`,
      );
    }
    referenceHistory.push(new Set(reference.mailer.sent.map(keyOf).filter((k) => !isDigest(k))));
    // duplicates: only from kills in the send window, at most one per kill, with the same Message-ID
    const counts = new Map<string, MailMessage[]>();
    for (const m of faulty.mailer.sent) {
      const list = counts.get(mailOf(m));
      if (list) list.push(m);
      else counts.set(mailOf(m), [m]);
    }
    let extra = 0;
    let newIds = 0;
    for (const list of counts.values()) {
      extra += list.length - 1;
      if (new Set(list.map(stableMessageId)).size > 1) newIds++;
    }
    if (extra > figures.killsInSendWindow && extra > figures.duplicateDeliveries) {
      const repeated = [...counts]
        .filter(([, list]) => list.length > 1)
        .map(([key, list]) => `${key} ×${list.length}`);
      violation(
        `${iso} after ${fault}: ${extra} duplicate deliveries, ${figures.killsInSendWindow} kills in the send window: ${repeated.slice(0, 12).join('; ')}`,
      );
    }
    figures.duplicateDeliveries = extra;
    figures.duplicatesWithNewMessageId = newIds;
    // the copies a clerk may save back: not one with the renamed tab, which would stop every scan until fixed by hand
    if (!renamed) faulty.copies = [...faulty.copies.slice(-4), structuredClone(faulty.store.dump())];
    if (figures.violations.length > 20) break;
    if ((n + 1) % 100 === 0)
      options.progress?.(
        `${iso}: ${n + 1} days, ${faulty.mailer.sent.length} mails, ${figures.violations.length} violations`,
      );
  }
  await options.inspect?.({ faulty, reference });
  const sent = new Set(faulty.mailer.sent.map(keyOf));
  figures.noticesSent = [...sent].filter((k) => !isDigest(k)).length;
  figures.deliveries = faulty.mailer.sent.length;
  figures.digestsMissed = [...new Set(reference.mailer.sent.map(keyOf))].filter(
    (k) => isDigest(k) && !sent.has(k),
  ).length;
  figures.keysDrifted = [...new Set(reference.mailer.sent.map(keyOf))].filter(
    (k) => !isDigest(k) && !sent.has(k),
  ).length;
  for (const [milestone, day] of referenceSeen) {
    const at = faultySeen.get(milestone);
    const lag = at === undefined ? 'never' : String(Math.max(0, at - day));
    figures.lagDays[lag] = (figures.lagDays[lag] ?? 0) + 1;
  }
  figures.registerRows = (await faulty.store.read([...TAB_SPECS])).tabs['文书登记']?.rows.length ?? 0;
  return figures;
}
