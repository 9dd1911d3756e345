import type { ScanPhase } from '../scan/types';

const LABEL: Record<ScanPhase, string> = {
  read: '读取',
  rules: '规则',
  plan: '计划',
  write: '写入',
  notify: '通知',
};

/** A one-line progress bar on stderr (only when stderr is a terminal, so logs and pipes stay clean). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return undefined;
  return function draw(phase: ScanPhase, done: number, total: number): void {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    stream.write(
      `\r${LABEL[phase]} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `,
    );
    if (phase === 'notify' && done === total) stream.write('\n');
  };
}
