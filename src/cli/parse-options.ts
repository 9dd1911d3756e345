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

/** A command as its errors and --help name it: `duban <name>` and its usage text. */
export interface Command {
  name: string;
  usage: string;
}

/**
 * The options of a command run from the shell: its values; or, for --help, the usage on stdout and exit code 0; or,
 * for options it does not take, the Chinese error with the usage on stderr and exit code 2.
 *
 * @example
 * const parsed = commandOptions(COMMAND, args, { workbook: { type: 'string' }, help: { type: 'boolean' } });
 * if (typeof parsed === 'number') return parsed;
 */
export function commandOptions<const O extends Options>(
  command: Command,
  args: string[],
  options: O,
): Exclude<ReturnType<typeof parseOptions<O>>, { error: string }> | number {
  const parsed = parseOptions(args, options);
  if ('error' in parsed) return commandError(command, parsed.error);
  if ((parsed.values as { help?: boolean }).help) {
    console.log(command.usage);
    return 0;
  }
  return parsed;
}

/** A command's Chinese error and its usage, on stderr: exit code 2. */
export function commandError(command: Command, message: string): number {
  console.error(`duban ${command.name}：${message}\n${command.usage}`);
  return 2;
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
