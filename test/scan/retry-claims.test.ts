import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { defaultConfig } from '../../src/domain/config';
import { finalizeDocNos, provisionalDocNo } from '../../src/scan/doc-numbers';
import { claimKeys, claimsWon } from '../../src/scan/retry-claims';
import type { RegisterRow } from '../../src/workbook/read-ledgers';

const TODAY = toDay('2026-11-20');
const BASE = 'ZD-2026-001|催办单|1|逾期@2026-10-30';
let nextRow = 2;
const row = (docNo: string, type: string, key: string, status: string, day = TODAY): RegisterRow => ({
  row: nextRow++,
  docNo,
  type,
  id: 'ZD-2026-001',
  key,
  status,
  day,
  cells: {},
});
const original = () => row('临政督催〔2026〕1号', '催办单', BASE, '待发送', toDay('2026-11-19'));
const claim = (run: string, n: number, status = '待发送', day = TODAY) =>
  row(provisionalDocNo(2026, run, 1), '重发', `${BASE}|重发|${n}`, status, day);
const won = (register: RegisterRow[], token: string) =>
  claimsWon(register, finalizeDocNos(register, defaultConfig()), [{ token, base: BASE }], TODAY).has(token);

describe('claims on the retry of a notice still 待发送', () => {
  it('number each new claim after the ones already in the register', () => {
    const first = original();
    expect(claimKeys([first])(first)).toBe(`${BASE}|重发|1`);
    expect(claimKeys([first, claim('a', 1, '发送失败'), claim('b', 2, '重复作废')])(first)).toBe(
      `${BASE}|重发|3`,
    );
  });

  it('go to the first of two scans claiming at once', () => {
    const register = [original(), claim('a', 1), claim('b', 1)];
    expect(won(register, provisionalDocNo(2026, 'a', 1))).toBe(true);
    expect(won(register, provisionalDocNo(2026, 'b', 1))).toBe(false);
  });

  it('wait while an earlier claim of today is still in flight, but not for a failed one or a crashed one of yesterday', () => {
    const token = provisionalDocNo(2026, 'c', 1);
    expect(won([original(), claim('a', 1), claim('c', 2)], token)).toBe(false);
    expect(won([original(), claim('a', 1, '发送失败'), claim('c', 2)], token)).toBe(true);
    expect(won([original(), claim('a', 1, '待发送', toDay('2026-11-19')), claim('c', 2)], token)).toBe(true);
  });

  it('lose when the notice was sent meanwhile', () => {
    const sent = { ...original(), status: '已发送' };
    expect(won([sent, claim('a', 1, '已发送'), claim('c', 2)], provisionalDocNo(2026, 'c', 1))).toBe(false);
  });
});
