/**
 * Cell texts as the rules read them. These run several times per month cell of every task, so they look at the
 * characters directly instead of calling trim() or a regular expression, and agree with both exactly.
 */

/** Whether a text is empty or only whitespace: `!text.trim()`. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A milestone as quoted in reasons: whitespace runs collapsed to one space, at most `max` characters. A cut never
 * splits a figure ("累计完成55%" is not cut to "累计完成5…", which reads as 5%): it moves back before the figure.
 */
export function clip(text: string, max = 20): string {
  const t = hasSpace(text) ? text.trim().replace(/\s+/g, ' ') : text;
  if (t.length <= max) return t;
  let end = max;
  if (isFigure(t.charCodeAt(end))) while (end > 0 && isFigure(t.charCodeAt(end - 1))) end--;
  return `${t.slice(0, end || max)}…`;
}

/** A character that continues a figure: a digit, a decimal point or a percent sign (ASCII or full-width). */
function isFigure(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 37 ||
    (code >= 0xff10 && code <= 0xff19) ||
    code === 0xff05
  );
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
