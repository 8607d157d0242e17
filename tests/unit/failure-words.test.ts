import { describe, expect, it } from 'vitest';
import { failureInWords, unexpectedFailureInWords } from '@renderer/ui/failure-words';

/** Shaped as Dexie reports a failed bulkAdd: its own name, the database's message, the inner cause. */
function bulkError(): Error {
  const error = new Error('schools.bulkAdd(): 6 of 6 operations failed. Errors: ConstraintError: Key already exists in the object store.');
  error.name = 'BulkError';
  return Object.assign(error, { inner: Object.assign(new Error('Key already exists'), { name: 'ConstraintError' }) });
}

describe("failures in the users' words", () => {
  it("never repeats the database's own message", () => {
    const words = failureInWords('Demo data could not be loaded', bulkError());
    expect(words).not.toMatch(/bulkAdd|ConstraintError|operations failed|object store/);
    expect(words).toBe('Demo data could not be loaded: some of those records are already stored. Nothing was changed.');
  });

  it('says when the disk is full', () => {
    const full = Object.assign(new Error('QuotaExceededError: The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(failureInWords('The session could not be saved', full)).toMatch(
      /^The session could not be saved: this computer has run out of space/,
    );
  });

  it('gives a next step for anything else, whatever was thrown', () => {
    for (const thrown of [new TypeError("Cannot read properties of undefined (reading 'id')"), 'a string', null]) {
      const words = failureInWords('Demo data could not be cleared', thrown);
      expect(words).toBe(
        'Demo data could not be cleared. Nothing was changed. Try again; if it keeps happening, close Careers Desk and open it again.',
      );
    }
  });
});

describe('a failure no screen caught, in words', () => {
  it('says the disk is full, gives a refusal its own words, and anything else a next step without the raw message', () => {
    const full = Object.assign(new Error('QuotaExceededError: The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(unexpectedFailureInWords(full)).toBe(
      'Careers Desk could not finish that: this computer has run out of space for its records. ' +
        'Free some disk space, then check what you were doing and try again.',
    );
    expect(unexpectedFailureInWords(new Error('That school is no longer recorded.'))).toBe(
      'Careers Desk could not finish that: That school is no longer recorded. Check whether what you were doing was saved, ' +
        'and try again; if it keeps happening, close Careers Desk and open it again.',
    );
    for (const thrown of [new TypeError("Cannot read properties of undefined (reading 'id')"), bulkError(), 'a string', undefined]) {
      const words = unexpectedFailureInWords(thrown);
      expect(words).toMatch(/^Careers Desk could not finish that\. Check whether what you were doing was saved/);
      expect(words).not.toMatch(/properties|bulkAdd|ConstraintError|a string/);
    }
  });
});
