import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/calendar/day';
import { bulletinDocx } from '../../src/report/bulletin-docx';
import { RED } from '../../src/report/official-style';
import { demoBulletin } from './demo-bulletin';

let documentXml: string;
let fontTable: string;
let zip: JSZip;
beforeAll(async () => {
  const { bulletin, config } = await demoBulletin('2026-10');
  const bytes = await bulletinDocx(bulletin, {
    agencyName: config.agencyName,
    docNo: '临政督通〔2026〕10号',
    issuedOn: toDay('2026-11-03'),
    // A city office's 规则配置 通报主送 / 通报抄送.
    mainRecipients: '各县（市、区）人民政府，市直各有关单位',
    copyTo: '市委办公室，市纪委监委',
  });
  zip = await JSZip.loadAsync(bytes);
  documentXml = await zip.file('word/document.xml')!.async('string');
  fontTable = await zip.file('word/fontTable.xml')!.async('string');
});

/** The document's text, runs joined. */
const paragraphTexts = (xml: string) =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('the 《政务督查通报》 .docx (GB/T 9704-2012)', () => {
  it('is addressed and copied as 规则配置 says (a city is not a county)', () => {
    expect(documentXml).toContain('各县（市、区）人民政府，市直各有关单位：');
    expect(documentXml).toContain('市委办公室，市纪委监委');
    expect(documentXml).not.toContain('各乡镇人民政府');
  });

  it('numbers its pages "— 1 —" in 4号, odd pages on the right and even pages on the left (§7.5)', async () => {
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    const align = (xml: string) => /<w:jc w:val="(\w+)"\/>/.exec(xml)?.[1];
    expect(footers.map(align).sort()).toEqual(['left', 'right']);
    for (const xml of footers) {
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(xml).toContain('— ');
      expect(xml).toContain('<w:sz w:val="28"/>');
      // 4号半角宋体: the digits and the 一字线 in 宋体, not Times New Roman.
      expect(xml).toContain('<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体"/>');
    }
    expect(documentXml).toMatch(/<w:footerReference w:type="default"/);
    expect(documentXml).toMatch(/<w:footerReference w:type="even"/);
  });

  it('has the 发文机关标志 in red and a red separator under the 文号', () => {
    expect(documentXml).toMatch(
      new RegExp(`<w:color w:val="${RED}"/>.*?<w:t[^>]*>临猗县人民政府办公室</w:t>`),
    );
    expect(documentXml).toMatch(new RegExp(`<w:bottom w:val="single" w:color="${RED}"`));
  });

  it('sets the body in 仿宋_GB2312 三号 (16 pt) and names what to use where it is missing', () => {
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('<w:sz w:val="32"/>');
    // 28 characters of 16 pt are wider than the 156 mm 版心: each is set 0.25 pt closer.
    expect(documentXml).toMatch(/<w:spacing w:val="-5"\/>(?:(?!<\/w:r>).)*现将有关情况通报如下/);
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    const names = [...fontTable.matchAll(/<w:font w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(names.filter((n) => n === '宋体')).toHaveLength(1);
  });

  it('sets the 文号 two lines under the 发文机关标志, the red line 4 mm under it and the 标题 two lines under that (§7.2.4, §7.2.5, §7.3.1)', () => {
    const paragraphs = documentXml.split('<w:p>').slice(1);
    const spacing = (p: string) => ({
      before: Number(/<w:spacing [^>]*w:before="(\d+)"/.exec(p)?.[1] ?? 0),
      after: Number(/<w:spacing [^>]*w:after="(\d+)"/.exec(p)?.[1] ?? 0),
    });
    const at = (text: string) => paragraphs.find((p) => p.includes(text))!;
    const [mast, docNo, title] = [at('>政务督查通报<'), at('>临政督通〔2026〕10号<'), at('>关于2026年10月')];
    const twoLines = 2 * 560;
    expect(spacing(mast).after + spacing(docNo).before).toBe(twoLines);
    expect(spacing(docNo).after + spacing(title).before).toBe(twoLines);
    expect(docNo).toMatch(new RegExp(`<w:bottom w:val="single" w:color="${RED}" w:sz="\\d+" w:space="11"/>`));
  });

  it('breaks the 标题 between words, never leaving 通报 alone on its second line (§7.3.1)', () => {
    const titleXml =
      /<w:p>(?:(?!<w:p>).)*?关于2026年10月(?:(?!<\/w:p>).)*<\/w:p>/.exec(documentXml)?.[0] ?? '';
    expect(titleXml).toMatch(/>关于2026年10月全县重点工作<\/w:t>.*<w:br\/>.*>督查情况的通报<\/w:t>/);
  });

  it('states how units are scored, in the words of a 通报, not the name of a workbook tab', () => {
    expect(documentXml).not.toContain('规则配置');
    expect(documentXml).toContain(
      '以100分为基础，每项按期办结加2分，每个缺报月份扣2分、每项逾期事项扣5分、每次迟报扣1分、每份督办单扣3分、每张红牌扣10分，各牵头单位2026年10月得分及排名如下：',
    );
  });

  it('names the 逾期 and 滞后 tasks with their 牵头单位 after the 黑榜, and counts them first', () => {
    const text = paragraphTexts(documentXml);
    const at = text.indexOf('四、逾期、滞后事项');
    expect(at).toBeGreaterThan(text.indexOf('三、黑榜'));
    expect(text.slice(at)).toMatch(
      /^四、逾期、滞后事项截至2026年10月31日，逾期事项4项、滞后事项4项，列出如下：编号工作任务牵头单位逾期、滞后情况ZD-2026-061重点项目征地拆迁城关镇逾期24个工作日/,
    );
    expect(text).toContain('ZD-2026-060乡镇综合文化站提档升级县文旅局8、9月节点滞后五、逾期报送情况');
  });

  it('lists at most 15 late tasks and says how many there are in all', async () => {
    const { bulletin, config } = await demoBulletin('2026-10');
    const many = Array.from({ length: 22 }, (_, i) => ({
      ...bulletin.lateTasks[0]!,
      id: `DB-2026-${100 + i}`,
    }));
    const zipped = await JSZip.loadAsync(
      await bulletinDocx(
        { ...bulletin, lateTasks: many },
        {
          agencyName: config.agencyName,
          docNo: '临政督通〔2026〕10号',
          issuedOn: toDay('2026-11-03'),
          mainRecipients: config.bulletinTo,
          copyTo: config.bulletinCopy,
        },
      ),
    );
    const text = paragraphTexts(await zipped.file('word/document.xml')!.async('string'));
    expect(text).toContain(
      '截至2026年10月31日，逾期事项22项，列出逾期时间最长的15项，其余7项见挂图作战表、督办台账：',
    );
    expect(text).toContain('DB-2026-114');
    expect(text).not.toContain('DB-2026-115');
  });

  it('puts the 合计 of the 分管领导 table right under the statuses it sums, the cards after it', () => {
    const after = documentXml.slice(documentXml.indexOf('六、分管领导分管事项情况'));
    const leaderXml = /<w:tbl>.*?<\/w:tbl>/.exec(after)?.[0] ?? '';
    const rows = leaderXml
      .split('</w:tr>')
      .map((row) => [...row.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' '))
      .filter(Boolean);
    const labels = rows.map((r) => r.split(' ')[0]);
    expect(labels.slice(-5)).toEqual(['数据有误', '合计', '亮红牌', '亮黄牌', '亮蓝牌']);
    // Each 合计 is the sum of the status rows above it, as a reader checks it.
    const numbers = rows.slice(1).map((r) => r.split(' ').slice(1).map(Number));
    const total = labels.indexOf('合计') - 1;
    for (let col = 0; col < numbers[0]!.length; col++)
      expect(numbers.slice(0, total).reduce((n, r) => n + r[col]!, 0)).toBe(numbers[total]![col]);
  });

  it("never splits a table row across pages, and repeats each table's header row on the next page", () => {
    const tables = [...documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    // Ranking, 红榜 or 黑榜, 逾期、滞后事项, 分管领导 and the 版记.
    expect(tables.length).toBeGreaterThanOrEqual(5);
    const rows = tables.flatMap((t) => t.match(/<w:tr>.*?<\/w:tr>/g) ?? []);
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((row) => !/<w:trPr>(?:(?!<\/w:trPr>).)*<w:cantSplit\/>/.test(row))).toEqual([]);
    const ruled = tables.filter((t) => !t.includes('<w:tblpPr'));
    for (const t of ruled) expect(t.match(/<w:tr>.*?<\/w:tr>/)![0]).toContain('<w:tblHeader/>');
  });

  it('sets the 版记 at the foot of the last page, its lines as wide as the 版心 (§7.4)', () => {
    const record = /<w:tbl>(?:(?!<w:tbl>).)*?抄送：.*?<\/w:tbl>/.exec(documentXml)?.[0] ?? '';
    expect(record).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(record).toContain('<w:tblW w:type="dxa" w:w="8844"/>');
    expect(record).toMatch(/<w:top w:val="single"[^>]*w:sz="8"/);
    expect(record).toMatch(/<w:insideH w:val="single"[^>]*w:sz="6"/);
    expect(record).toMatch(/<w:bottom w:val="single"[^>]*w:sz="8"/);
  });

  it('aligns a second 抄送 line after the colon and keeps 印发机关 and 印发日期 一字 from the ends (§7.4.2–7.4.3)', () => {
    const record = /<w:tbl>(?:(?!<w:tbl>).)*?抄送：.*?<\/w:tbl>/.exec(documentXml)?.[0] ?? '';
    expect(record).toMatch(/<w:ind w:left="840" w:hanging="840"\/>(?:(?!<\/w:p>).)*抄送：/);
    expect(record).toMatch(/<w:left w:type="dxa" w:w="280"\/>/);
    expect(record).toMatch(/<w:right w:type="dxa" w:w="280"\/>/);
    expect(record).toMatch(/<w:jc w:val="right"\/>(?:(?!<\/w:p>).)*2026年11月3日印发/);
  });

  it('lays out A4 with the standard margins (天头 37 mm, 订口 28 mm)', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });
});
