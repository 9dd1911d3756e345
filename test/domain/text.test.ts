import { describe, expect, it } from 'vitest';
import { clip, isBlank, isSpace } from '../../src/domain/text';

describe('cell text helpers', () => {
  it('count as space exactly the code units /\\s/ matches and trim() removes', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const space = /\s/.test(ch);
      if (isSpace(code) !== space || (ch.trim() === '') !== space) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it.each(['', ' ', '\u3000\t', '节点', ' 节点 ', '\u00a0x'])('isBlank(%j) is !trim()', (text) => {
    expect(isBlank(text)).toBe(!text.trim());
  });

  it('clips milestones, collapsing whitespace', () => {
    expect(clip('完成土地征收')).toBe('完成土地征收');
    expect(clip('  完成土地征收和   地上附着物清点补偿工作并移交  ')).toBe(
      '完成土地征收和 地上附着物清点补偿工作并…',
    );
    expect(clip('完成土地征收和地上附着物清点补偿工作', 16)).toBe('完成土地征收和地上附着物清点补偿…');
    // A cut never splits a figure: "5…" would read as 5%.
    expect(clip('项目形象进度累计完成总投资的55%以上', 16)).toBe('项目形象进度累计完成总投资的…');
    expect(clip('完成12.5亿元投资', 4)).toBe('完成…');
  });
});
