/**
 * GB/T 9704-2012 《党政机关公文格式》 measures and fonts, for the 通报 .docx.
 * Sizes are in half-points (docx `size`), lengths in twips (1/20 pt).
 */

/** 三号 16 pt (body), 二号 22 pt (title), 四号 14 pt (版记), 小四 12 pt (tables), 五号 10.5 pt (the wide ranking table). */
export const SIZE = { body: 32, title: 44, masthead: 72, note: 28, table: 24, wideTable: 21 } as const;

/** The fonts the standard names, each followed by the ones to use where it is not installed. */
export const FONT_FALLBACKS = {
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'WenQuanYi Zen Hei'],
  title: ['方正小标宋简体', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC'],
  heading: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei'],
  number: ['Times New Roman', 'Liberation Serif'],
  /** 页码 (§7.5): 4号半角宋体阿拉伯数字. */
  pageNumber: ['宋体', 'SimSun', 'Noto Serif CJK SC'],
} as const;

export type FontRole = keyof typeof FONT_FALLBACKS;

/** The run fonts of a role: its first font for Chinese, Times New Roman for digits and Latin letters. */
export function runFont(role: FontRole): { eastAsia: string; ascii: string; hAnsi: string } {
  const latin = role === 'body' || role === 'number' ? FONT_FALLBACKS.number[0] : FONT_FALLBACKS[role][0];
  return { eastAsia: FONT_FALLBACKS[role][0], ascii: latin, hAnsi: latin };
}

/** 发文机关标志, the separator line and the 标题's red: GB/T 9704 §7.2.3 asks for red (红色). */
export const RED = 'C00000';

/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 11905 wide). */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** A4 with the standard's margins: 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm. */
export const PAGE = {
  width: twips(210),
  height: twips(297),
  margin: {
    top: twips(37),
    bottom: twips(35),
    left: twips(28),
    right: twips(26),
    /** 页码 (§7.5): its 一字线 7 mm below the 版心, so the 4号 line sits about 23 mm above the page's edge. */
    footer: twips(23),
  },
  /** 版心 width in twips. */
  text: twips(156),
} as const;

/**
 * 28 characters to a line (§5.2.2): 三号 is 16 pt, 28 of them 448 pt, the 版心 442 pt — so each character of 正文 is
 * set this many twips closer (-5: 28 × 15.75 pt fits), else a line holds 27.
 */
export const CHAR_SPACING = Math.floor(PAGE.text / 28) - SIZE.body * 10;

/** 22 lines of 28 chars per page: a fixed 28.9 pt line pitch, kept at 28 pt so tables fit. */
export const LINE = 560;
/** 首行缩进 2 个字 of 三号. */
export const INDENT = 640;
