/**
 * The 文号 a notice is registered under before its number is fixed (src/scan/doc-numbers.ts): `〔待编号〕2026·<run>·<n>`.
 * Here, below the scan, so whatever reads 文书登记 can tell a number not yet given.
 */
const PROVISIONAL = '〔待编号〕';

/** @example provisionalDocNo(2026, 'run00001', 3) // '〔待编号〕2026·run00001·3' */
export function provisionalDocNo(year: number, run: string, index: number): string {
  return `${PROVISIONAL}${year}·${run}·${index}`;
}

/** @example isProvisional('临政督催〔2026〕15号') // false */
export function isProvisional(docNo: string): boolean {
  return docNo.startsWith(PROVISIONAL);
}
