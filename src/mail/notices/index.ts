export { renderNotice } from './render-notice';
export { renderDigest, type DigestDoc, type DigestItem } from './digest';
export {
  renderWeeklyDigest,
  type WeeklyChange,
  type WeeklyDigestDoc,
  type WeeklyWaiting,
  type WeeklyItem,
} from './weekly-digest';
export { escapeHtml } from './html';
export { provisionalNote } from './common';
export { renderBulletinMail, type BulletinMailDoc } from './bulletin-mail';
export type {
  CardColour,
  InlineImage,
  NoticeDoc,
  NoticeItem,
  NoticeKind,
  RecipientLinks,
  RenderedMail,
} from './notice-doc';
