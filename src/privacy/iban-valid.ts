import { IBAN_LENGTHS } from './iban-lengths.js';

/**
 * ISO 13616: a known country code, that country's length, and the mod-97 check — move the first four
 * characters to the end, letters become 10–35, and the number mod 97 must be 1. Takes the IBAN without
 * spaces, in capitals.
 */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Digit by digit (letters as two digits), keeping the remainder small: the number has up to 70 digits.
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}
