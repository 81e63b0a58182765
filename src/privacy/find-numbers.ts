import { isCard } from './is-card.js';
import { isPhone } from './is-phone.js';
import type { PiiSpan } from './pii-span.js';

/**
 * Card and phone numbers. Finds each run of digit groups as a whole ("Betyg 10, ring 070-123 45 67"), then
 * the longest stretches of its groups, from the left, that are cards (Luhn-checked), and then phone numbers
 * among the groups left — so a score or a year next to a number neither hides it nor is taken with it, and a
 * card written after a phone number ("+7 (912) 345-67-89 4111 1111 1111 1111") is not half swallowed by it:
 * "+<country code>" and up to 15 digits also fits the phone number and the card's first group.
 */
export function findNumbers(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }));
    if (GLUED.test(text.slice(Math.max(0, run.index - 2), run.index))) {
      // The first group is part of a code; the groups after it are a number only if they are one whole
      // ("A320 4111 1111 1111 1111"), not when they continue the code (an IBAN whose check fails).
      const rest = wholeNumber(text, groups.slice(1));
      if (rest) spans.push(rest);
      continue;
    }
    const cards = stretches(text, groups, 0, groups.length, 'card');
    // Phone numbers in the groups before, between and after the cards.
    let from = 0;
    for (const card of cards) {
      spans.push(...stretches(text, groups, from, card.first, 'phone').map((p) => p.span), card.span);
      from = card.last + 1;
    }
    spans.push(...stretches(text, groups, from, groups.length, 'phone').map((p) => p.span));
  }
  return spans;
}

/** The groups together as one card or phone number, if they are one. */
function wholeNumber(text: string, groups: Group[]): PiiSpan | undefined {
  if (groups.length === 0 || groups.length > MAX_GROUPS) return undefined;
  const digits = groups.reduce((n, g) => n + g.end - g.start, 0);
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return undefined;
  const [first, last] = [groups[0]!.start, groups.at(-1)!.end];
  return numberSpan(text, first, last, 'card') ?? numberSpan(text, first, last, 'phone');
}

interface Group {
  start: number;
  end: number;
}

/**
 * The numbers of one kind among groups[from, to): from the left, the longest stretch of groups that is one,
 * then on after it. With the index of its first and last group.
 */
function stretches(text: string, groups: Group[], from: number, to: number, kind: PiiSpan['kind']): { span: PiiSpan; first: number; last: number }[] {
  const found: { span: PiiSpan; first: number; last: number }[] = [];
  // Digits before each group, to skip stretches too short or too long to test.
  const before = [0];
  for (const g of groups) before.push(before[before.length - 1]! + g.end - g.start);
  for (let i = from; i < to; i++) {
    for (let j = Math.min(to, i + MAX_GROUPS); j > i; j--) {
      const digits = before[j]! - before[i]!;
      if (digits < MIN_DIGITS || digits > MAX_DIGITS) continue;
      const span = numberSpan(text, groups[i]!.start, groups[j - 1]!.end, kind);
      if (span) {
        found.push({ span, first: i, last: j - 1 });
        i = j - 1;
        break;
      }
    }
  }
  return found;
}

/** More groups than any card (5) or phone number (+44 (0)20 7946 0958: 5) is written in, with room to spare. */
const MAX_GROUPS = 8;
/** The shortest phone number (+46 8 123 45, with its country code) and the longest card number. */
const MIN_DIGITS = 8;
const MAX_DIGITS = 19;

/**
 * Digit groups joined the way people write numbers: one space, hyphen or dot, or parentheses around an area
 * code ("8 (912) 345-67-89", "+44 (0)20 7946 0958"). Matched greedily, each run is found whole; every joiner
 * must be followed by digits, so matching is linear.
 */
const JOIN = String.raw`(?:[ .\-]?\(|\)[ .\-]?|[ .\-])`;
const RUN = new RegExp(String.raw`[+(]?\d+(?:${JOIN}\d+)*\)?`, 'g');

/**
 * A run glued to a Latin or Cyrillic word, or after # _ @, is part of a code (LH-2025-88412, SE45 5000 …,
 * A320, #48213), not a number of its own.
 */
const GLUED = /(?:[\p{Script=Latin}\p{Script=Cyrillic}]-?|[#_@])$/u;

/** The stretch start–end as written (with a + or ( just before it, a ) just after), if it is a number of this kind. */
function numberSpan(text: string, start: number, end: number, kind: PiiSpan['kind']): PiiSpan | undefined {
  if (kind === 'card') return isCard(text.slice(start, end)) ? { kind, start, end } : undefined;
  if (text[start - 1] === '+' || text[start - 1] === '(') start--;
  let candidate = text.slice(start, end);
  if (text[end] === ')' && candidate.lastIndexOf('(') > candidate.lastIndexOf(')')) candidate = text.slice(start, ++end);
  return isPhone(candidate) ? { kind, start, end } : undefined;
}
