/**
 * The identifiers of English education: UPN (Unique Pupil Number), ULN (Unique Learner Number)
 * and UK postcodes. Implemented from the published check algorithms; pure and tested with vectors.
 */

/** The 23 letters used by UPN check characters: no I, O or S, which read like 1, 0 and 5. */
const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function upnCheckLetter(upn: string): string | null {
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const char = upn.charAt(position - 1);
    let value: number;
    if (/\d/.test(char)) value = Number(char);
    else if (position === 13 && UPN_ALPHABET.includes(char)) value = UPN_ALPHABET.indexOf(char);
    else return null;
    sum += value * position;
  }
  return UPN_ALPHABET[sum % 23] ?? null;
}

/**
 * A UPN is 13 characters: a check letter, the 3-digit LA number, the 4-digit establishment number,
 * 2 digits for the year of issue and a 3-digit serial; a temporary UPN ends in a letter.
 * Upper case only: call `normaliseUpn` on what a person typed first.
 */
export function isValidUpn(value: string): boolean {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(value)) return false;
  return upnCheckLetter(value) === value[0];
}

/** A temporary UPN (issued while the permanent one is not known) ends in a letter. */
export function isTemporaryUpn(value: string): boolean {
  return isValidUpn(value) && /[A-Z]$/.test(value);
}

/** Upper case with spaces removed: how a typed or imported UPN is stored. */
export function normaliseUpn(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The ULN a provider uses while the real one is not yet known. */
export const TEMPORARY_ULN = '9999999999';

/**
 * A ULN is 10 digits: digits 1 to 9 times weights 10 down to 2, sum mod 11 = r; r = 0 is never
 * issued, otherwise the tenth digit is 10 − r. The temporary ULN 9999999999 is accepted as a placeholder.
 */
export function isValidUln(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  if (value === TEMPORARY_ULN) return true;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const remainder = sum % 11;
  if (remainder === 0) return false;
  return Number(value[9]) === 10 - remainder;
}

/** Outward code, then inward code (a digit and two letters): the shapes the Royal Mail issues. */
const POSTCODE_SHAPE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/**
 * Upper case with one space before the last three characters ("ct91aa" gives "CT9 1AA"),
 * or null when the text is not the shape of a UK postcode.
 */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  const match = POSTCODE_SHAPE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : null;
}

/**
 * Builds a UPN from its parts, computing the check letter: for demo data and tests.
 * `serial` is 3 digits, or 2 digits and a letter for a temporary UPN.
 */
export function buildUpn(laNumber: string, establishment: string, yearOfIssue: string, serial: string): string {
  const body = `${laNumber}${establishment}${yearOfIssue}${serial}`;
  if (!/^\d{11}[0-9A-Z]$/.test(body)) throw new Error(`Cannot build a UPN from ${body}`);
  const check = upnCheckLetter(`A${body}`);
  if (!check) throw new Error(`Cannot build a UPN from ${body}`);
  return `${check}${body}`;
}
