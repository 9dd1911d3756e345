/**
 * The 去重键 of a notice: 编号 + type + level + period (SPEC §4.4), e.g. `ZD-2026-003|催办单|1|反馈@2026-03`.
 * A scan checks it in `文书登记` before registering or sending anything.
 */
export function dedupeKey(id: string, type: string, level: string, period: string): string {
  return [id, type, level, period].join('|');
}

export function parseDedupeKey(
  key: string,
): { id: string; type: string; level: string; period: string } | null {
  const parts = key.split('|');
  if (parts.length !== 4) return null;
  const [id, type, level, period] = parts as [string, string, string, string];
  return { id, type, level, period };
}

/** One daily digest per recipient per day. */
export function digestKey(email: string, isoDate: string): string {
  return `digest|${email.toLowerCase()}|${isoDate}`;
}
