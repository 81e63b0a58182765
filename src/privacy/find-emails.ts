import type { PiiSpan } from './pii-span.js';

/**
 * E-mail addresses, including internationalised ones (иван@почта.рф, anna.svensson+kvitto@mail.example.se,
 * xn--…). Han characters are not taken as address characters: Chinese writes addresses straight after and
 * before words (邮箱zhang.wei@qq.com谢谢), and Chinese-script addresses are rare.
 */
export function findEmails(text: string): PiiSpan[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));
}

/** A letter, mark or digit of any script but Han. */
const CHAR = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])`;
/** Dot-separated atoms of letters, digits and _ % + - (plus-addressing). */
const LOCAL = String.raw`(?:${CHAR}|[_%+\-])+(?:\.(?:${CHAR}|[_%+\-])+)*`;
/** A domain label: letters and digits, hyphens inside. */
const LABEL = String.raw`${CHAR}(?:(?:${CHAR}|-)*${CHAR})?`;
/** The top-level domain: two or more letters (com, se, рф), or punycode. */
const TLD = String.raw`(?:xn--[a-z0-9\-]+|(?:(?!\p{Script=Han})\p{L}){2,})`;
/** Starts where no address character stands before it: one attempt per word keeps long words linear. */
const START = String.raw`(?<!${CHAR}|[_%+.\-])`;
const EMAIL = new RegExp(`${START}${LOCAL}@(?:${LABEL}\\.)+${TLD}`, 'gu');
