import { beijingStamp, beijingTime } from '../calendar/beijing-clock';
import type { ScanFailure } from './scan-service';

/**
 * The sentence the status page and the desk show for a failed scheduled scan, in Beijing time.
 *
 * @example
 * scanFailureText({ at: '2026-11-20T00:30:00Z', reason: '工作簿无法打开', retryAt: '2026-11-20T00:45:00Z' });
 * // '定时扫描未完成（2026-11-20 08:30:00）：工作簿无法打开。将于 08:45 自动重试；此后任何一次扫描成功，本提示即消失。'
 */
export function scanFailureText(failure: ScanFailure): string {
  const reason = /[。！？]$/.test(failure.reason) ? failure.reason : `${failure.reason}。`;
  return (
    `定时扫描未完成（${beijingStamp(new Date(failure.at))}）：${reason}` +
    `将于 ${beijingTime(new Date(failure.retryAt), 'HH:mm')} 自动重试；此后任何一次扫描成功，本提示即消失。`
  );
}
