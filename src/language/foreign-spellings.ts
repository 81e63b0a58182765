/**
 * Spellings of letters we do use that only another language of the script writes: evidence against our
 * language when it is the only one of its script, where no single letter can tell the two apart.
 */
export const FOREIGN_SPELLINGS: readonly { pattern: RegExp; lang: string }[] = [
  // Bulgarian writes ъ as a vowel, before consonants (съм, пъти); Russian only as a separator before
  // е, ё, ю, я (объявление, подъезд).
  { pattern: /ъ[бвгджзйклмнпрстфхцчшщ]/iu, lang: 'bul' },
];
