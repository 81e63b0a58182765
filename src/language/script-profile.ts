/** How many letters of each script a text has, and which individual letters occur. */
export interface ScriptProfile {
  letters: number;
  han: number;
  kana: number;
  hangul: number;
  cyrillic: number;
  latin: number;
  other: number;
  /** Lowercased letter → occurrences, for the non-ASCII letters only (the informative ones). */
  marked: Map<string, number>;
}

const LETTER = /\p{L}/u;
const HAN = /\p{Script=Han}/u;

/** Counts by code-point ranges (a regex per character is several times slower on long Cyrillic texts). */
export function profileScripts(text: string): ScriptProfile {
  const p: ScriptProfile = { letters: 0, han: 0, kana: 0, hangul: 0, cyrillic: 0, latin: 0, other: 0, marked: new Map() };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc0) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
        p.letters++;
        p.latin++;
      }
      continue;
    }
    let kind: 'han' | 'kana' | 'hangul' | 'cyrillic' | 'latin' | 'other' | undefined;
    let ch = text[i]!;
    if (c >= 0x4e00 && c <= 0x9fff) kind = 'han';
    else if (c >= 0x0400 && c <= 0x052f) kind = 'cyrillic';
    else if ((c <= 0x024f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) kind = 'latin';
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kind = 'kana';
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) kind = 'hangul';
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) kind = 'han';
    else if (c >= 0xd800 && c <= 0xdbff) {
      ch = String.fromCodePoint(text.codePointAt(i)!);
      i++;
      kind = HAN.test(ch) ? 'han' : LETTER.test(ch) ? 'other' : undefined;
    } else if (LETTER.test(ch)) kind = 'other';
    if (!kind) continue;
    p.letters++;
    p[kind]++;
    if (kind === 'latin' || kind === 'cyrillic') {
      const lower = ch.toLowerCase();
      p.marked.set(lower, (p.marked.get(lower) ?? 0) + 1);
    }
  }
  return p;
}
