/** The local command line: `duban <command> …`. Each command lives in src/cli/<command>.ts. */
const [command] = process.argv.slice(2);
console.error(`duban: unknown command ${JSON.stringify(command ?? '')}`);
process.exitCode = 2;
