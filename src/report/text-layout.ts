import { visibleControls } from './visible-controls.js';

/** Fixed-width text for terminals: display widths (CJK counts double), word wrapping, aligned tables. */

/** Code points a terminal draws two columns wide: CJK, Hangul, full-width forms, most emoji. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDE.test(c) ? 2 : 1;
  return width;
}

/** Cut to at most `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const c of text) {
    if (displayWidth(out + c) > width - 1) break;
    out += c;
  }
  return `${out.trimEnd()}…`;
}

/** Word-wrap to `width` columns; continuation lines get `indent` (the first line's own prefix is the caller's). */
export function wrap(text: string, width: number, first = '', indent = ' '.repeat(displayWidth(first))): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/ +/)) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && displayWidth(candidate) > width) {
      lines.push(line);
      line = indent + word;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines;
}

const pad = (s: string, w: number, left: boolean) => {
  const gap = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return left ? s + gap : gap + s;
};

/**
 * A fixed-width table: the first column (and any listed in `leftAligned`) left-aligned, the rest right-aligned.
 * Control characters in cells (a segment value with ESC or a line break) are shown as symbols: raw, they would
 * garble the terminal and break the row.
 */
export function grid(header: string[], cells: string[][], leftAligned: readonly number[] = []): string {
  const rows = cells.map((r) => r.map((c) => visibleControls(c)));
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const left = (i: number) => i === 0 || leftAligned.includes(i);
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!, left(i))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
