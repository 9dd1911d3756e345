/**
 * The local command line's dispatcher: `duban <command> …`. Each command is a module exporting
 * `run(args: string[]): Promise<number>` (the exit code), imported only when called. The entry (bin/duban.js) hands in
 * the commands of src/cli/ and those of sheets-templates/cli/ (init, template, start build workbooks). A bare `duban`,
 * `--help`, `-h` and `help` print the Chinese overview (help.ts); a mistyped command gets a suggestion.
 */
import { overviewHelp, suggestCommand, version } from './help';

export interface CommandModule {
  run(args: string[]): Promise<number>;
}

export type CommandTable = Record<string, () => Promise<CommandModule>>;

/**
 * Run the command named by `argv[0]`; returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { ...cliCommands, ...templateCommands });
 */
export async function runCli(argv: string[], commands: CommandTable): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' ? args[0] : undefined;
    if (about && commands[about]) return (await commands[about]()).run(['--help']);
    if (about) return unknownCommand(about, commands);
    console.log(overviewHelp());
    return 0;
  }
  if (name === '--version' || name === '-v' || name === '-V' || name === 'version') {
    console.log(`duban ${version()}`);
    return 0;
  }
  const load = commands[name];
  if (!load) return unknownCommand(name, commands);
  return (await load()).run(args);
}

function unknownCommand(name: string, commands: CommandTable): number {
  const guess = suggestCommand(name, Object.keys(commands));
  const what = name.startsWith('-') ? `不认识的参数“${name}”` : `没有命令“${name}”`;
  console.error(
    [
      `duban：${what}。`,
      ...(guess ? [`您是不是要输入 duban ${guess}？`] : []),
      `可用的命令：${Object.keys(commands).join('、')}；运行 duban --help 查看说明。`,
    ].join('\n'),
  );
  return 2;
}
