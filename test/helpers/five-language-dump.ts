/**
 * Comments in the five languages, each of which the built-in lexicons tag with at least one emotion (the crash
 * test checks every response got a tag), so "every response has its tags" means something.
 */
export const TAGGED_TEXTS = [
  'Спасибо, всё супер',
  'Очень разочарован, ужасный сервис',
  'Fick ringa tre gånger, väldigt besviken',
  'Tack så mycket, jättenöjd!',
  '太慢了，失望',
  '非常满意，谢谢',
  'Köszönöm szépen',
  'Csalódott vagyok, háromszor kellett hívni',
  'Never again, total scam',
  'Absolutely delighted with it! Thank you so much!',
];

/** A CSV dump of `n` responses (ids 0…n-1) cycling through the texts above, numbered so each text is unique. */
export function fiveLanguageDump(n: number): string {
  const lines = ['id,nps,comment'];
  for (let i = 0; i < n; i++) lines.push(`${i},${i % 11},"${TAGGED_TEXTS[i % TAGGED_TEXTS.length]} ${i}"`);
  return `${lines.join('\n')}\n`;
}
