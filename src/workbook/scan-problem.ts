/** A problem for the summary and the logs: where, what, and the Chinese message for users. */
export interface ScanProblem {
  tab: string;
  row: number | null;
  id: string | null;
  cell: string | null;
  code: string;
  message: string;
}
