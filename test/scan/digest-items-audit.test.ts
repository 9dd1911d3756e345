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
});
