import { reject, type Reject } from './reject.js';

/** `" 9 "`, `"9.0"` and `9` are 9; `11`, `7.5`, `"ten"`, `"10/10"` and `"N/A"` are rejects; empty is null. */
export function parseScore(value: unknown): number | null | Reject {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (text === '') return null;
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) {
    return reject('R_SCORE', `NPS answer '${text}' is not a number from 0 to 10`);
  }
  const number = Number(text);
  if (!Number.isInteger(number)) return reject('R_SCORE', `NPS answer '${text}' is not a whole number`);
  if (number < 0 || number > 10) return reject('R_SCORE', `NPS answer ${text} is outside 0–10`);
  return number;
}
