/** The kinds of personal data `redact` masks. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

/** Where a piece of personal data stands in a text: offsets into it, end exclusive. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
}
