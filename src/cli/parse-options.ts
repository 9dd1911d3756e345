import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggestCommand } from './help';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict option parsing for a command: the values, or the Chinese error to print with the usage (node's English
 * parseArgs messages rewritten, with the closest known option when one was mistyped).
 *
 * @example
 * const parsed = parseOptions(args, { workbook: { type: 'string' } });
 * if ('error' in parsed) return fail(parsed.error); // '参数有误：不认识的参数 --wokbook，您是不是要输入 --workbook？'
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
    return {
      error: `参数有误：${chineseParseError(error as Error & { code?: string }, Object.keys(options))}`,
    };
  }
}

function chineseParseError(error: Error & { code?: string }, known: string[]): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  // `'-w, --workbook <value>'`: name the long form.
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(' ')[0] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const guess = suggestCommand(option.replace(/^-+/, ''), known);
      return `不认识的参数 ${option}${guess ? `，您是不是要输入 --${guess}？` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message)
        ? `${option} 是开关，后面不用写值`
        : `${option} 后面缺少取值`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的内容“${quoted}”：每个取值前要写参数名，如 --workbook 文件.xlsx；含空格的取值请加引号`;
    default:
      return error.message;
  }
}
