import ExcelJS from 'exceljs';

/**
 * A clerk sets 规则配置 需签发文书 to 无 (every formal notice numbered and sent at once). For the tests of the ladder,
 * 文号 and outbox mechanics; 签发 itself (催办单 / 督办单 waiting for 同意 and 签发 by default, seed 004 §五.2) is
 * tested in test/scan/signing.test.ts.
 */
export async function sendWithoutSigning(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('规则配置')!;
  let found = false;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value) === '需签发文书') {
      row.getCell(2).value = '无';
      found = true;
    }
  });
  if (!found) ws.addRow(['需签发文书', '无']);
  await book.xlsx.writeFile(file);
}
