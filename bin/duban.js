#!/usr/bin/env node
// The `duban` entry: runs the TypeScript CLI through tsx so `npx duban …` works straight after `npm install`, with the
// commands of src/cli/ and the workbook-building ones of sheets-templates/cli/ (src/ never imports sheets-templates/).
// The Node.js version is checked first, before tsx or any dependency loads (exit 2: a setting to correct, not retried).
import { nodeIsRecentEnough } from './node-version.js';

if (!nodeIsRecentEnough()) process.exit(2);
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../src/cli/main.ts');
const { cliCommands } = await import('../src/cli/commands.ts');
const { templateCommands } = await import('../sheets-templates/cli/commands.ts');
process.exitCode = await runCli(process.argv.slice(2), { ...cliCommands, ...templateCommands });
