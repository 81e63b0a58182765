/**
 * Text with its control characters made visible, for a terminal or a table: a segment value or a rejected
 * line may hold ESC sequences (which would recolour or clear the user's terminal), tabs, NULs or line breaks
 * (which break a table row). Line breaks become ⏎, the other C0 controls and DEL their Unicode control
 * pictures (␀ ␉ ␛ ␡), C1 controls and the bidirectional overrides that reorder what a terminal shows
 * ("Trojan Source") a `\uXXXX` escape. Characters in `keep` (e.g. '\n' for a multi-line message) stay.
 */
export function visibleControls(text: string, keep = ''): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => {
    if (c === '\r\n' || c === '\n') return keep.includes('\n') ? c : '⏎';
    if (keep.includes(c)) return c;
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '␡';
    return `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
  });
}

const SET = '\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${SET}]`);
const CONTROLS = new RegExp(`\\r\\n|[${SET}]`, 'g');
