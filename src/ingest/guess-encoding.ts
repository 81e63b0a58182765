/** A legacy encoding that fits a sample of bytes better than the others, with what shows it. */
export interface EncodingGuess {
  encoding: string;
  /** In words, for a hint: what the bytes read as in this encoding. */
  evidence: string;
}

interface Candidate {
  encoding: string;
  what: string;
  /** Letters the languages written in this encoding use often, and ones they use seldom. */
  common?: RegExp;
  rare?: RegExp;
  /**
   * Where the sample reads alike in another candidate, this one is chosen when every non-ASCII letter is one
   * of these: Hungarian text without ő and ű reads the same in windows-1250 and -1252.
   */
  own?: RegExp;
  /** Scores a double-byte encoding from its byte pairs (per pair). */
  pairs?: (lead: number, trail: number) => number | undefined;
}

/**
 * The encodings BOM-less exports of Heartline's five languages come in. windows-1252 comes before -1250:
 * where a sample reads alike in both (Hungarian without ő or ű), it is the more common one.
 */
const CANDIDATES: Candidate[] = [
  {
    encoding: 'windows-1251',
    what: 'Cyrillic: Russian',
    common: /[а-яёА-ЯЁ]/,
    rare: /[ђѓѕіїјљњћќўџґЂЃЅІЇЈЉЊЋЌЎЏҐ]/,
  },
  {
    encoding: 'windows-1252',
    what: 'Western European: Swedish, English, German, French …',
    common: /[åäöéèêëàâçüßñáíóúïîôûÅÄÖÉÈÊÀÇÜÑÁÍÓÚ]/,
    rare: /[ãõìòùýÿæøœšžÃÕÌÒÙÝŸÆØŒŠŽ]/,
  },
  {
    encoding: 'windows-1250',
    what: 'Central European: Hungarian, Czech, Polish …',
    common: /[áéíóöőúüűÁÉÍÓÖŐÚÜŰčďěňřšťůžýČĎĚŇŘŠŤŮŽÝąćęłńśźżĄĆĘŁŃŚŹŻ]/,
    rare: /[ăâîşţĺľŕôäçĂÂÎŞŢĹĽŔÔÄÇđĐ]/,
    own: /^[áéíóöőúüűÁÉÍÓÖŐÚÜŰ]$/,
  },
  { encoding: 'gb18030', what: 'Simplified Chinese (GBK)', pairs: gbPair },
  { encoding: 'big5', what: 'Traditional Chinese', pairs: big5Pair },
];

/** A byte that starts no valid pair, or a pair cut short: strong evidence against a double-byte encoding. */
const INVALID = -6;

/**
 * Which legacy encoding a BOM-less sample that is not UTF-8 is most likely in: each candidate decodes the
 * sample and is scored per non-ASCII byte — letters its languages use count for it, symbols, control
 * characters, undecodable bytes and words that switch case or script in mid-word count against it. Undefined
 * when the sample holds no byte above 0x7F, or nothing fits.
 */
export function guessEncoding(sample: Buffer): EncodingGuess | undefined {
  let high = 0;
  for (const b of sample) if (b >= 0x80) high++;
  if (high === 0) return undefined;
  const scored = CANDIDATES.map((c) => ({ c, score: (c.pairs ? scorePairs(sample, c.pairs) : scoreLetters(decode(sample, c.encoding), c)) / high }));
  scored.sort((a, b) => b.score - a.score);
  let best = scored[0]!;
  if (best.score <= 0.2) return undefined;
  const text = decode(sample, best.c.encoding);
  const alikeScored = scored.filter((s) => decode(sample, s.c.encoding) === text);
  const letters = [...text].filter((ch) => ch.codePointAt(0)! >= 0x80 && /\p{L}/u.test(ch));
  best = alikeScored.find((s) => s.c.own && letters.every((ch) => s.c.own!.test(ch))) ?? best;
  const words = sampleWords(text, best.c.pairs !== undefined);
  const alike = alikeScored.filter((s) => s !== best).map((s) => s.c.encoding);
  return {
    encoding: best.c.encoding,
    evidence:
      `the bytes read as ${best.c.encoding} (${best.c.what})` +
      (words.length > 0 ? `, with words such as ${words.map((w) => `'${w}'`).join(', ')}` : '') +
      (alike.length > 0 ? `; ${alike.join(', ')} would read this part alike` : ''),
  };
}

function decode(sample: Buffer, encoding: string): string {
  return new TextDecoder(encoding).decode(sample);
}

function scoreLetters(text: string, c: Candidate): number {
  let score = 0;
  let previous = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      previous = ch;
      continue;
    }
    if (ch === '\ufffd' || (code >= 0x80 && code < 0xa0)) score += INVALID;
    else if (c.common!.test(ch)) score += 1;
    else if (c.rare!.test(ch)) score += 0.2;
    else if (/\p{L}/u.test(ch)) score -= 0.5;
    else if (!/[\u00a0\u00ab\u00bb\u00b7\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2116]/.test(ch)) score -= 1;
    // A word that turns to capitals or to another script in its middle is mis-decoded text.
    if (/\p{Ll}/u.test(previous) && /\p{Lu}/u.test(ch)) score -= 1;
    if (/[a-zA-Z]/.test(previous) && /\p{Script=Cyrillic}/u.test(ch)) score -= 1;
    previous = ch;
  }
  return score;
}

/** Walks the sample as a double-byte encoding: ASCII alone, else a lead byte and its trail. */
function scorePairs(sample: Buffer, pair: (lead: number, trail: number) => number | undefined): number {
  let score = 0;
  for (let i = 0; i < sample.length; i++) {
    const lead = sample[i]!;
    if (lead < 0x80) continue;
    const trail = sample[i + 1];
    if (trail === undefined) break; // the sample may end mid-character
    const s = pair(lead, trail);
    if (s === undefined) score += INVALID;
    else {
      score += s;
      i++;
    }
  }
  return score;
}

/**
 * GBK: hanzi of GB2312 (the 6,763 in everyday use) score most, its punctuation and full-width forms next;
 * GBK's extension (rare and traditional characters) little; GB2312's kana, Greek, Cyrillic and box rows and
 * its empty rows count against. Per pair of bytes.
 */
function gbPair(lead: number, trail: number): number | undefined {
  if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return undefined;
  if (trail < 0xa1) return 0.3;
  if (lead >= 0xb0 && lead <= 0xf7) return 2;
  if (lead === 0xa1 || lead === 0xa3) return 1;
  if (lead <= 0xa9) return -0.5;
  return -1;
}

/** Big5: the frequent hanzi (leads A4–C6) score most, punctuation next, the less frequent hanzi little. */
function big5Pair(lead: number, trail: number): number | undefined {
  if (lead < 0xa1 || lead > 0xf9 || !((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) return undefined;
  if (lead >= 0xa4 && lead <= 0xc6) return 2;
  if (lead <= 0xa3) return 1;
  if (lead >= 0xc9) return 0.5;
  return -1;
}

/**
 * A few words of the decoded sample that hold non-ASCII letters (runs of hanzi for Chinese): letters only,
 * never digits or @, so no e-mail, phone, card or IBAN can be among them.
 */
function sampleWords(text: string, cjk: boolean): string[] {
  const pattern = cjk ? /\p{Script=Han}{2,8}/gu : /\p{L}{3,24}/gu;
  const words = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    if (cjk || /[^\x00-\x7f]/.test(m[0])) words.add(m[0]);
    if (words.size === 3) break;
  }
  return [...words];
}
