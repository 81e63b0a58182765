import { reject, type Reject } from './reject.js';

/**
 * `" 9 "`, `"9.0"` and `9` are 9; so are the choice texts survey tools export for a labelled scale, in any
 * language: `"10 - Extremely likely"`, `"0 – Inte alls troligt"`, `"9 (Very likely)"`, `"Крайне вероятно - 10"`,
 * `"极有可能（10）"`. `11`, `7.5`, `"ten"`, `"10/10"`, `"N/A"` and a label without its number are rejects; empty is null.
 */
export function parseScore(value: unknown): number | null | Reject {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (text === '') return null;
  const choice = choiceNumber(text);
  const number = choice ?? text;
  if (!/^[+-]?\d+(\.\d+)?$/.test(number)) {
    const hint = /\p{L}\s+\p{L}/u.test(text) && !/\d/.test(text) ? ' (a choice label without its number? export the numbers, or the choice text with them)' : '';
    return reject('R_SCORE', `NPS answer '${text}' is not a number from 0 to 10${hint}`);
  }
  const n = Number(number);
  if (!Number.isInteger(n)) return reject('R_SCORE', `NPS answer '${text}' is not a whole number`);
  if (n < 0 || n > 10) return reject('R_SCORE', `NPS answer ${choice === undefined ? text : `'${text}'`} is outside 0–10`);
  return n;
}

/** A number and a label (letters of any script) set apart by a dash, colon, full stop or brackets. */
const NUMBER_FIRST = /^(\d{1,2})\s*(?:[-–—:.)]\s*|[(（[]\s*)\p{L}[^]*?[)）\]]?$/u;
const NUMBER_LAST = /^\p{L}[^]*?(?:\s[-–—:]\s*|\s*[(（[]\s*)(\d{1,2})\s*[)）\]]?$/u;

/** The number of a choice text, or undefined when the text is not one (then it is read as it is). */
function choiceNumber(text: string): string | undefined {
  const first = NUMBER_FIRST.exec(text);
  if (first) return first[1];
  const last = NUMBER_LAST.exec(text);
  return last?.[1];
}
