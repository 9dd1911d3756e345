import type { RulesConfig } from './config';
import type { TaskRecord } from './types';

/**
 * Whether closing the item needs the 主要领导 (seed 002 §三(六): "交办的重点事项、重大任务，需报经…主要领导审定办结").
 * - 挂图作战表: 星级 ≥ 规则配置 重点事项星级; a blank 星级 counts as key — the battle map lists the county's key work,
 *   and a missing star is no evidence that an item is minor.
 * - 督办台账 (no 星级): key when it comes from the 主要领导 (县长 / 书记 批示, not 副县长), from a central or higher
 *   decision, or is named a 重点事项 / 重大任务.
 */
export function isKeyItem(task: TaskRecord, config: RulesConfig): boolean {
  if (task.kind === 'battle') return task.stars === null || task.stars >= config.keyItemStars;
  if (task.stars !== null) return task.stars >= config.keyItemStars;
  const ref = `${task.source} ${task.sourceRef}`;
  if (/总书记|中央|上级|重大决策/.test(ref)) return true;
  if (/主要领导/.test(ref)) return true;
  if (/(县长|书记)/.test(ref.replace(/副县长|副书记/g, ''))) return true;
  return /重点事项|重大任务|重大项目/.test(`${ref} ${task.title}`);
}
