import { describe, expect, it } from 'vitest';
import { longestMissedRun } from '../../src/domain/month-progress';

describe('missed months', () => {
  it('finds the longest run of consecutive missed months', () => {
    expect(longestMissedRun([])).toBe(0);
    expect(longestMissedRun([3])).toBe(1);
    expect(longestMissedRun([2, 4, 5, 6, 9])).toBe(3);
  });
});
