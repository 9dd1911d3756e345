/**
 * The local command line's dispatcher: `duban <command> …`. Each command is a module exporting
 * `run(args: string[]): Promise<number>` (the exit code), imported only when called. The entry (bin/duban.js) hands in
 * the commands of src/cli/ and those of sheets-templates/cli/ (init, template, start build workbooks).
 */
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
  const load = name ? commands[name] : undefined;
  if (!load) {
    console.error(
      `duban: unknown command ${JSON.stringify(name ?? '')}; expected one of: ${Object.keys(commands).join(', ')}`,
    );
    return 2;
  }
  return (await load()).run(args);
}
