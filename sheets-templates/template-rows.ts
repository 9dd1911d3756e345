/**
 * Rows every template tab has, in the .xlsx template and the Google Sheet alike: drop-downs and column formats reach
 * this row; staff rarely exceed it, and the file stays small.
 */
export const TEMPLATE_ROWS = 1000;
