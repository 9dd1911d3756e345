/**
 * Answers by link that the workbook cannot take right now: on `duban serve` a clerk has it open in Excel, WPS or
 * LibreOffice, and their next save would wipe whatever a link wrote. Such an answer is checked as usual, kept beside
 * the workbook (HeldAnswers) and the unit is told it is received; drainHeld (held-drain.ts) writes it through the same
 * link route, as of the moment it was submitted, once the workbook is closed.
 */
import { z } from 'zod';
import { beijingTime } from '../../calendar/beijing-clock';
import { TASK_ACTIONS, type TaskAction } from './token';

/** One held answer: the link's own form as posted (token and CSRF field included), when and from where. */
export const heldAnswerSchema = z.object({
  id: z.string().min(1),
  /** When the unit submitted it (ISO): the answer is written as of then. */
  at: z.iso.datetime(),
  task: z.string().min(1),
  action: z.enum(TASK_ACTIONS),
  token: z.string().min(1),
  /** Who the token names (their address). */
  person: z.string(),
  form: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  ip: z.string(),
});
export type HeldAnswer = z.infer<typeof heldAnswerSchema>;

/** Where held answers wait (a file beside the workbook on `duban serve`), and whether the workbook can take them now. */
export interface HeldAnswers {
  /** True while the workbook must not be written by a link (open in an editor). */
  busy(): Promise<boolean>;
  /** Every held answer, oldest first. */
  list(): Promise<HeldAnswer[]>;
  add(answer: HeldAnswer): Promise<void>;
  remove(id: string): Promise<void>;
}

/** What each link does, for the unit's page and the log. */
export const ACTION_NAMES: Record<TaskAction, string> = {
  ack: '签收',
  feedback: '反馈',
  extend: '延期申请',
  'approve-extension': '延期审批意见',
  complete: '办结申请',
  'sign-completion': '办结审批意见',
  adjust: '调整申请',
  'approve-adjustment': '调整审批意见',
  'consent-notices': '审核意见',
  'sign-notices': '签发意见',
};

/** When the answer was submitted, as the unit's page, their mail and the desk say it: `12月3日 14:05` (Beijing). */
export const submittedAt = (answer: HeldAnswer): string => beijingTime(new Date(answer.at), 'M月D日 HH:mm');

/** The posted form as text fields, a repeated field as its list of values (as hono's form validator reads it). */
export function postedFields(form: Record<string, unknown>): HeldAnswer['form'] {
  const out: HeldAnswer['form'] = {};
  for (const [key, value] of Object.entries(form)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value;
  }
  return out;
}
