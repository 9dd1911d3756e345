/**
 * How a signer's 意见 on a completion card (or an adjustment) reads. Seed 002 §三(六): "对不予办结事项，…继续跟进督办"
 * — a refusal keeps the item open; an opinion that says neither is a problem to report, never a consent.
 */
export type OpinionReading = 'consent' | 'refusal' | 'unclear' | 'blank';

/** Refusals (不同意, 退回, 不予办结, 暂缓 …), checked first: 不同意 contains 同意. */
const REFUSAL = /不同意|不予|不准|退回|驳回|暂缓|缓办|不通过|不批准|不认可|不能办结|不宜|重新办理|返回重办/;
/** Consents, read on what is left after the refusals are taken out. */
const CONSENT =
  /同意|准予|予以办结|予以销号|可以办结|可予办结|拟办结|核实|属实|认可|批准|通过|^(办结|销号|[√✓]|可|好|阅同意)$/;

/**
 * @example
 * readOpinion('同意办结'); // 'consent'
 * readOpinion('不予办结，继续跟进'); // 'refusal'
 * readOpinion('已阅'); // 'unclear'
 */
export function readOpinion(text: string): OpinionReading {
  const t = text.replace(/\s+/g, '');
  if (!t) return 'blank';
  if (REFUSAL.test(t)) return 'refusal';
  return CONSENT.test(t) ? 'consent' : 'unclear';
}
