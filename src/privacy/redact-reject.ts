import type { Reject } from '../ingest/reject.js';
import { MAX_RAW_CHARS } from '../ingest/limits.js';
import { redact } from './redact.js';

/**
 * A rejected row as `rejects` stores it under --redact: its raw line holds the comment, and its reason can
 * quote a cell. The JSON parser's message quotes a cut-off stretch of the line (`…"feedback":Ring 08-12"…`),
 * where a half phone number is no longer recognisable, so that message is left out; the raw line (masked)
 * still shows what is wrong.
 */
export function redactReject(reason: Reject, raw: string): { reason: string; raw: string } {
  const text = reason.code === 'R_JSON' ? 'invalid JSON (the parser message is hidden by --redact: it quotes the line)' : reason.reason;
  return { reason: redact(text).text, raw: redactCut(raw) };
}

/**
 * A raw line masked. A line cut to MAX_RAW_CHARS may end in part of a card number, phone number, IBAN or
 * address that no longer has the shape `redact` recognises ("… 4111 1111 11"): the words at the cut that
 * hold a digit or an @, and the last word, are dropped with it.
 */
export function redactCut(raw: string): string {
  const masked = redact(raw).text;
  const cut = raw.length >= MAX_RAW_CHARS;
  if (!cut) return masked;
  const ellipsis = masked.endsWith('…') ? '…' : '';
  const body = ellipsis ? masked.slice(0, -1) : masked;
  return `${dropCutTail(body)}…`;
}

/** The text without its last word and the words before it that hold a digit or an @. */
function dropCutTail(text: string): string {
  let end = wordStart(text, text.length);
  for (;;) {
    const kept = text.slice(0, end).trimEnd();
    const start = wordStart(kept, kept.length);
    if (start === kept.length || !MAY_BE_PII.test(kept.slice(start))) return kept;
    end = start;
  }
}

/** Where the word ending at `end` starts (after the last white space before `end`). */
function wordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && !/\s/u.test(text[i - 1]!)) i--;
  return i;
}

const MAY_BE_PII = /[\d@＠０-９]/u;
