import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_ENTRIES } from '../../src/domain/config';
import { buildTemplateWorkbook } from '../../sheets-templates/xlsx/xlsx';
import { headerKeysOf, mergeAt, readBack, rowsOf, type ReadBack } from './read-back';

/** SPEC §2, copied by hand so the test checks the definition against the spec, not against itself. */
const SYSTEM = ['状态', '预警', '剩余工作日', '当前节点', '最近反馈', '催办次数', '原完成时限', '系统提示'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const SIGNERS = [
  '承办单位主要负责人',
  '督查室核实',
  '办公室分管副主任',
  '办公室主任',
  '分管领导',
  '主要领导',
];
const SPEC: Record<string, string[]> = {
  挂图作战表: [
    ...['序号', '编号', '事项来源', '分管领导', '牵头单位', '配合单位', '主要负责人', '具体责任人'],
    ...['工作任务', '年度目标', '完成时限', '星级', '交办日期', '红牌标记'],
    ...MONTHS.flatMap((m) => [`${m}/应完成工作任务`, `${m}/完成情况`]),
    ...SYSTEM,
  ],
  督办台账: [
    ...['编号', '事项来源', '来源文号/会议', '交办日期', '事项标题', '办理要求', '事项类型', '分管领导'],
    ...['牵头单位', '协办单位', '责任人', '完成时限', '办理状态', '红牌标记'],
    ...SYSTEM,
  ],
  任务清单: ['编号', '子项编号', '工作子项', '具体内容', '目标要求', '落实主体', '时序进度', '完成时限'],
  责任清单: ['编号', '子项编号', '牵头领导', '具体责任人', '联系方式'],
  措施清单: ['编号', '措施类型', '措施内容'],
  结果清单: ['编号', '子项编号', '阶段节点', '完成标准', '验收日期', '验收结果', '评定'],
  反馈记录: ['时间', '编号', '月份', '完成情况', '进度(%)', '存在问题', '下步计划', '填报人', '渠道'],
  延期申请: [
    '申请号',
    '编号',
    '原完成时限',
    '申请完成时限',
    '理由',
    '申请人',
    '申请时间',
    '状态',
    '审批人',
    '审批意见',
    '审批时间',
  ],
  办结审批: [
    ...['编号', '事项来源', '交办日期', '完成时限', '事项标题', '承办单位'],
    ...SIGNERS.flatMap((s) => [`${s}意见`, `${s}签字`, `${s}日期`]),
    ...['评价等级', '状态'],
  ],
  // SPEC §2.4, then what 调整时限 / 调整目标 change to (issue 9 item 5).
  调整记录: [
    '编号',
    '类型',
    '理由',
    '申请单位',
    '分管领导意见',
    '主要领导意见',
    '日期',
    '状态',
    '调整后完成时限',
    '调整后目标',
  ],
  文书登记: [
    '文号',
    '类型',
    '编号',
    '发往单位',
    '收件人',
    '抄送',
    '事由',
    '时限要求',
    '生成时间',
    '发送状态',
    '去重键',
    // Filled by staff to sign a draft (SPEC §4.4 签发, seed 004 §五.2).
    '同意人',
    '签发人',
    '签发日期',
  ],
  审计日志: ['时间', '操作者', '动作', '编号', '字段', '原值', '新值', '备注'],
  通讯录: ['姓名', '职务', '单位', '角色', '邮箱', '手机', '分管单位'],
  规则配置: ['配置项', '取值', '说明'],
  节假日: ['日期', '类型', '名称'],
};

let book: ReadBack;

beforeAll(async () => {
  const wb = await buildTemplateWorkbook();
  book = readBack(new Uint8Array(await wb.xlsx.writeBuffer()));
});

function sheet(name: string): XLSX.WorkSheet {
  const ws = book.wb.Sheets[name];
  if (!ws) throw new Error(`missing sheet ${name}`);
  return ws;
}

/** Drop-down values on a column, from the worksheet XML. */
function dropDown(tab: string, header: string, headerRows: 1 | 2): string[] | null {
  const c = headerKeysOf(sheet(tab), headerRows).indexOf(header);
  const letter = XLSX.utils.encode_col(c);
  const re = new RegExp(
    `<dataValidation [^>]*sqref="${letter}${headerRows + 1}:${letter}\\d+"[^>]*><formula1>&quot;([^<]*)&quot;</formula1>`,
  );
  const m = re.exec(book.sheetXml(tab));
  return m ? m[1]!.split(',') : null;
}

describe('the workbook template', () => {
  it('has a guide tab first, then every tab of SPEC §2 by name', () => {
    expect(book.wb.SheetNames).toEqual(['使用说明', ...Object.keys(SPEC)]);
  });

  it.each(Object.entries(SPEC))('%s has every header of SPEC §2, in order', (tab, headers) => {
    const headerRows = tab === '挂图作战表' ? 2 : 1;
    const keys = headerKeysOf(sheet(tab), headerRows);
    expect([...keys].sort()).toEqual([...headers].sort());
    // Order matters to clerks only where the spec fixes it: the month pairs run January to December.
    if (tab === '挂图作战表') {
      const months = keys.filter((k) => k.includes('/'));
      expect(months).toEqual(MONTHS.flatMap((m) => [`${m}/应完成工作任务`, `${m}/完成情况`]));
    }
  });

  it('groups each month of 挂图作战表 in a merged row-1 cell over its two sub-headers', () => {
    const ws = sheet('挂图作战表');
    const keys = headerKeysOf(ws, 2);
    for (const m of MONTHS) {
      const c = keys.indexOf(`${m}/应完成工作任务`);
      const merge = mergeAt(ws, 0, c);
      expect(merge, m).toEqual({ s: { r: 0, c }, e: { r: 0, c: c + 1 } });
      expect(ws[XLSX.utils.encode_cell({ r: 0, c })]?.v).toBe(m);
      expect(ws[XLSX.utils.encode_cell({ r: 1, c: c + 1 })]?.v).toBe('完成情况');
    }
    for (const h of ['编号', '工作任务', '完成时限', ...SYSTEM]) {
      const c = keys.indexOf(h);
      expect(mergeAt(ws, 0, c), h).toEqual({ s: { r: 0, c }, e: { r: 1, c } });
    }
  });

  it('marks every system column with the do-not-edit note', () => {
    for (const tab of ['挂图作战表', '督办台账']) {
      const ws = sheet(tab);
      const keys = headerKeysOf(ws, tab === '挂图作战表' ? 2 : 1);
      for (const h of SYSTEM) {
        const cell = ws[XLSX.utils.encode_cell({ r: 0, c: keys.indexOf(h) })] as XLSX.CellObject;
        expect(cell.c?.[0]?.t, `${tab} ${h}`).toContain('系统生成，请勿编辑');
      }
    }
  });

  it('offers the SPEC drop-downs', () => {
    expect(dropDown('挂图作战表', '事项来源', 2)).toEqual([
      ...['总书记重要指示批示', '中央省市重大决策部署', '上级领导批示', '县委县政府目标任务'],
      ...['政府工作报告', '会议议定事项', '领导批示', '其他'],
    ]);
    expect(dropDown('督办台账', '事项类型', 1)).toEqual(['一般', '复杂', '长期']);
    expect(dropDown('督办台账', '办理状态', 1)).toEqual(['正在办理', '已落实', '已完成']);
    expect(dropDown('措施清单', '措施类型', 1)).toEqual(['组织', '考核', '激励', '问责', '保障']);
    expect(dropDown('通讯录', '角色', 1)).toEqual([
      ...['主要领导', '分管领导', '督查室', '办公室主任', '办公室分管副主任', '单位负责人', '联络员'],
      // Copied on 催办单 / 督办单 (seed 004 §五.4).
      ...['组织部', '监察机关', '作风办'],
    ]);
    expect(dropDown('节假日', '类型', 1)).toEqual(['放假', '调休上班']);
    expect(dropDown('调整记录', '类型', 1)).toEqual(['调入', '调出', '调整目标', '调整时限']);
    expect(dropDown('延期申请', '状态', 1)).toEqual(['待审批', '同意', '不同意']);
    expect(dropDown('挂图作战表', '星级', 2)).toHaveLength(5);
  });

  it('keeps the header rows, and the task columns of 挂图作战表, in view when scrolling', () => {
    expect(book.sheetXml('挂图作战表')).toMatch(
      /<pane xSplit="5" ySplit="2" topLeftCell="F3"[^>]*state="frozen"/,
    );
    expect(book.sheetXml('督办台账')).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
  });

  it('lists every 规则配置 threshold with its default value', () => {
    const rows = rowsOf(sheet('规则配置'), 1);
    // An empty default (工作年度) is an empty cell.
    expect(rows.map((r) => [r['配置项'], r['取值'] ?? ''])).toEqual(
      CONFIG_ENTRIES.map((e) => [e.key, e.default]),
    );
    expect(rows.every((r) => typeof r['说明'] === 'string' && r['说明'] !== '')).toBe(true);
  });

  it('leaves the staff and ledger tabs empty below their headers', () => {
    for (const tab of Object.keys(SPEC).filter((t) => t !== '规则配置')) {
      expect(rowsOf(sheet(tab), tab === '挂图作战表' ? 2 : 1), tab).toEqual([]);
    }
  });
});

describe('the committed sheets-templates/duban-template.xlsx', () => {
  it('equals a freshly generated template, cell by cell', async () => {
    const committed = readBack(
      await readFile(new URL('../../sheets-templates/duban-template.xlsx', import.meta.url)),
    );
    expect(committed.wb.SheetNames).toEqual(book.wb.SheetNames);
    for (const name of book.wb.SheetNames) {
      const fresh = book.wb.Sheets[name]!;
      const saved = committed.wb.Sheets[name]!;
      expect(saved['!ref'], name).toBe(fresh['!ref']);
      expect(saved['!merges'] ?? [], name).toEqual(fresh['!merges'] ?? []);
      const cells = Object.keys(fresh).filter((k) => !k.startsWith('!'));
      expect(
        Object.keys(saved)
          .filter((k) => !k.startsWith('!'))
          .sort(),
        name,
      ).toEqual([...cells].sort());
      for (const k of cells) {
        const a = fresh[k] as XLSX.CellObject;
        const b = saved[k] as XLSX.CellObject;
        expect([b.t, b.v, b.c?.[0]?.t], `${name}!${k}`).toEqual([a.t, a.v, a.c?.[0]?.t]);
      }
      expect(committed.sheetXml(name), `${name} drop-downs and panes`).toBe(book.sheetXml(name));
    }
  });
});
