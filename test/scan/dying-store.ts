import type { SheetStore } from '../../src/store/port';

/** A store whose process "dies" at the first register update after the sends (the settle write never happens). */
export function dyingAtSettle(store: SheetStore): SheetStore {
  let died = false;
  return {
    read: (specs) => store.read(specs),
    append: (tab, rows) => store.append(tab, rows),
    apply: async (plan, snapshot) => {
      if (!died && plan.ledgerUpdates.length) {
        died = true;
        throw new Error('killed');
      }
      return store.apply(plan, snapshot);
    },
  };
}
