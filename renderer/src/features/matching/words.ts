/** How a matching score (0 to 100) reads in words, beside the number. */
export function scoreWords(score: number): string {
  if (score >= 80) return 'very good fit';
  if (score >= 60) return 'good fit';
  if (score >= 40) return 'fair fit';
  return 'weak fit';
}

/** "82 out of 100: very good fit". */
export function scoreText(score: number): string {
  return `${score} out of 100: ${scoreWords(score)}`;
}
