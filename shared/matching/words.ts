// A matching score and a distance in the users' words: the same on screen, in CSV files and in PDFs.

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

/** How far a placement is from home, as the reasons say it: "4 km away", "Less than 1 km away", or not known. */
export function distanceWords(km: number | null): string {
  if (km === null) return 'Distance not known';
  return km < 1 ? 'Less than 1 km away' : `${Math.round(km)} km away`;
}
