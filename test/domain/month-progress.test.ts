import { describe, expect, it } from 'vitest';
import { longestRunOf } from '../../src/domain/month-progress';

describe('missed months', () => {
  it('finds the longest run of consecutive missed months, the first when two are as long', () => {
    expect(longestRunOf([])).toEqual([]);
    expect(longestRunOf([3])).toEqual([3]);
    expect(longestRunOf([2, 4, 5, 6, 9])).toEqual([4, 5, 6]);
    expect(longestRunOf([1, 2, 5, 6])).toEqual([1, 2]);
  });
});
