import type { LinkKeys } from './token';

/** What a runtime says about its signed links (from DUBAN_LINK_SECRET and DUBAN_PUBLIC_URL). */
export interface LinkSettings {
  /** null: DUBAN_LINK_SECRET is not set; link pages answer 503 and notices carry no links. */
  keys: LinkKeys | null;
  /** The office: the spreadsheet id, or the workbook's file name on `duban serve`. */
  office: string;
  /** Base of every link put into a mail, e.g. `https://duban.example.gov.cn`. */
  publicUrl?: string;
  /**
   * Why the workbook cannot take an answer right now, in Chinese for the unit (a clerk has it open in Excel / WPS /
   * LibreOffice, whose next save would wipe it), or null; the form then comes back filled, nothing written.
   */
  busy?: () => Promise<string | null>;
}
