import type { Reject } from '../ingest/reject.js';
import { redact } from './redact.js';

/**
 * A rejected row as `rejects` stores it under --redact: its raw line holds the comment, and its reason can
 * quote a cell. The JSON parser's message quotes a cut-off stretch of the line (`…"feedback":Ring 08-12"…`),
 * where a half phone number is no longer recognisable, so that message is left out; the raw line (masked)
 * still shows what is wrong.
 */
export function redactReject(reason: Reject, raw: string): { reason: string; raw: string } {
  const text = reason.code === 'R_JSON' ? 'invalid JSON (the parser message is hidden by --redact: it quotes the line)' : reason.reason;
  return { reason: redact(text).text, raw: redact(raw).text };
}
