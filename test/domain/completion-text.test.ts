import { describe, expect, it } from 'vitest';
import { classifyCompletion, percentIn } from '../../src/domain/completion-text';

describe('完成情况 text', () => {
  it.each([
    ['已完成', 'done'],
    ['完成', 'done'],
    ['√', 'done'],
    ['✓ 已验收', 'done'],
    ['100%', 'done'],
    ['已完成，进度80%', 'done'],
    ['推进中', 'partial'],
    ['部分完成', 'partial'],
    ['完成60%', 'partial'],
    ['已签约3个项目', 'partial'],
    ['未完成', 'not-done'],
    ['因资金未到位未完成', 'not-done'],
    ['', 'empty'],
    ['   ', 'empty'],
  ])('%j reads as %s', (text, expected) => {
    expect(classifyCompletion(text)).toBe(expected);
  });

  it('reads percentages in half- and full-width', () => {
    expect(percentIn('完成60%')).toBe(60);
    expect(percentIn('进度７５％')).toBe(75);
    expect(percentIn('进度75％')).toBe(75);
    expect(percentIn('无')).toBeNull();
  });
});
