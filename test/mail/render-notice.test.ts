import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { renderNotice, type NoticeDoc } from '../../src/mail/notices';
import { cuibanDoc, ISSUER, OFFICE } from './fixtures';

/** Strips tags and decodes the entities the templates use, to read the HTML as a recipient sees it. */
function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function both(doc: NoticeDoc): string[] {
  const mail = renderNotice(doc);
  return [mail.text, visibleText(mail.html)];
}

const base = cuibanDoc();

describe('催办单', () => {
  it('follows the official form, part by part, in the plain-text body', () => {
    expect(renderNotice(base).text).toBe(
      [
        '临猗县人民政府办公室',
        '催办单',
        '临政督〔2026〕15号',
        '',
        '县自然资源局：',
        '　　你单位承办的下列事项未按要求办理，现予催办。请接此单后抓紧办理，并按时限要求反馈办理情况。',
        '',
        '事项编号：ZD-2026-001',
        '事项来源：政府工作报告',
        '工作任务：完成土地征收',
        '完成时限：2026年3月20日',
        '事由：',
        '　　1. 该事项已超过完成时限1个工作日，尚未办结。',
        '　　2. 3月份应完成工作任务“完成征地补偿”未反馈完成情况。',
        '时限要求：请于2026年3月24日前反馈办理情况。',
        '反馈链接：无需表格账号，打开即可填报 https://duban.example.cn/a/ZD-2026-001?sig=abc123',
        '',
        '签发：王五（县政府办公室主任）',
        '临猗县人民政府督查室',
        '2026年3月21日',
        '',
        '抄送：李四（县政府分管领导）',
        '',
      ].join('\n'),
    );
  });

  it('has a subject naming the type, the 文号 and the task', () => {
    expect(renderNotice(base).subject).toBe('【催办单】临政督〔2026〕15号 关于“完成土地征收”的催办');
  });

  it('shows the same parts in the HTML body, with a clickable answer link', () => {
    const mail = renderNotice(base);
    const seen = visibleText(mail.html);
    for (const part of [
      ISSUER,
      '催办单',
      '临政督〔2026〕15号',
      '县自然资源局：',
      '事项编号：',
      'ZD-2026-001',
      '完成土地征收',
      '2026年3月20日',
      '该事项已超过完成时限1个工作日，尚未办结。',
      '请于2026年3月24日前反馈办理情况。',
      '王五（县政府办公室主任）',
      OFFICE,
      '2026年3月21日',
      '抄送：李四（县政府分管领导）',
    ]) {
      expect(seen).toContain(part);
    }
    expect(mail.html).toContain('<a href="https://duban.example.cn/a/ZD-2026-001?sig=abc123"');
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).toContain('<html lang="zh-CN">');
  });

  it('tags the mail with its kind, item and 文号 for the outbox and the register', () => {
    expect(renderNotice(base).headers).toEqual({
      'X-Duban-Kind': 'cuiban',
      'X-Duban-Item-Id': 'ZD-2026-001',
      'X-Duban-Doc-No': '临政督〔2026〕15号',
    });
  });

  it('without an answer link, tells the unit to report in writing to the office', () => {
    for (const body of both(cuibanDoc({ answerUrl: undefined }))) {
      expect(body).toContain(`反馈方式：请将办理情况书面报送${OFFICE}。`);
      expect(body).not.toContain('反馈链接');
    }
  });

  it('uses the requirement wording the rules supply instead of the default', () => {
    const doc = cuibanDoc({ requirement: '请于2026年3月24日前报送3月份完成情况。' });
    for (const body of both(doc)) expect(body).toContain('时限要求：请于2026年3月24日前报送3月份完成情况。');
  });

  it('prints a single reason without a number, and a 长期 deadline as written', () => {
    const doc = cuibanDoc({
      reasons: ['3月份完成情况未按时反馈。'],
      item: { id: 'DB-2026-007', title: '常态化开展安全生产检查', deadlineText: '长期' },
    });
    const text = renderNotice(doc).text;
    expect(text).toContain('事由：\n　　3月份完成情况未按时反馈。\n');
    expect(text).toContain('完成时限：长期');
  });

  it('sets the dates of the 事由 into the sentence, without the spaces the workbook hints keep around them', () => {
    const doc = cuibanDoc({
      reasons: ['已超过完成时限 9月10日，逾期24个工作日', '9月应完成“征地补偿”未反馈，已超过反馈截止日 10月13日'],
    });
    for (const body of both(doc)) {
      expect(body).toContain('1. 已超过完成时限9月10日，逾期24个工作日。');
      expect(body).toContain('2. 9月应完成“征地补偿”未反馈，已超过反馈截止日10月13日。');
    }
  });
});

describe('the other notice types', () => {
  it('临期提醒 is informal: no 文号, and says the deadline is near', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '临期提醒',
      docNo: undefined,
      signer: undefined,
      reasons: ['距完成时限还有3个工作日。'],
      replyBy: toDay('2026-03-25'),
    };
    const mail = renderNotice(doc);
    expect(mail.subject).toBe('【临期提醒】关于“完成土地征收”的临期提醒');
    expect(mail.headers).not.toHaveProperty('X-Duban-Doc-No');
    expect(mail.headers['X-Duban-Kind']).toBe('linqi');
    for (const body of both(doc)) {
      expect(body).toContain('临期提醒');
      expect(body).toContain('即将到达完成时限');
      expect(body).toContain('距完成时限还有3个工作日。');
      expect(body).toContain('请于2026年3月25日前完成并反馈办理情况。');
      expect(body).not.toContain('undefined');
      expect(body).not.toContain('签发');
    }
    expect(mail.text.split('\n').slice(0, 3)).toEqual([ISSUER, '临期提醒', '']);
  });

  it('督办单 follows an unanswered 催办 and asks the unit head for a written result', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '督办单',
      docNo: '临政督〔2026〕16号',
      reasons: ['临政督〔2026〕15号催办单下发后，逾期仍未反馈办理情况。'],
      cc: ['李四（县政府分管领导）', '县政府督查室'],
    };
    const mail = renderNotice(doc);
    expect(mail.subject).toBe('【督办单】临政督〔2026〕16号 关于“完成土地征收”的督办');
    for (const body of both(doc)) {
      expect(body).toContain('督办单');
      expect(body).toContain('临政督〔2026〕16号');
      expect(body).toContain('经催办后仍未落实到位，现予督办');
      expect(body).toContain('请于2026年3月24日前书面报告办理结果。');
      expect(body).toContain('抄送：李四（县政府分管领导）、县政府督查室');
    }
  });

  it('提醒函 is the 蓝牌 card notice', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '提醒函',
      docNo: '临政督提〔2026〕3号',
      reasons: ['时序进度已过25%，上报进度为0%，落后超过20个百分点。'],
    };
    const mail = renderNotice(doc);
    expect(mail.subject).toBe('【提醒函·蓝牌】临政督提〔2026〕3号 关于“完成土地征收”的进度提醒');
    for (const body of both(doc)) {
      expect(body).toContain('提醒函（蓝牌）');
      expect(body).toContain('现予蓝牌提醒');
      expect(body).toContain('落后超过20个百分点');
      expect(body).toContain('请于2026年3月24日前反馈推进情况和赶进措施。');
    }
  });

  it('交办单 lists its 时间节点 (交办日期 and the 13710 nodes), not a 事由 it does not have', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '交办单',
      docNo: '临政督交〔2026〕1号',
      reasons: ['交办日期：3月2日', '研究部署：3月3日前', '反馈办理情况：3月9日前', '完成时限：3月9日前'],
    };
    const text = renderNotice(doc).text;
    expect(text).not.toContain('事由');
    expect(text).toContain(
      ['时间节点：', '　　1. 交办日期：3月2日。', '　　2. 研究部署：3月3日前。', '　　3. 反馈办理情况：3月9日前。'].join(
        '\n',
      ),
    );
    expect(visibleText(renderNotice(doc).html)).toContain('时间节点：');
    expect(visibleText(renderNotice(doc).html)).not.toContain('事由');
  });

  it('督办通知书 carries the 整改期限, and the requirement falls back to it', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '督办通知书',
      docNo: '临政督通〔2026〕2号',
      reasons: ['“四不两直”核查发现：征地补偿款未按进度拨付到户。'],
      replyBy: undefined,
      rectifyBy: toDay('2026-04-10'),
    };
    const mail = renderNotice(doc);
    expect(mail.subject).toBe('【督办通知书】临政督通〔2026〕2号 关于“完成土地征收”的限期整改');
    for (const body of both(doc)) {
      expect(body).toContain('督办通知书');
      expect(body).toContain('整改期限：2026年4月10日前整改到位');
      expect(body).toContain('征地补偿款未按进度拨付到户');
      expect(body).toContain('时限要求：请于2026年4月10日前书面报告整改情况。');
    }
  });

  it('约谈建议 (黄牌) goes to the 分管领导 to talk with the unit head', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '约谈建议',
      card: '黄牌',
      docNo: '临政督〔2026〕21号',
      to: '李四副县长',
      unit: '县自然资源局',
      reasons: ['连续两个月未完成月度任务。'],
      cc: ['县政府督查室'],
    };
    const mail = renderNotice(doc);
    expect(mail.subject).toBe('【约谈建议·黄牌】临政督〔2026〕21号 关于“完成土地征收”的约谈建议');
    for (const body of both(doc)) {
      expect(body).toContain('约谈建议（黄牌）');
      expect(body).toContain('李四副县长：');
      expect(body).toContain('责任单位：县自然资源局');
      expect(body).toContain('约谈人：分管领导');
      expect(body).toContain('约谈对象：县自然资源局主要负责人');
      expect(body).toContain('建议由分管领导约谈县自然资源局主要负责人');
      expect(body).toContain('请于2026年3月24日前安排约谈并反馈约谈情况。');
    }
  });

  it('约谈建议 (红牌) goes to the 主要领导 to talk with the 分管领导 and the unit head', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '约谈建议',
      card: '红牌',
      docNo: '临政督〔2026〕22号',
      to: '张三县长',
      unit: '县自然资源局',
      interviewer: '县长张三',
      interviewees: ['副县长李四', '县自然资源局局长赵六'],
      reasons: ['逾期超过10个工作日。'],
    };
    for (const body of both(doc)) {
      expect(body).toContain('约谈建议（红牌）');
      expect(body).toContain('张三县长：');
      expect(body).toContain('被亮红牌预警');
      expect(body).toContain('约谈人：县长张三');
      expect(body).toContain('约谈对象：副县长李四、县自然资源局局长赵六');
    }
    const defaults = renderNotice({ ...doc, interviewer: undefined, interviewees: undefined }).text;
    expect(defaults).toContain('约谈人：主要领导');
    expect(defaults).toContain('约谈对象：分管领导、县自然资源局主要负责人');
  });
  it('约谈建议 at the end of the ladder (no card) goes to the 分管领导 without card wording', () => {
    const doc: NoticeDoc = {
      ...cuibanDoc(),
      kind: '约谈建议',
      docNo: '临政督〔2026〕23号',
      to: '李四副县长',
      unit: '县自然资源局',
      reasons: ['4月10日已下发督办通知书，至今未解决'],
    };
    const mail = renderNotice(doc);
    expect(mail.subject).toBe('【约谈建议】临政督〔2026〕23号 关于“完成土地征收”的约谈建议');
    for (const body of both(doc)) {
      expect(body).toContain('经催办、督办后仍整改不到位');
      expect(body).toContain('约谈人：分管领导');
      expect(body).not.toMatch(/[红黄]牌/);
      expect(body).toContain('4月10日已下发督办通知书，至今未解决。');
    }
  });
});

describe('provisional calendar note', () => {
  it('is printed in both bodies when the dates rely on an unpublished year', () => {
    for (const body of both(cuibanDoc({ provisionalYears: [2027] }))) {
      expect(body).toContain('注：2027年国务院节假日安排尚未录入，工作日暂按法定节日推算。');
    }
  });

  it('lists several years once each, in order', () => {
    expect(renderNotice(cuibanDoc({ provisionalYears: [2028, 2027, 2028] })).text).toContain(
      '注：2027年、2028年国务院节假日安排尚未录入，工作日暂按法定节日推算。',
    );
  });

  it('is absent when the calendar is published', () => {
    for (const body of both(cuibanDoc({ provisionalYears: [] }))) expect(body).not.toContain('尚未录入');
  });
});

describe('text from staff cells', () => {
  const hostile = '<script>alert("x")</script>';
  const doc = cuibanDoc({
    issuer: `县政府${hostile}`,
    office: `<img src=x onerror=alert(1)>`,
    docNo: `临政督〔2026〕<i>1</i>号`,
    to: `县住建局${hostile}`,
    item: { id: `ZD-<b>1</b>`, title: `完成&${hostile}`, source: `<u>来源</u>`, deadlineText: `<s>长期</s>` },
    reasons: [`原因${hostile}`, '=HYPERLINK("http://evil.example","点击")'],
    answerUrl: 'javascript:alert(1)',
    cc: [`<em>李四</em>`],
    signer: `"王五' onclick="x`,
    requirement: `请<b>尽快</b>反馈`,
  });

  it('is escaped everywhere in the HTML: no tag from a cell survives', () => {
    const html = renderNotice(doc).html;
    expect(html).not.toMatch(/<(script|img|i|b|u|s|em)[\s>]/);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('完成&amp;&lt;script&gt;');
    expect(html).toContain('&quot;王五&#39; onclick=&quot;x');
  });

  it('reads back exactly as typed, in the HTML as shown and in the plain text', () => {
    for (const body of both(doc)) {
      expect(body).toContain(`县住建局${hostile}：`);
      expect(body).toContain(`完成&${hostile}`);
      expect(body).toContain('=HYPERLINK("http://evil.example","点击")');
      expect(body).toContain('javascript:alert(1)');
      expect(body).toContain('<em>李四</em>');
    }
  });

  it('keeps the subject on one short line whatever the title', () => {
    const long = renderNotice(
      cuibanDoc({ item: { id: 'ZD-2026-009', title: `第一行\n第二行${'字'.repeat(100)}` } }),
    );
    expect(long.subject).not.toMatch(/\n/);
    expect(long.subject).toBe(`【催办单】临政督〔2026〕15号 关于“第一行 第二行${'字'.repeat(33)}…”的催办`);
  });
});
