import { IBAN_LENGTHS } from './iban-lengths.js';
import { ibanValid } from './iban-valid.js';
import type { PiiSpan } from './pii-span.js';

/**
 * IBANs, compact or in groups (SE45 5000 0000 0583 9825 7466, GB82WEST12345698765432): a country code,
 * two check digits and the rest, cut to the country's length, and only when the mod-97 check passes.
 */
export function findIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const candidates = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
    const end = ibanEnd(m[0]);
    // A candidate runs on for up to 30 characters, over the start of the next IBAN when two are written
    // side by side ("DE89 3704 … 3000 SE45 5000 …"): look again right after this one, or after its start.
    if (end === undefined) {
      candidates.lastIndex = m.index + 1;
      continue;
    }
    spans.push({ kind: 'iban', start: m.index, end: m.index + end });
    candidates.lastIndex = m.index + end;
  }
  return spans;
}

/**
 * Two letters (not glued to a word before them), two digits, then 11–30 letters or digits with single
 * spaces allowed between any of them: generous on purpose, `ibanEnd` decides where the IBAN stops.
 */
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/gu;

/** Where the IBAN at the start of a candidate ends: after its country's number of characters, at a group end. */
function ibanEnd(candidate: string): number | undefined {
  const length = IBAN_LENGTHS[candidate.slice(0, 2).toUpperCase()];
  if (length === undefined) return undefined;
  let chars = 0;
  let end = 0;
  while (end < candidate.length && chars < length) if (candidate[end++] !== ' ') chars++;
  if (chars < length || /[A-Za-z0-9]/.test(candidate[end] ?? '')) return undefined;
  return ibanValid(candidate.slice(0, end).replace(/ /g, '').toUpperCase()) ? end : undefined;
}
