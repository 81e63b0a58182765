import { PLACEHOLDERS, redact } from './redact.js';

/**
 * Redacts a text that comes with offsets into it (a verbatim's evidence): spans that touch personal data
 * are dropped, the others move with the text, so highlighting by offset still marks the same words.
 */
export function redactWithEvidence<E extends { start: number; end: number }>(
  text: string,
  evidence: readonly E[],
): { text: string; evidence: E[] } {
  const redaction = redact(text);
  if (redaction.spans.length === 0) return { text, evidence: [...evidence] };
  const kept: E[] = [];
  for (const e of evidence) {
    if (redaction.spans.some((s) => s.start < e.end && e.start < s.end)) continue;
    let shift = 0;
    for (const s of redaction.spans) if (s.end <= e.start) shift += PLACEHOLDERS[s.kind].length - (s.end - s.start);
    kept.push({ ...e, start: e.start + shift, end: e.end + shift });
  }
  return { text: redaction.text, evidence: kept };
}
