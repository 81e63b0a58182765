import { luhnValid } from './luhn-valid.js';

/**
 * Card numbers as printed: 13–19 digits, unbroken or in groups of four (the last shorter), or Amex/Diners'
 * 4-6-5 and 4-6-4, with one kind of separator; the first digit is a major network's (2 Mir/Mastercard,
 * 3 Amex/JCB/Diners, 4 Visa, 5 Mastercard/Maestro, 6 UnionPay/Discover) and the Luhn check passes.
 * Order numbers start with anything and fail Luhn nine times in ten.
 */
export function isCard(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits)) return false;
  return (UNBROKEN.test(candidate) || FOURS.test(candidate) || AMEX.test(candidate)) && luhnValid(digits);
}

const UNBROKEN = /^\d+$/;
/** 4111 1111 1111 1111, 4111-1111-1111-1111, 6200 0000 0000 0000 003 */
const FOURS = /^\d{4}([ -])\d{4}(?:\1\d{4}){1,2}(?:\1\d{1,4})?$/;
/** 3782 822463 10005 (Amex), 3056 930902 5904 (Diners) */
const AMEX = /^\d{4}([ -])\d{6}\1\d{4,5}$/;
