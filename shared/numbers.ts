/**
 * A number as en-GB writes it: "12,345", "-7", "1.5". Whole numbers are grouped here rather than by
 * `toLocaleString('en-GB')`, with the same result: Chromium's first formatting of a number readies its ICU data, 30 to
 * 70 ms on the bench's 2-CPU machine, and the young people's count is formatted as the list's first screen is drawn
 * (tests/bench/README.md, round sixteen). Other numbers (fractions, the very large) are left to Intl.
 */
export function formatNumber(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-GB');
  const digits = String(Math.abs(value));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const grouped = groups.join(',');
  return value < 0 || Object.is(value, -0) ? `-${grouped}` : grouped;
}
