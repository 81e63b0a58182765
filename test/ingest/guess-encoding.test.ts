import { describe, expect, it } from 'vitest';
import { guessEncoding } from '../../src/ingest/guess-encoding.js';
import { encodeLegacy } from '../helpers/encode-legacy.js';

const CASES: [string, string, string][] = [
  ['windows-1250', 'Azonosító;Pontszám;Megjegyzés;Dátum\n1;9;Nagyszerű, erről mindenkinek beszélek!;2026.11.05.\n2;3;Háromszor kellett felhívnom az ügyfélszolgálatot.;2026.11.06.\n', "'Azonosító', 'Pontszám', 'Megjegyzés'"],
  ['windows-1250', 'Pontszám;Megjegyzés\n9;Jó volt\n', "'Pontszám', 'Megjegyzés'; windows-1252 would read this part alike"],
  ['windows-1251', 'id;Оценка;Комментарий\n1;9;Превзошли ожидания, спасибо!\n2;2;Ужасная доставка, больше не закажу.\n', "'Оценка', 'Комментарий', 'Превзошли'"],
  ['windows-1252', 'id;Betyg;Kommentar\n1;9;Väldigt nöjd med leveransen, tack så mycket!\n2;4;Fick ringa tre gånger innan någon svarade.\n', "'Väldigt', 'nöjd', 'gånger'"],
  ['windows-1252', 'id,score,comment\n1,9,Great café, naïve décor\n', "'café', 'naïve', 'décor'"],
  ['gb18030', 'id,评分,评论\n1,9,客服很耐心，谢谢\n2,3,送货太慢了，等了一个星期才到。\n', "'评分', '评论', '客服很耐心'"],
  ['big5', 'id,評分,評論\n1,9,客服很耐心，謝謝\n2,3,送貨太慢了，等了一個星期才到。\n', "'評分', '評論', '客服很耐心'"],
];

describe('guessEncoding', () => {
  it.each(CASES)('recognises %s, with words as evidence', (encoding, text, words) => {
    const guess = guessEncoding(encodeLegacy(text, encoding));
    expect(guess?.encoding).toBe(encoding);
    expect(guess?.evidence).toContain(`the bytes read as ${encoding}`);
    expect(guess?.evidence).toContain(words);
  });

  it('has nothing to say about plain ASCII or bytes no candidate reads', () => {
    expect(guessEncoding(Buffer.from('id,score\n1,9\n'))).toBeUndefined();
    expect(guessEncoding(Buffer.from([0x81, 0x20, 0x8d, 0x20, 0x8f, 0x20, 0x90, 0x20, 0x9d, 0x20]))).toBeUndefined();
  });
});
