import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localEnvFor, parseEnvFile } from '../../src/local/config-file';

describe('duban.env beside the workbook', () => {
  it('reads KEY=value lines (comments, export, quotes) and reports a bad line by number without quoting it', () => {
    expect(
      parseEnvFile('\uFEFF# 邮件\n\nexport DUBAN_SMTP_URL="smtps://u:p@h"\nDUBAN_MAIL_FROM=a@b.cn\n'),
    ).toEqual({
      values: { DUBAN_SMTP_URL: 'smtps://u:p@h', DUBAN_MAIL_FROM: 'a@b.cn' },
      problems: [],
    });
    expect(parseEnvFile('DUBAN_SMTP_URL smtps://u:secret@h').problems).toEqual(['第1行不是“名称=值”的格式']);
  });

  it('gives the workbook its mail server; the environment wins over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-env-'));
    const workbook = join(dir, '督办.xlsx');
    writeFileSync(join(dir, 'duban.env'), 'DUBAN_SMTP_URL=smtps://u:p@mail.file.cn\n');
    const fromFile = localEnvFor(workbook, {});
    expect(fromFile.ok && fromFile.config.smtp?.host).toBe('mail.file.cn');
    const fromEnv = localEnvFor(workbook, { DUBAN_SMTP_URL: 'smtp://u:p@mail.env.cn' });
    expect(fromEnv.ok && fromEnv.config.smtp?.host).toBe('mail.env.cn');
    writeFileSync(join(dir, 'duban.env'), 'DUBAN_SMTP_URL=ftp://x\n');
    const bad = localEnvFor(workbook, {});
    expect(!bad.ok && bad.message).toMatch(
      /设置 DUBAN_SMTP_URL（邮件服务器）不是邮件服务器地址[\s\S]*（配置取自 .*duban\.env 和环境变量）/,
    );
    expect(localEnvFor(join(mkdtempSync(join(tmpdir(), 'duban-env-')), 'x.xlsx'), {})).toMatchObject({
      ok: true,
      config: { smtp: null },
    });
  });
});
