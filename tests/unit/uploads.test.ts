// The rules both bridges keep for a large file sent in parts (shared/uploads.ts).
import { describe, expect, it } from 'vitest';
import { MOST_UPLOAD_BYTES, MOST_UPLOAD_PART_BYTES, MOST_UPLOADS_IN_HAND, UploadsInHand } from '@shared/uploads';

function inHand(): UploadsInHand<string> {
  let next = 0;
  return new UploadsInHand(() => `upload-${next++}`);
}

describe('a file sent in parts', () => {
  it('is whole once every part has come in order, and is taken once', () => {
    const uploads = inHand();
    const id = uploads.begin(6);
    uploads.add(id, 0, 2, 'ab');
    uploads.add(id, 2, 3, 'cde');
    uploads.add(id, 5, 1, 'f');
    expect(uploads.take(id)).toEqual({ sizeBytes: 6, parts: ['ab', 'cde', 'f'] });
    expect(() => uploads.take(id)).toThrow('That file is not being sent');
    expect(() => uploads.add(id, 6, 1, 'g')).toThrow('That file is not being sent');
  });

  it('may be empty', () => {
    const uploads = inHand();
    expect(uploads.take(uploads.begin(0))).toEqual({ sizeBytes: 0, parts: [] });
  });

  it('refuses a part out of order, repeated, past the end or too large', () => {
    const uploads = inHand();
    const id = uploads.begin(10);
    expect(() => uploads.add(id, 3, 2, 'x')).toThrow('expected the one from byte 0, not 3');
    uploads.add(id, 0, 4, 'abcd');
    expect(() => uploads.add(id, 0, 4, 'abcd')).toThrow('expected the one from byte 4, not 0');
    expect(() => uploads.add(id, 4, 7, 'x')).toThrow('goes past its end (11 of 10 bytes)');
    expect(() => uploads.add(id, 4, MOST_UPLOAD_PART_BYTES + 1, 'x')).toThrow(`larger than ${MOST_UPLOAD_PART_BYTES}`);
    uploads.add(id, 4, 6, 'efghij');
    expect(uploads.take(id).parts).toEqual(['abcd', 'efghij']);
  });

  it('refuses a file that did not arrive whole, and lets it go', () => {
    const uploads = inHand();
    const id = uploads.begin(10);
    uploads.add(id, 0, 4, 'abcd');
    expect(() => uploads.take(id)).toThrow('The file did not arrive whole: 4 of 10 bytes');
    expect(() => uploads.take(id)).toThrow('That file is not being sent');
  });

  it('refuses a size that is not a whole number of bytes within the limit', () => {
    const uploads = inHand();
    for (const size of [-1, 1.5, Number.NaN, MOST_UPLOAD_BYTES + 1]) {
      expect(() => uploads.begin(size), String(size)).toThrow('cannot be sent');
    }
  });

  it(`lets go of the oldest when more than ${MOST_UPLOADS_IN_HAND} are begun and not finished`, () => {
    const uploads = inHand();
    const ids = Array.from({ length: MOST_UPLOADS_IN_HAND + 1 }, () => uploads.begin(1));
    expect(() => uploads.add(ids[0]!, 0, 1, 'a')).toThrow('That file is not being sent');
    for (const id of ids.slice(1)) {
      uploads.add(id, 0, 1, 'a');
      expect(uploads.take(id).parts).toEqual(['a']);
    }
  });
});
