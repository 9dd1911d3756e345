/**
 * SPEC §5: every notice is in the 审计日志. A numbered item that travels in daily digests (a leader's 约谈建议) gets its
 * own 发文 row, once, however many digests carry it.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from '../../src/mail/memory';
import { runScan } from '../../src/scan/run-scan';
import { createMemoryStore } from '../../src/store/drivers/memory/memory';
import { at830, demoWorkbook, FROM } from './demo-workbook';

describe('numbered items delivered by digest', () => {
  it('each 约谈建议 sent has one 发文 row naming its 文号', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-15'));
    await runScan({ store, mailer: createMemoryMailer(), from: FROM, now: at830('2026-06-15') });
    const register = store.tab('文书登记')!;
    const header = register.rows[0]!.map(String);
    const col = (name: string) => header.indexOf(name);
    const interviews = register.rows
      .slice(1)
      .filter((r) => r[col('类型')] === '约谈建议' && String(r[col('文号')] ?? '').includes('谈〔'));
    expect(interviews.length).toBeGreaterThan(0);
    const audit = store.tab('审计日志')!;
    const auditHeader = audit.rows[0]!.map(String);
    const sent = audit.rows.filter(
      (r) => r[auditHeader.indexOf('动作')] === '发文' && r[auditHeader.indexOf('字段')] === '约谈建议',
    );
    expect(sent.map((r) => r[auditHeader.indexOf('新值')]).sort()).toEqual(
      interviews.map((r) => r[col('文号')]).sort(),
    );
  });

  it('asks the 主要领导 to arrange a 红牌 约谈; the leaders and 督查室 copied are told, not asked', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-15'));
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: FROM, now: at830('2026-06-15') });
    const digests = mailer.sent.filter(
      (m) => m.headers?.['X-Duban-Kind'] === 'digest' && m.text.includes('《约谈建议》'),
    );
    const chief = digests.find((m) => m.to[0]!.address === 'xianzhang@demo.gov.cn')!;
    expect(chief.text).toMatch(/请于.+前安排约谈并反馈约谈情况/);
    const copied = digests.filter((m) => m.text.includes('抄送您知悉，由主送领导安排约谈并反馈约谈情况'));
    expect(copied.length).toBeGreaterThan(0);
    for (const m of copied) expect(m.to[0]!.address).not.toBe('xianzhang@demo.gov.cn');
  });

  it('a signer’s digest shows a draft’s task as it stands and counts each task once', async () => {
    const store = createMemoryStore(demoWorkbook('2026-06-15'));
    const mailer = createMemoryMailer();
    await runScan({ store, mailer, from: FROM, now: at830('2026-06-15') });
    const signers = mailer.sent.filter(
      (m) => m.headers?.['X-Duban-Kind'] === 'digest' && m.text.includes('待签发，未编号'),
    );
    expect(signers.length).toBeGreaterThan(0);
    for (const m of signers) {
      expect(m.text).not.toContain('状态：待签发');
      const ids = new Set([...m.text.matchAll(/^\d+\. (\S+) /gm)].map((x) => x[1]));
      expect(m.subject).toContain(`您有${ids.size}项重点工作需关注`);
    }
  });
});
