/** The commands that work on an existing workbook; those that build one are in sheets-templates/cli/commands.ts. */
import type { CommandTable } from './main';

export const cliCommands: CommandTable = {
  workdays: () => import('./workdays'),
  scan: () => import('./scan'),
  serve: () => import('./serve'),
  report: () => import('./report'),
  mail: () => import('./mail'),
  'desk-link': () => import('./desk-link'),
};
