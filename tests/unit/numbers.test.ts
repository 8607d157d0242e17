// shared/numbers.ts: whole numbers grouped as en-GB writes them, without Intl, and the same as Intl's answer.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '@shared/numbers';

describe('formatNumber', () => {
  it('groups whole numbers in threes with commas', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1,000');
    expect(formatNumber(10000)).toBe('10,000');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1234)).toBe('-1,234');
  });

  it('answers as toLocaleString("en-GB") does, for whole numbers of every length and for fractions', () => {
    const values = [-0, 1, 12, 123, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1.5, 0.25, 1234.5678, 1e21, NaN, Infinity];
    for (let digits = 1; digits <= 16; digits += 1) values.push(Number('9'.repeat(digits)), -Number('1'.padEnd(digits, '0')));
    for (const value of values) expect(formatNumber(value), String(value)).toBe(value.toLocaleString('en-GB'));
  });
});
