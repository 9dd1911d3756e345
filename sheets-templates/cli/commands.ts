/** The commands that build a workbook from the template: `duban template`, `duban init`, `npm start`'s `duban start`. */
import type { CommandTable } from '../../src/cli/main';

export const templateCommands: CommandTable = {
  template: () => import('./template'),
  init: () => import('./init'),
  start: () => import('./start'),
};
