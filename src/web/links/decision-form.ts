/** The approve / refuse form every leader's approval page posts: a refusal must say why. */
import { z } from 'zod';
import { MAX_REASON } from './extension-ledger';

/**
 * @example decisionForm('不同意延期时请填写审批意见').safeParse({ decision: '同意', opinion: '' }).success // true
 */
export type Decision = z.output<ReturnType<typeof decisionForm>>;

export function decisionForm(refusalNeedsOpinion: string) {
  return z
    .object({
      decision: z.enum(['同意', '不同意'], { error: '请选择同意或不同意' }),
      opinion: z.string().trim().max(MAX_REASON, `审批意见不超过${MAX_REASON}个字`).default(''),
    })
    .refine((d) => d.decision === '同意' || d.opinion !== '', {
      message: refusalNeedsOpinion,
      path: ['opinion'],
    });
}
