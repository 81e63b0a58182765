/**
 * Whether a run of digit groups, as written, is a phone number in one of Heartline's five countries'
 * usual formats. The rule that keeps scores, dates, prices and order numbers out: a phone number has a
 * country code (+46 …, 0046 …), a trunk prefix with phone-style grouping (070-123 45 67, 8 (912) …,
 * 06 30 …), the North American 3-3-4 grouping, or — written without any separator — the exact shape of a
 * mobile number (13800138000, 89123456789, 0701234567). A bare 8-digit run is not a phone.
 */
export function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (/^\d+$/.test(candidate)) return BARE_MOBILE.test(candidate);
  if (candidate.startsWith('+')) return /^\+[1-9]/.test(candidate) && digits >= 8 && digits <= 15;
  if (INTERNATIONAL_00.test(candidate)) return digits >= 10 && digits <= 17;
  if (TRUNK_ZERO.test(candidate)) return digits >= 9 && digits <= 12;
  return RUSSIA.test(candidate) || CHINA_MOBILE.test(candidate) || NANP.test(candidate);
}

/**
 * Mobile numbers written as one run: China 1[3-9]x + 8, Russia 8/7 9xx + 7, Sweden 07x + 7,
 * Hungary 06 20/30/31/50/70 + 7, UK 07 + 9.
 */
const BARE_MOBILE = /^(?:1[3-9]\d{9}|[78]9\d{9}|07[02369]\d{7}|06(?:20|30|31|50|70)\d{7}|07\d{9})$/;

/** 0046 70 123 45 67: the international prefix 00 and a country code, then a separator. */
const INTERNATIONAL_00 = /^00[1-9]\d{0,2}[ .\-(]/;

/**
 * A trunk 0 and an area or mobile prefix not starting with 0 (00 is the international prefix), then
 * groups joined by spaces or hyphens: 070-123 45 67, 08-123 456 78 (SE); 06 30 123 4567, 06-1-234-5678
 * (HU); 010-1234 5678, 0755-12345678 (CN); 07700 900123, 020 7946 0958 (UK). 9–12 digits in all.
 */
const TRUNK_ZERO = /^\(?0[1-9]\d{0,3}\)?(?:[ -]\d{1,8}){1,4}$/;

/** Russia's trunk 8 and ten digits: 8 (912) 345-67-89, 8-800-555-35-35, 8 912 345 67 89. */
const RUSSIA = /^8[ -]?\(?\d{3}\)?[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}$/;

/** China's mobiles grouped 3-4-4: 138 0013 8000, 138-0013-8000. */
const CHINA_MOBILE = /^1[3-9]\d[ -]?\d{4}[ -]?\d{4}$/;

/** North America: (555) 123-4567, 555-123-4567, 555.123.4567, 1 555 123 4567 (area code 2–9). */
const NANP = /^(?:1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}$/;
