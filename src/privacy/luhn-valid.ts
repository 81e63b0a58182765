/**
 * The Luhn (mod 10) check every payment card number carries: from the right, double every second digit,
 * subtract 9 from doubles over 9, and the sum must end in 0. One random digit string in ten passes.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
