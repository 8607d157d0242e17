// What a user reads when storing or reading data fails. A database's own message ("schools.bulkAdd():
// 6 of 6 operations failed… ConstraintError") means nothing to an adviser and is never shown: the
// sentence says what did not happen, that nothing was half done, and what they can do next.

/** The error's name where it has one (DOMException, Dexie errors), for choosing the advice. */
function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

/**
 * A failure in the users' words: `what` is the step that failed, as a sentence start
 * ("Demo data could not be loaded"). The raw message goes to the developer console only.
 */
export function failureInWords(what: string, error: unknown): string {
  const name = errorName(error);
  const inner = error && typeof error === 'object' && 'inner' in error ? errorName(error.inner) : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
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
  if (error instanceof Error && error.name === 'Error') {
    return `${what}: ${error.message.replace(/\.$/, '')}.${kept ? ` ${kept}` : ''}`;
  }
  console.error(what, error);
  const words = failureInWords(what, error);
  return kept && !words.includes(kept) ? `${words} ${kept}` : words;
}
