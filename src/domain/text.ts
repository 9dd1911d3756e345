/**
 * Cell texts as the rules read them. These run several times per month cell of every task, so they look at the
 * characters directly instead of calling trim() or a regular expression, and agree with both exactly.
 */

/** Whether a text is empty or only whitespace: `!text.trim()`. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A milestone as quoted in reasons: whitespace runs collapsed to one space, at most `max` characters. */
export function clip(text: string, max = 20): string {
  const t = hasSpace(text) ? text.trim().replace(/\s+/g, ' ') : text;
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** What `/\s/` matches and trim() removes: ECMAScript WhiteSpace and LineTerminator code units. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
