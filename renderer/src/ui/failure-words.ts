// What a user reads when storing or reading data fails. A database's own message ("schools.bulkAdd():
// 6 of 6 operations failed… ConstraintError") means nothing to an adviser and is never shown: the
// sentence says what did not happen, that nothing was half done, and what they can do next.

/** The error's name where it has one (DOMException, Dexie errors), for choosing the advice. */
function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

/** The disk is full: the store refused a write for want of space (its own error or Dexie's around it). */
function isDiskFull(error: unknown): boolean {
  const inner = error && typeof error === 'object' && 'inner' in error ? errorName(error.inner) : '';
  return errorName(error) === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** A plain `Error`: a refusal the repositories word for the adviser, given as it is. */
function isRefusal(error: unknown): error is Error {
  return error instanceof Error && error.name === 'Error' && error.message.trim() !== '';
}

/**
 * A failure in the users' words: `what` is the step that failed, as a sentence start
 * ("Demo data could not be loaded"). The raw message goes to the developer console only.
 */
export function failureInWords(what: string, error: unknown): string {
  const name = errorName(error);
  const inner = error && typeof error === 'object' && 'inner' in error ? errorName(error.inner) : '';
  if (isDiskFull(error)) {
    return (
      `${what}: this computer has run out of space for Careers Desk's records. ` +
      'Nothing was changed. Free some disk space and try again.'
    );
  }
  if (name === 'ConstraintError' || inner === 'ConstraintError' || name === 'BulkError') {
    return `${what}: some of those records are already stored. Nothing was changed.`;
  }
  return `${what}. Nothing was changed. Try again; if it keeps happening, close Careers Desk and open it again.`;
}

/**
 * A failed step with its reason, as a record form says it. A plain `Error` is a refusal that the
 * repositories word for the adviser ("That school is no longer recorded.") and is given as it is,
 * followed by what still holds (`kept`); anything else (the database's or the browser's own errors, a
 * bug) goes through failureInWords and is never shown raw.
 */
export function failureWithReason(what: string, error: unknown, kept = 'Nothing was changed.'): string {
  if (isRefusal(error)) {
    return `${what}: ${error.message.replace(/\.$/, '')}.${kept ? ` ${kept}` : ''}`;
  }
  console.error(what, error);
  const words = failureInWords(what, error);
  return kept && !words.includes(kept) ? `${words} ${kept}` : words;
}

/**
 * A failure no screen caught (the app's last safety net, ui/unexpected-failure.ts), in words: it cannot know which
 * step failed or whether it finished, so it says to check, and gives a refusal's own words (a plain `Error`).
 */
export function unexpectedFailureInWords(error: unknown): string {
  const what = 'Careers Desk could not finish that';
  if (isDiskFull(error)) {
    const next = 'Free some disk space, then check what you were doing and try again.';
    return `${what}: this computer has run out of space for its records. ${next}`;
  }
  const reason = isRefusal(error) ? `: ${error.message.replace(/\.$/, '')}` : '';
  return (
    `${what}${reason}. Check whether what you were doing was saved, and try again; ` +
    'if it keeps happening, close Careers Desk and open it again.'
  );
}
