/**
 * The local command line: `duban <command> …`. Each command is a module in src/cli/ exporting
 * `run(args: string[]): Promise<number>` (the exit code); it is imported only when called.
 */
export {};

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  workdays: () => import('./cli/workdays'),
  template: () => import('./cli/template'),
  init: () => import('./cli/init'),
  scan: () => import('./cli/scan'),
  serve: () => import('./cli/serve'),
  start: () => import('./cli/start'),
};

async function main(argv: string[]): Promise<number> {
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

process.exitCode = await main(process.argv.slice(2));
