import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar';
import { CONFIG_ENTRIES, defaultConfig, parseConfig } from '../../src/domain/config';
import { evaluateTask } from '../../src/domain/evaluate-task';
import { battleTask, ctxOn, facts, months } from './fixtures';

describe('规则配置', () => {
  it('defaults are the SPEC values', () => {
    const c = defaultConfig();
    expect([
      c.dueSoonWorkdays,
      c.feedbackWorkday,
      c.notStartedWorkdays,
      c.blueLagPoints,
      c.redOverdueWorkdays,
      c.escalationWorkdays,
    ]).toEqual([5, 5, 10, 20, 10, 3]);
    expect(c.scanTime).toBe('08:30');
    expect(c.approvalChain).toEqual([
      '承办单位主要负责人',
      '督查室核实',
      '办公室分管副主任',
      '办公室主任',
      '分管领导',
      '主要领导',
    ]);
    expect(CONFIG_ENTRIES.every((e) => e.note.length > 0)).toBe(true);
  });

  it('takes valid values and reports a bad one in Chinese, falling back to its default', () => {
    const { config, problems } = parseConfig({
      机关名称: '某某县人民政府办公室',
      文号前缀: '某政督',
      临期工作日: '7',
      红牌逾期工作日: '十天',
      常务会议反馈时限: '两周半',
    });
    expect(config.dueSoonWorkdays).toBe(7);
    expect(config.redOverdueWorkdays).toBe(10);
    expect(config.executiveLimit).toBe('半个月');
    expect(problems.map((p) => p.message)).toEqual([
      '规则配置"红牌逾期工作日"的值"十天"无效（应为整数 1–120），已按默认值"10"执行',
      '规则配置"常务会议反馈时限"的值"两周半"无效（应为如 5个工作日、7天、1周、半个月、1个月，不少于1天、不超过一年），已按默认值"半个月"执行',
    ]);
  });

  it("has no county's name by default: a blank 机关名称 or 文号前缀 is reported and a visible placeholder used", () => {
    const { config, problems } = parseConfig({ 督查室邮箱: 'duban@example.gov.cn' });
    expect(JSON.stringify(CONFIG_ENTRIES)).not.toMatch(/临猗|临政督/);
    expect(config.agencyName).toBe('（未填写机关名称）');
    expect(config.docPrefix).toBe('督');
    expect(config.officeEmail).toBe('duban@example.gov.cn');
    expect(problems.map((p) => p.key)).toEqual(['机关名称', '文号前缀']);
    expect(problems[0]!.message).toContain('请在规则配置中填写本机关全称');
  });

  it('takes the office values and checks the 督查室邮箱', () => {
    const { config, problems } = parseConfig({
      机关名称: '甲县人民政府办公室',
      文号前缀: '甲政督',
      督查室邮箱: 'duban',
    });
    expect([config.agencyName, config.docPrefix, config.officeEmail]).toEqual([
      '甲县人民政府办公室',
      '甲政督',
      '',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      '规则配置"督查室邮箱"的值"duban"无效（应为电子邮箱地址，如 duban@example.gov.cn），已按默认值""执行',
    ]);
  });

  it('a custom threshold changes the rule that reads it', () => {
    const task = battleTask({
      deadline: { kind: 'date', day: toDay('2026-03-20') },
      months: months({ 1: '已完成', 2: '已完成' }),
    });
    expect(evaluateTask(task, facts(), ctxOn('2026-03-10')).status).toBe('正常推进'); // 8 working days left
    expect(evaluateTask(task, facts(), ctxOn('2026-03-10', { 临期工作日: '8' })).status).toBe('临期');
  });

  it('周报星期 takes 周一…周日 (or 1–7) and 周报时间 an HH:MM, default 周一 08:00', () => {
    expect(defaultConfig()).toMatchObject({ weeklyBriefWeekday: 1, weeklyBriefTime: '08:00' });
    for (const [text, day] of [['周三', 3], ['星期日', 7], ['周天', 7], ['5', 5]] as const)
      expect(parseConfig({ 周报星期: text }).config.weeklyBriefWeekday).toBe(day);
    const { config, problems } = parseConfig({ 周报星期: '周八', 周报时间: '8点' });
    expect(config).toMatchObject({ weeklyBriefWeekday: 1, weeklyBriefTime: '08:00' });
    expect(problems.filter((p) => p.key.startsWith('周报')).map((p) => p.message)).toEqual([
      '规则配置"周报星期"的值"周八"无效（应为周一…周日（或 1–7）），已按默认值"周一"执行',
      '规则配置"周报时间"的值"8点"无效（应为HH:MM，如 08:00），已按默认值"08:00"执行',
    ]);
  });
});
