/** A stretch of text by offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Sentence ends: . ! ? … and their CJK forms, or a line break. */
const SENTENCE_END = /[.!?…。！？]+["'”’)\]]*(?=\s|$)|[。！？]+|\n+/g;
/** Clause breaks inside one sentence: a comma, semicolon or dash followed by a space (and the CJK comma). */
const CLAUSE_BREAK = /[,;:]\s+|\s+[-–—]\s+|[，；]/g;

export function splitSentences(text: string, span: Span = { start: 0, end: text.length }): Span[] {
  return splitAt(text, span, SENTENCE_END);
}

export function splitClauses(text: string, span: Span): Span[] {
  return splitAt(text, span, CLAUSE_BREAK);
}

function splitAt(text: string, span: Span, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let from = 0;
  for (const m of slice.matchAll(pattern)) {
    const to = m.index + m[0].length;
    pushTrimmed(spans, text, span.start + from, span.start + to);
    from = to;
  }
  pushTrimmed(spans, text, span.start + from, span.end);
  return spans;
}

/** Keeps a span only if it has a letter, trimmed of surrounding white space. */
function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start && /\p{L}/u.test(text.slice(start, end))) spans.push({ start, end });
}
