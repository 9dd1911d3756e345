import type { RulesConfig } from './config';
import type { TaskRecord } from './types';

/** The 规则配置 limit that applies to an item, and the basis named in 系统提示. */
export interface SourceLimit {
  field: LimitField;
  basis: string;
}

export type LimitField = keyof Pick<
  RulesConfig,
  | 'plenaryLimit'
  | 'executiveLimit'
  | 'officeMeetingLimit'
  | 'chiefInstructionLimit'
  | 'topicLimit'
  | 'leaderDecidedLimit'
  | 'docSingleLimit'
  | 'docMultiLimit'
  | 'docResearchLimit'
  | 'docUrgentLimit'
  | 'reportLimit'
>;

/** Which feedback limit of seed 004 §五.1 / seed 003 applies, read from 来源文号/会议 and 事项来源. */
export function feedbackRule(task: TaskRecord): SourceLimit {
  const rule = referenceRule(task.sourceRef, task.source);
  return rule === 'document' ? documentRule(task) : rule;
}

/**
 * The limit 来源文号/会议 and 事项来源 decide alone, or 'document' when the document's own text does. A ledger names
 * the same few meetings and sources on many rows: each pair is read once.
 */
function referenceRule(sourceRef: string, source: string): SourceLimit | 'document' {
  let bySource = referenceRules.get(sourceRef);
  if (!bySource) {
    if (referenceRules.size >= 10_000) referenceRules.clear();
    referenceRules.set(sourceRef, (bySource = new Map()));
  }
  let rule = bySource.get(source);
  if (rule === undefined) bySource.set(source, (rule = readReference(sourceRef, source)));
  return rule;
}

const referenceRules = new Map<string, Map<string, SourceLimit | 'document'>>();

function readReference(sourceRef: string, source: string): SourceLimit | 'document' {
  const ref = `${sourceRef} ${source}`;
  if (/全体会议|综合性会议/.test(ref)) return { field: 'plenaryLimit', basis: '全体会议议定事项' };
  if (/常务会/.test(ref)) return { field: 'executiveLimit', basis: '常务会议议定事项' };
  if (/办公会|例会/.test(ref)) return { field: 'officeMeetingLimit', basis: '县长办公会/例会议定事项' };
  if (/专题会/.test(ref)) return { field: 'topicLimit', basis: '专题会议议定事项' };
  if (/批示|交办/.test(ref)) {
    return /县长|书记|主要领导/.test(ref) && !/副县长/.test(ref)
      ? { field: 'chiefInstructionLimit', basis: '主要领导批示' }
      : { field: 'topicLimit', basis: '分管领导批示' };
  }
  if (isDocumentRef(sourceRef)) return 'document';
  if (/会议议定/.test(ref)) return { field: 'leaderDecidedLimit', basis: '领导议定事项' };
  return { field: 'reportLimit', basis: '13710 工作法（3天内反馈）' };
}

export function isDocument(task: TaskRecord): boolean {
  return isDocumentRef(task.sourceRef);
}

function isDocumentRef(sourceRef: string): boolean {
  return /〔\d{4}〕\d+号/.test(sourceRef) && !/批示/.test(sourceRef);
}

/**
 * An explicit marking of urgency (seed 004 §五.1(2) "明确标注尽快办理的事项"): 尽快办理, 急件, or the document's
 * 紧急程度 特急 / 加急 — never a word that merely contains 急 (应急物资储备, 应急管理局).
 */
const URGENT = /尽快办理|急件|特急|加急/;

/** Documents passed for handling (seed 004 §五.1(2)): their limit is the deadline for the result. */
export function documentRule(task: TaskRecord): SourceLimit {
  const text = `${task.sourceRef} ${task.target}`;
  if (URGENT.test(text)) return { field: 'docUrgentLimit', basis: '公文急件' };
  if (/调研|调查|论证/.test(text)) return { field: 'docResearchLimit', basis: '公文需调查论证' };
  if (task.coUnits.length > 0) return { field: 'docMultiLimit', basis: '公文多单位会办' };
  return { field: 'docSingleLimit', basis: '公文单一单位办理' };
}
