/** Tabs whose tasks are scanned, in order. */
export const TASK_TABS = ['挂图作战表', '督办台账'] as const;
