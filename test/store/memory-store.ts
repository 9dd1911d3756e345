/** The memory driver with the staff edits of staff-edits.ts: what the tests use to play a person editing the sheet. */
import {
  createMemoryStore as createDriverStore,
  type MemoryStore as DriverStore,
  type MemoryStoreOptions,
  type MemoryWorkbook,
} from '../../src/store/drivers/memory/memory';
import { applyStaffEdit, type StaffEdit } from './staff-edits';

export interface MemoryStore extends DriverStore {
  /** Simulate a person editing the sheet (sorting, inserting a row, typing in a cell…). */
  staffEdit(tab: string, edit: StaffEdit): void;
}

export function createMemoryStore(initial?: MemoryWorkbook, options?: MemoryStoreOptions): MemoryStore {
  const store = createDriverStore(initial, options);
  return Object.assign(store, {
    staffEdit: (tab: string, edit: StaffEdit) => store.editTab(tab, (grid) => applyStaffEdit(grid, edit)),
  });
}
