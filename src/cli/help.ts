/** The `duban` overview help, `--version`, and the "did you mean" of a mistyped command — all in Chinese. */
import { readFileSync } from 'node:fs';

/** Every command with one line on what it does, in the order a new office meets them. */
export const COMMAND_SUMMARIES: ReadonlyArray<readonly [string, string]> = [
  ['init', '新建本机关的工作簿（机关名称、文号前缀、督查室邮箱），或含演示数据的工作簿'],
  ['scan', '扫描一次：计算状态和红黄蓝牌、着色、发送催办督办通知、写审计日志'],
  ['serve', '启动服务：状态网页、手动扫描，每个工作日定时自动扫描'],
  ['start', '演示：新建 data/demo.xlsx（虚构的县）、扫描并启动服务（npm start）'],
  ['mail', '测试邮件服务器设置：duban mail test --to 邮箱'],
  ['desk-link', '生成督查室工作台链接（督查室人员专用，7天内有效）'],
  ['report', '生成月度、季度、年度通报和排名（可导出 .docx）'],
  ['workdays', '工作日计算与查询（含调休）'],
  ['template', '导出空白模板或演示工作簿文件'],
];

export const EXIT_CODES = `退出码：
  0  成功
  1  运行中失败：扫描因工作簿缺表头而停止、邮件发送失败、文件无法写入、服务无法启动
  2  命令或参数有误（未执行任何操作），请按提示修改后重试`;

/** `duban`, `duban --help`, `duban -h`, `duban help`. */
export function overviewHelp(): string {
  const width = Math.max(...COMMAND_SUMMARIES.map(([name]) => name.length));
  return [
    `duban ${version()} —— 督查督办：在现有的督办表格上自动计算状态、亮红黄蓝牌、发送编号的催办督办通知`,
    '',
    '用法：duban <命令> [参数]',
    '',
    '命令：',
    ...COMMAND_SUMMARIES.map(([name, what]) => `  ${name.padEnd(width)}  ${what}`),
    '',
    '查看某个命令的用法：duban <命令> --help（只显示说明，不做任何操作）',
    '第一次使用：duban init --workbook 督办.xlsx --org 机关名称 --prefix 文号前缀 --email 督查室邮箱',
    '',
    EXIT_CODES,
    '',
    '使用手册：docs/使用手册.md',
  ].join('\n');
}

/** The version in package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * The command the user most likely meant, or null when nothing is close (edit distance ≤ 2, or a prefix).
 *
 * @example
 * suggestCommand('sacn', ['scan', 'serve']); // 'scan'
 */
export function suggestCommand(typed: string, names: readonly string[]): string | null {
  const lower = typed.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = lower.length >= 2 && name.startsWith(lower) ? 0 : editDistance(lower, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.min(2, Math.max(1, Math.floor(best.name.length / 2)))
    ? best.name
    : null;
}

/** Damerau–Levenshtein (optimal string alignment): a swap of two neighbours, as in sacn → scan, counts once. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}
