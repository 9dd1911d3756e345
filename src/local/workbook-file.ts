/**
 * Is this file a workbook the scan can read (and write)? Checked before the xlsx driver opens it, from the file's
 * kind and first bytes, so a clerk who points duban at the wrong file gets one Chinese sentence saying what the file
 * is and what to do — never a stack trace, and nothing written.
 */
import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { HTTPException } from 'hono/http-exception';

/** Why a workbook file cannot be scanned; `message` is the Chinese answer for the clerk. */
export type WorkbookFileCode =
  | 'missing'
  | 'directory'
  | 'no-permission'
  | 'empty'
  | 'text'
  | 'truncated'
  | 'not-xlsx'
  | 'encrypted'
  | 'legacy-binary'
  | 'read-only'
  | 'folder-read-only'
  | 'open-in-editor'
  | 'scan-running'
  | 'corrupt';

/**
 * A workbook the scan refuses to touch. An HTTPException (409) so `POST /api/scan` on `duban serve` answers the same
 * Chinese sentence the command line prints.
 */
export class WorkbookFileError extends HTTPException {
  override name = 'WorkbookFileError';
  constructor(
    readonly code: WorkbookFileCode,
    message: string,
  ) {
    super(409, { message });
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted Office file (Excel and WPS "用密码进行加密") keeps its key data in, as stored: UTF-16LE. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * Check `file` before a scan: it must be a readable .xlsx workbook, and — unless `write` is false (a dry run) — one
 * the scan may replace. Throws WorkbookFileError with the answer for the clerk.
 *
 * @example
 * await assertScannableWorkbook('督办-2026.xlsx', { write: true });
 */
export async function assertScannableWorkbook(file: string, options: { write: boolean }): Promise<void> {
  const problem = await workbookFileProblem(file, options);
  if (problem) throw new WorkbookFileError(problem.code, problem.message);
}

/** The problem with `file`, or null when it looks like a workbook the scan can use. */
export async function workbookFileProblem(
  file: string,
  options: { write: boolean },
): Promise<{ code: WorkbookFileCode; message: string } | null> {
  const stats = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (stats instanceof Error) return errnoProblem(file, stats);
  if (stats.isDirectory())
    return {
      code: 'directory',
      message: `${file} 是一个文件夹，不是工作簿；请用 --workbook 指向其中的 .xlsx 文件，如 ${file}/督办-2026.xlsx。`,
    };
  if (stats.size === 0)
    return {
      code: 'empty',
      message: `${file} 是空文件（0 字节），多半是复制或保存时中断了；请从备份恢复，或用 duban init 重新生成模板。`,
    };
  const bytes = await readHead(file, stats.size);
  if (bytes instanceof Error) return errnoProblem(file, bytes);
  const kind = sniff(file, bytes, stats.size);
  if (kind) return kind;
  if (options.write) return writeProblem(file, stats.mode);
  return null;
}

/** The first 64 KiB and the last 64 KiB (where a zip keeps its directory), from one open handle. */
async function readHead(file: string, size: number): Promise<{ head: Buffer; tail: Buffer } | Error> {
  try {
    const handle = await open(file, 'r');
    try {
      const n = Math.min(size, 65_536);
      const head = Buffer.alloc(n);
      await handle.read(head, 0, n, 0);
      const tail = Buffer.alloc(n);
      await handle.read(tail, 0, n, size - n);
      return { head, tail };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return error as Error;
  }
}

function sniff(
  file: string,
  { head, tail }: { head: Buffer; tail: Buffer },
  size: number,
): { code: WorkbookFileCode; message: string } | null {
  const saveAs = '请用 Excel 或 WPS 打开它，“另存为” Excel 工作簿（*.xlsx），再用新文件扫描';
  if (head.subarray(0, 8).equals(OLE2)) {
    if (head.includes(ENCRYPTION_INFO) || tail.includes(ENCRYPTION_INFO))
      return {
        code: 'encrypted',
        message:
          `${file} 设有打开密码（已加密），duban 无法读取；请在 Excel 中打开，在“文件→信息→保护工作簿→用密码进行加密”` +
          '（WPS：“文件→文档加密→密码加密”）清空密码并保存后重试。',
      };
    return {
      code: 'legacy-binary',
      message: `${file} 是旧版 Excel（.xls）或 WPS 表格（.et）格式，duban 只读写 .xlsx；${saveAs}。`,
    };
  }
  if (head.subarray(0, 4).equals(ZIP)) {
    const end = tail.lastIndexOf(ZIP_END);
    if (end < 0)
      return {
        code: 'truncated',
        message:
          `${file} 不完整（文件末尾缺失，多半是复制、下载或保存时中断，或磁盘已满）；请从备份恢复，` +
          '或在 Excel 中用“打开并修复”后另存为 .xlsx。',
      };
    // A .docx or a plain .zip is a zip too: an .xlsx names xl/workbook.xml in its central directory.
    if (!tail.includes('xl/workbook.xml') && !(size <= 65_536 && head.includes('xl/workbook.xml')))
      return {
        code: 'not-xlsx',
        message: `${file} 是压缩包或其他 Office 文档，不是 Excel 工作簿（其中没有工作表）；请选择 .xlsx 工作簿。`,
      };
    return null;
  }
  if (looksLikeText(head) || extname(file).toLowerCase() === '.csv')
    return {
      code: 'text',
      message:
        `${file} 是文本文件（如 CSV），不是 Excel 工作簿，没有挂图作战表等工作表；${saveAs}，` +
        '或把数据粘贴进 duban init 生成的模板。',
    };
  return {
    code: 'not-xlsx',
    message: `${file} 不是 Excel 工作簿（.xlsx）；请选择用 Excel、WPS 或 duban init 生成的 .xlsx 文件。`,
  };
}

/** No NUL byte and mostly printable: a CSV, a note, an HTML page saved as .xlsx. */
function looksLikeText(head: Buffer): boolean {
  const sample = head.subarray(0, 4096);
  if (sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  return control <= sample.length / 100;
}

/**
 * The scan replaces the file with a new one beside it (atomic rename), which a read-only attribute would not stop:
 * so a read-only workbook is refused here, not silently replaced, and so is a folder it cannot create files in.
 */
async function writeProblem(
  file: string,
  mode: number,
): Promise<{ code: WorkbookFileCode; message: string } | null> {
  const hint = '只查看结果可加 --dry-run（不写入、不发送）。';
  if ((mode & 0o222) === 0 || !(await canAccess(file, constants.W_OK)))
    return {
      code: 'read-only',
      message:
        `${file} 是只读文件；扫描要写入状态、预警、文书登记和审计日志，不会替换只读文件。` +
        `请取消文件属性中的“只读”（或给运行 duban 的账户写权限）后重试；${hint}`,
    };
  if (!(await canAccess(dirname(file), constants.W_OK)))
    return {
      code: 'folder-read-only',
      message: `无法在 ${dirname(file)} 中保存文件（文件夹只读或无写权限）；请给运行 duban 的账户写权限后重试；${hint}`,
    };
  return null;
}

function canAccess(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

function errnoProblem(
  file: string,
  error: NodeJS.ErrnoException,
): { code: WorkbookFileCode; message: string } {
  if (error.code === 'ENOENT')
    return {
      code: 'missing',
      message: `找不到工作簿 ${file}：请核对路径；本单位还没有工作簿时，用 npx duban init --workbook ${file} --org 机关名称 --prefix 文号前缀 --email 督查室邮箱 新建（只想看演示：npx duban init --demo --workbook 演示.xlsx）`,
    };
  if (error.code === 'EACCES' || error.code === 'EPERM')
    return {
      code: 'no-permission',
      message: `没有读取 ${file} 的权限；请让管理员给运行 duban 的账户读写此文件及其所在文件夹的权限。`,
    };
  if (error.code === 'EISDIR')
    return {
      code: 'directory',
      message: `${file} 是一个文件夹，不是工作簿；请用 --workbook 指向 .xlsx 文件。`,
    };
  return {
    code: 'no-permission',
    message: `无法读取 ${file}（${error.code ?? error.message}）；请确认文件存在、可访问（网络盘已连接）后重试。`,
  };
}

/**
 * The answer for a workbook the xlsx driver could not parse although it looked like one (corrupt XML inside the
 * zip): the driver's English error in the log, a Chinese sentence for the clerk.
 */
export function corruptWorkbookError(file: string, error: unknown): WorkbookFileError | null {
  const text = error instanceof Error ? error.message : String(error);
  // A driver that already says it in Chinese (the package driver: 工作簿…已损坏…) is passed on without its log prefix.
  if (/^\[store:xlsx\] .*已损坏/.test(text))
    return new WorkbookFileError('corrupt', text.replace(/^\[store:xlsx\] /, ''));
  if (!/cannot read .* as an \.xlsx workbook/.test(text)) return null;
  return new WorkbookFileError(
    'corrupt',
    `${file} 内容已损坏，无法作为 Excel 工作簿读取；请在 Excel 中用“打开并修复”（WPS：“文件修复”），另存为 .xlsx 后重试，` +
      '或从备份恢复。',
  );
}
