import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict option parsing for a command: the values, or the Chinese error to print with the usage.
 *
 * @example
 * const parsed = parseOptions(args, { workbook: { type: 'string' } });
 * if ('error' in parsed) return fail(parsed.error);
 */
export function parseOptions<const O extends Options>(
  args: string[],
  options: O,
):
  | { values: ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true }>>['values'] }
  | { error: string } {
  try {
    return { values: parseArgs({ args, options, strict: true as const }).values };
  } catch (error) {
    return { error: `参数有误：${(error as Error).message}` };
  }
}
