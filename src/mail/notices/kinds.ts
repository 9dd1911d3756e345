import { NOTICE_KINDS, type KindSpec } from '../../domain/notice-kinds';
import type { NoticeKind } from './notice-doc';

/** The official form of each notice (title, subject wording, what the recipient must do): the kinds table's columns. */
export type KindForm = Pick<KindSpec, 'slug' | 'title' | 'subjectTail' | 'action' | 'card' | 'reasonsLabel'>;

export const KIND_FORMS: Record<NoticeKind, KindForm> = NOTICE_KINDS;
