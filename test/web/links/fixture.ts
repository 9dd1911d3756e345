/** The demo county on the memory store behind the one service, with signed links on: what every link test drives. */
import { createMemoryMailer } from '../../../src/mail/memory';
import { createOutboxMailer } from '../../../src/mail/outbox';
import { createService } from '../../../src/runtime/service';
import { createMemoryStore } from '../../../src/store/drivers/memory/memory';
import { cellText } from '../../../src/store/grid/cell-text';
import type { SheetRow, SheetStore } from '../../../src/store/port';
import type { HeldAnswer, HeldAnswers } from '../../../src/web/links/held-answers';
import { expiryOf, linkUrl } from '../../../src/web/links/link-deps';
import { type LinkAction, type LinkClaims, parseLinkKeys, signLink } from '../../../src/web/links/token';
import { type TabName, tabSpec } from '../../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from '../../scan/demo-workbook';

export const KEYS = parseLinkKeys('k2:second-secret-0123456789,k1:first-secret-0123456789');
export const OFFICE = 'demo.xlsx';
export const PUBLIC = 'https://duban.example.gov.cn';
/** 县商务局's task with a 蓝牌 and June not yet reported on 2026-06-15; its liaison and its 分管领导. */
export const TASK = 'ZD-2026-007';
export const LIAISON = 'swj.lianluo@demo.gov.cn';
export const LEADER = 'changwu@demo.gov.cn';

/**
 * The demo as of 2026-06-15 (or `asOf`) scanned on `day`; `held`: where answers wait while the workbook is open; with
 * `outbox`, mail goes there as .eml files (no SMTP).
 */
export function linkFixture(day = '2026-06-15', asOf?: string, held?: HeldAnswers, outbox?: string) {
  const store = createMemoryStore(demoWorkbook(asOf));
  const { service, mailer, now } = serviceOn(store, day, true, held, outbox);
  const app = service.app;

  async function token(action: LinkAction, over: Partial<LinkClaims> = {}): Promise<string> {
    return signLink(
      { office: OFFICE, task: TASK, action, person: LIAISON, exp: expiryOf(action, now), ...over },
      KEYS,
    );
  }
  /** The page path of a token (as in the mail, without the public host). */
  const path = (action: LinkAction, t: string, task = TASK) => linkUrl('', { task, action }, t);

  /** GET the page and POST its form with `fields`, as a browser on the same origin does. */
  async function submit(
    action: LinkAction,
    t: string,
    fields: Record<string, string>,
    headers = SAME_ORIGIN,
    task = TASK,
  ) {
    const page = await app.request(path(action, t, task));
    const csrf = /name="csrf"\s+value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    return post(action, t, { csrf, ...fields }, headers, task);
  }
  function post(
    action: LinkAction,
    t: string,
    fields: Record<string, string>,
    headers = SAME_ORIGIN,
    task = TASK,
  ) {
    return app.request(linkUrl('', { task, action }, '').replace(/\?t=$/, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ t, ...fields }).toString(),
    });
  }
  async function rows(tab: TabName): Promise<SheetRow[]> {
    return (await store.read([tabSpec(tab)])).tabs[tab]?.rows ?? [];
  }
  async function taskRow(id = TASK): Promise<SheetRow> {
    const all = [...(await rows('挂图作战表')), ...(await rows('督办台账'))];
    return all.find((r) => cellText(r.cells['编号'] ?? null) === id)!;
  }
  return { app, service, store, mailer, now, token, path, submit, post, rows, taskRow };
}

export const SAME_ORIGIN: Record<string, string> = {
  origin: 'http://localhost',
  'sec-fetch-site': 'same-origin',
};

export const text = (row: SheetRow | undefined, key: string) => cellText(row?.cells[key] ?? null);

/**
 * The service on `store` with its clock at 08:30 on `day`, links on (or off), and a mailer of its own — or, with
 * `outbox`, the outbox folder `duban serve` uses without DUBAN_SMTP_URL (the memory mailer then gets nothing).
 */
export function serviceOn(store: SheetStore, day: string, links = true, held?: HeldAnswers, outbox?: string) {
  const mailer = createMemoryMailer();
  const now = at830(day);
  const service = createService({
    name: 'test',
    targets: outbox
      ? { store, mailer: createOutboxMailer(outbox), mailTransport: 'outbox' }
      : { store, mailer, mailTransport: 'smtp' },
    from: FROM,
    adminToken: 'admin-token-0123456789',
    clock: () => now,
    ...(links ? { links: { keys: KEYS, office: OFFICE, publicUrl: PUBLIC, ...(held ? { held } : {}) } } : {}),
  });
  return { service, mailer, now };
}

/**
 * One mail per notice: a notice with links goes one mail per recipient (each with only their own links), so tests
 * that count notices take each 去重键's first mail. A recipient's copy mailed twice fails the test here.
 */
export function oneEach<M extends { headers?: Record<string, string> }>(mails: M[]): M[] {
  const keys = new Set<string>();
  const copies = new Set<string>();
  return mails.filter((m) => {
    const key = m.headers?.['X-Duban-Dedupe-Key'] ?? '';
    const copy = `${key} → ${m.headers?.['X-Duban-Copy-For'] ?? ''}`;
    if (copies.has(copy)) throw new Error(`mailed twice: ${copy}`);
    copies.add(copy);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}

/** Held answers in memory (src/local/held-answers-file.ts keeps them in a file), with the editor's lock as a switch. */
export function memoryHeld() {
  let answers: HeldAnswer[] = [];
  return {
    open: true as boolean,
    answers: () => answers,
    async busy() {
      return this.open;
    },
    list: async () => [...answers],
    add: async (a: HeldAnswer) => void answers.push(a),
    remove: async (id: string) => void (answers = answers.filter((a) => a.id !== id)),
  } satisfies HeldAnswers & { open: boolean; answers(): HeldAnswer[] };
}

/**
 * A daily digest's items that ask `ask` (its 待办 line, e.g. `11月完成情况请于12月7日前报送`): 编号 → the whole item,
 * its 反馈链接 included.
 */
export function digestAsks(mail: { text: string }, ask: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of mail.text.split(/\n(?=\d+\. )/))
    if (block.includes(`待办：${ask}`)) out.set(/^\d+\. (\S+)/.exec(block)![1]!, block);
  return out;
}
