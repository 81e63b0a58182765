import { findEmails } from './find-emails.js';
import { findIbans } from './find-ibans.js';
import { findNumbers } from './find-numbers.js';
import type { PiiKind, PiiSpan } from './pii-span.js';

export type { PiiKind, PiiSpan } from './pii-span.js';

/**
 * What replaces each kind. Upper-case words in brackets: the language detector blanks them as masks
 * (see maskNoise), and no lexicon has an emotion for "email", "phone", "card" or "iban".
 */
export const PLACEHOLDERS: Readonly<Record<PiiKind, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card: '[CARD]',
  iban: '[IBAN]',
};

export interface Redaction {
  /** The text with every e-mail address, phone number, card number and IBAN replaced by its placeholder. */
  text: string;
  /** How many of each kind were replaced. */
  found: Record<PiiKind, number>;
  /** What was replaced, as offsets into the original text, in order. */
  spans: PiiSpan[];
}

/**
 * Masks e-mail addresses, phone numbers (the usual formats of Russia, Sweden, China, Hungary, the UK and
 * North America), Luhn-valid card numbers and mod-97-valid IBANs. Pure; text without a digit or @ is
 * returned as it is.
 */
export function redact(text: string): Redaction {
  const found: Record<PiiKind, number> = { email: 0, phone: 0, card: 0, iban: 0 };
  if (!MAY_HOLD_PII.test(text)) return { text, found, spans: [] };
  const plain = asciiForms(text);
  const emails = findEmails(plain);
  const ibans = findIbans(plain);
  // Numbers are looked for with the addresses and IBANs blanked out: a card written right after an IBAN
  // ("SE45 … 7466 4111 1111 1111 1111") would otherwise be part of one run of digits glued to "SE".
  const spans = firstWins([emails, ibans, findNumbers(blank(plain, [...emails, ...ibans]))]);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + PLACEHOLDERS[span.kind];
    at = span.end;
    found[span.kind]++;
  }
  return { text: out + text.slice(at), found, spans };
}

/** A digit (ASCII or fullwidth) or an at sign (ASCII or fullwidth): nothing to mask without one. */
const MAY_HOLD_PII = /[0-9０-９@＠]/;

/**
 * The text with fullwidth forms (＋８６ １３８…, common in Chinese input), the ideographic space, no-break
 * spaces and non-breaking hyphens as their ASCII equivalents. Each is one UTF-16 unit, as is its
 * replacement, so offsets into the result are offsets into the text.
 */
function asciiForms(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000\u00a0\u202f\u2007\u2010\u2011]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return code === 0x2010 || code === 0x2011 ? '-' : ' ';
  });
}

/** The text with these spans as spaces (offsets unchanged). */
function blank(text: string, spans: readonly PiiSpan[]): string {
  if (spans.length === 0) return text;
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

/** The spans of all lists (each in text order), earlier lists first where two overlap (an e-mail's digits are not a phone). */
function firstWins(lists: PiiSpan[][]): PiiSpan[] {
  let kept: PiiSpan[] = [];
  for (const list of lists) {
    // Merge two sorted lists, dropping spans of the new one that overlap a kept span.
    const merged: PiiSpan[] = [];
    let k = 0;
    for (const span of list) {
      while (k < kept.length && kept[k]!.end <= span.start) merged.push(kept[k++]!);
      if (k < kept.length && kept[k]!.start < span.end) continue;
      if (merged.length > 0 && merged[merged.length - 1]!.end > span.start) continue;
      merged.push(span);
    }
    kept = merged.concat(kept.slice(k));
  }
  return kept;
}
