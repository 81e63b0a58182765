import { redact } from './redact.js';

/**
 * A rejected row as `rejects` stores it under --redact: its raw line holds the comment, and its reason can
 * quote a cell or, for broken JSON, a stretch of the line.
 */
export function redactReject(reason: string, raw: string): { reason: string; raw: string } {
  return { reason: redact(reason).text, raw: redact(raw).text };
}
