/**
 * Issue 10, first bullet (SPEC §4.4 "Notices are derived from state, not from cell changes"): card notices
 * (提醒函 / 约谈建议) are due while the card stands and 文书登记 lacks one for its episode, whatever the 预警 cell says.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore, type MemoryStore } from '../../src/store/drivers/memory/memory';
import type { Cell, SheetStore } from '../../src/store/port';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { at830, demoWorkbook, FROM } from './demo-workbook';

const DAY = at830('2026-06-15');
const NEXT = at830('2026-06-16');
const CARD_KINDS = ['提醒函', '约谈建议'];

/** 去重键 → 文号 of the card notices in 文书登记. */
async function cardRegister(store: SheetStore): Promise<Map<string, string>> {
  const snapshot = await store.read([...TAB_SPECS]);
  const out = new Map<string, string>();
  for (const r of snapshot.tabs['文书登记']!.rows) {
    if (CARD_KINDS.includes(String(r.cells['类型'])))
      out.set(String(r.cells['去重键']), String(r.cells['文号']));
  }
  return out;
}

/** A store whose process dies when the scan first registers notices: the cells (预警 included) are written. */
function dyingAtRegister(store: MemoryStore): SheetStore {
  let died = false;
  return {
    read: (specs) => store.read(specs),
    apply: (plan, snapshot) => store.apply(plan, snapshot),
    append: async (tab, rows) => {
      if (!died && tab === '文书登记') {
        died = true;
        throw new Error('killed');
      }
      return store.append(tab, rows);
    },
  };
}

async function cleanCardKeys(): Promise<string[]> {
  const store = createMemoryStore(demoWorkbook());
  await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: DAY });
  return [...(await cardRegister(store)).keys()].sort();
}

describe('card notices derived from state (issue 10, SPEC §4.4)', () => {
  it('a scan killed after writing the cards: the next scan sends every card notice the register lacks', async () => {
    const expected = await cleanCardKeys();
    expect(expected.length).toBeGreaterThan(3);
    const store = createMemoryStore(demoWorkbook());
    await expect(
      runScan({ store: dyingAtRegister(store), mailer: createMemoryMailer(), from: FROM, now: DAY }),
    ).rejects.toThrow('killed');
    const cards = store
      .tab('挂图作战表')!
      .rows.flat()
      .filter((c) => c === '黄牌' || c === '红牌' || c === '蓝牌');
    expect(cards.length).toBeGreaterThan(0); // the cells already show the cards
    expect((await cardRegister(store)).size).toBe(0);
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: FROM, now: DAY });
    expect([...(await cardRegister(store)).keys()].sort()).toEqual(expected);
  });

  it('通讯录 emptied for one scan, then restored: the card notices go out on the next scan', async () => {
    const expected = await cleanCardKeys();
    const store = createMemoryStore(demoWorkbook());
    let saved: Cell[][] = [];
    store.editTab('通讯录', (grid) => {
      saved = grid.cells.splice(1);
    });
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: DAY });
    expect((await cardRegister(store)).size).toBe(0);
    store.editTab('通讯录', (grid) => {
      grid.cells.push(...saved);
    });
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: DAY });
    expect([...(await cardRegister(store)).keys()].sort()).toEqual(expected);
  });

  it('a 完成时限 unreadable for a day (数据有误), then repaired: no card notice again under a new 文号', async () => {
    const store = createMemoryStore(demoWorkbook());
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: DAY });
    const before = await cardRegister(store);
    const yellow = [...before.keys()].find((k) => k.startsWith('ZD-') && k.includes('|黄牌|'))!;
    expect(yellow).toBeDefined();
    const id = yellow.split('|')[0]!;
    const grid = () => store.tab('挂图作战表')!.rows;
    const col = grid()
      .slice(0, 2)
      .map((r) => r.indexOf('完成时限'))
      .find((i) => i >= 0)!;
    const rowOf = () => grid().findIndex((r) => r.includes(id));
    let typed: Cell = null;
    store.editTab('挂图作战表', (g) => {
      const r = g.cells[rowOf()]!;
      typed = r[col] ?? null;
      r[col] = '九月中旬';
    });
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: NEXT });
    expect(grid()[rowOf()]).toContain('数据有误');
    store.editTab('挂图作战表', (g) => {
      g.cells[rowOf()]![col] = typed;
    });
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: FROM, now: at830('2026-06-17') });
    const after = await cardRegister(store);
    const forTask = (m: Map<string, string>) => [...m].filter(([k]) => k.startsWith(`${id}|`));
    expect(forTask(after)).toEqual(forTask(before));
  });
});
