/**
 * Reasons read as one text joined by `；`. They are built by concatenation rather than Array#join: join copies every
 * part into a new flat string (several times slower for the two or three parts a task has), while a concatenation
 * only points at its parts until the text is written out.
 */
export function joinReasons(reasons: readonly string[]): string {
  let text = '';
  for (let i = 0; i < reasons.length; i++) text = i === 0 ? reasons[0]! : `${text}；${reasons[i]!}`;
  return text;
}

/** `reasons` with one more reason; the first reason stands alone. */
export function addReason(reasons: string, reason: string): string {
  return reasons ? `${reasons}；${reason}` : reason;
}
