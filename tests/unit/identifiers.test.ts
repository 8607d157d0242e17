import { describe, expect, it } from 'vitest';
import { buildUpn, isTemporaryUpn, isValidUln, isValidUpn, normalisePostcode, normaliseUpn } from '@shared/identifiers';

describe('UPN', () => {
  it('accepts the published example B801200005001', () => {
    expect(isValidUpn('B801200005001')).toBe(true);
  });

  it('rejects a wrong check letter', () => {
    expect(isValidUpn('C801200005001')).toBe(false);
    expect(isValidUpn('A801200005001')).toBe(false);
  });

  it('rejects wrong lengths, lower case and stray spaces until normalised', () => {
    expect(isValidUpn('B80120000500')).toBe(false);
    expect(isValidUpn('B8012000050011')).toBe(false);
    expect(isValidUpn('b801200005001')).toBe(false);
    expect(isValidUpn(' B801200005001')).toBe(false);
    expect(isValidUpn('B801 200005001')).toBe(false);
    expect(isValidUpn(normaliseUpn(' b801 2000 05001 '))).toBe(true);
  });

  it('rejects letters in the digit positions and I, O or S as the check letter', () => {
    expect(isValidUpn('B8012000A5001')).toBe(false);
    expect(isValidUpn('I801200005001')).toBe(false);
    expect(isValidUpn('')).toBe(false);
  });

  it('builds UPNs whose check letter validates, for Kent and Medway LA numbers', () => {
    for (const la of ['886', '887']) {
      for (let serial = 0; serial < 200; serial++) {
        const upn = buildUpn(la, '4012', '24', String(serial).padStart(3, '0'));
        expect(isValidUpn(upn), upn).toBe(true);
        expect(upn.slice(1, 4)).toBe(la);
      }
    }
  });

  it('accepts temporary UPNs ending in a letter when the check letter is right', () => {
    const temporary = buildUpn('886', '4012', '25', '00A');
    expect(isValidUpn(temporary)).toBe(true);
    expect(isTemporaryUpn(temporary)).toBe(true);
    expect(isTemporaryUpn('B801200005001')).toBe(false);
    // A final I, O or S is not in the 23-letter alphabet.
    expect(isValidUpn(`${temporary.slice(0, 12)}O`)).toBe(false);
  });
});

describe('ULN', () => {
  it('accepts the example 0000000042 and the temporary ULN', () => {
    expect(isValidUln('0000000042')).toBe(true);
    expect(isValidUln('9999999999')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidUln('0000000043')).toBe(false);
    expect(isValidUln('0000000041')).toBe(false);
  });

  it('rejects a remainder of zero, which is never issued', () => {
    // 1×3 + 4×2 = 11: remainder 0, so no tenth digit can make it valid.
    for (let check = 0; check <= 9; check++) expect(isValidUln(`000000014${check}`)).toBe(false);
  });

  it('rejects wrong lengths, letters and spaces', () => {
    expect(isValidUln('000000042')).toBe(false);
    expect(isValidUln('00000000042')).toBe(false);
    expect(isValidUln('00000000 42')).toBe(false);
    expect(isValidUln('A000000042')).toBe(false);
  });
});

describe('postcodes', () => {
  it('normalises case and spacing', () => {
    expect(normalisePostcode('ct91aa')).toBe('CT9 1AA');
    expect(normalisePostcode('  ME7   5XY ')).toBe('ME7 5XY');
    expect(normalisePostcode('tn23 1aa')).toBe('TN23 1AA');
    expect(normalisePostcode('SW1A1AA')).toBe('SW1A 1AA');
    expect(normalisePostcode('W1A 0AX')).toBe('W1A 0AX');
  });

  it('returns null for text that is not a postcode shape', () => {
    expect(normalisePostcode('')).toBeNull();
    expect(normalisePostcode('CT9')).toBeNull();
    expect(normalisePostcode('CT9 1A')).toBeNull();
    expect(normalisePostcode('12345')).toBeNull();
    expect(normalisePostcode('CT9 AAA')).toBeNull();
    expect(normalisePostcode('CTX9 1AA')).toBeNull();
  });
});
