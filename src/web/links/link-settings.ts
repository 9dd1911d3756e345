import type { HeldAnswers } from './held-answers';
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
   * `duban serve`: answers submitted while a clerk has the workbook open in Excel / WPS / LibreOffice (whose next save
   * would wipe them) wait here and are written once it is closed (held-drain.ts).
   */
  held?: HeldAnswers;
}
