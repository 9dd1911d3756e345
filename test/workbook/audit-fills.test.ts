import { expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { buildPlan } from '../../src/workbook/plan';
import { readWorkbook } from '../../src/workbook/read-workbook';
import { TAB_SPECS } from '../../src/workbook/schema/tabs';
import { demoStore } from '../report/demo-workbook';

it('writes fills into 审计日志 as colour names a clerk can read, not hex codes', async () => {
  const model = readWorkbook(await demoStore(2026, '2026-10-31').read([...TAB_SPECS]), toDay('2026-10-31'));
  const ctx = { today: model.today, cal: model.calendar, config: model.config, year: model.year };
  const verdicts = model.entries.map((e) => evaluateTask(e.task, e.facts, ctx, e.priorCard));
  const { audit } = buildPlan(model.entries, verdicts, '2026-10-31 08:30:00');
  const land = audit.find((r) => r.编号 === 'ZD-2026-061' && String(r.字段).includes('状态底色'))!;
  const fields = String(land.字段).split('、');
  const after = String(land.新值).split('；');
  expect(after[fields.indexOf('状态底色')]).toBe('红色（逾期）');
  expect(after[fields.indexOf('预警底色')]).toBe('红色（红牌）');
  expect(String(land.原值).split('；')[fields.indexOf('状态底色')]).toBe('无');
  const values = audit.flatMap((r) => [String(r.原值), String(r.新值)]).join('；');
  expect(values).not.toMatch(/(^|；)[0-9A-F]{6}(；|$)/);
});
