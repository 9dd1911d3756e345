import { describe, expect, it } from 'vitest';
import { homePage } from '../../src/web/home-page';
import type { ScanSummary } from '../../src/scan/types';

const summary = {
  date: '2026-11-20',
  tasks: 3,
  byStatus: { 正常推进: 3 },
  byCard: {},
  notices: { created: 2, sent: 2, unsent: 0, duplicateSkipped: 0, failed: 0 },
  cellsWritten: 1,
  fillsWritten: 1,
  idsAssigned: 0,
  auditRows: 1,
  problems: [],
} as unknown as ScanSummary;

describe('the status page says where the notices went', () => {
  it('outbox: 已存入发件箱 with the note, never 已发送', () => {
    const page = homePage(
      { ...summary, mail: { transport: 'outbox', note: '未配置邮件服务器（DUBAN_SMTP_URL）…' } },
      [],
    );
    expect(page).toContain('<th>已存入发件箱</th><td>2</td>');
    expect(page).not.toContain('<th>已发送</th>');
    expect(page).toContain('<p class="note">未配置邮件服务器（DUBAN_SMTP_URL）…</p>');
  });

  it('smtp: 已发送', () => {
    const page = homePage({ ...summary, mail: { transport: 'smtp' } }, null);
    expect(page).toContain('<th>已发送</th><td>2</td>');
  });
});
