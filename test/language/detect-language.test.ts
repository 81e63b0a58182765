import { describe, expect, it } from 'vitest';
import { LanguageDetector } from '../../src/language/detect-language.js';
import { TOY_LEXICONS, TOY_REGISTRY } from '../fixtures/toy-language/registry.js';

const detector = new LanguageDetector();
const lang = (text: string) => detector.detect(text).lang;

describe('LanguageDetector: short feedback in our five languages', () => {
  it.each([
    ['rus', ['норм', 'Спасибо!', 'не советую', 'ужасная доставка', 'всё супер, спс', 'никогда больше', 'Очень довольна покупкой 👍']],
    ['swe', ['Tack!', 'inte nöjd', 'Snabb leverans', 'aldrig mer', 'helt ok faktiskt', 'tack for snabb leverans', 'Jättebra service!!!']],
    ['cmn', ['好评', '很满意', '太慢了', '謝謝', '服務很好', '不会再买了', '快递很快，点赞']],
    ['hun', ['Köszi', 'köszönöm', 'nem ajánlom', 'Soha többé!', 'minden rendben volt', 'koszi, minden rendben volt', 'Nagyon elégedett vagyok']],
    ['eng', ['great service', 'never again', 'thanks a lot!!', "didn't arrive", 'very disappointed', 'delivery late again', 'Love it ❤️']],
  ])('%s', (expected, texts) => {
    for (const text of texts) expect([text, lang(text)]).toEqual([text, expected]);
  });

  it('reads Traditional and Simplified Chinese alike, with digits, Latin brand names and emoji', () => {
    for (const text of ['訂單#48213還沒到，客服也不回', 'App很好用👍', 'iPhone充电器质量不错']) expect(lang(text)).toBe('cmn');
  });
});

describe('LanguageDetector: other languages are not forced into ours', () => {
  it.each([
    ['deu', 'Die Lieferung kam zwei Tage zu spät und niemand hat mir Bescheid gegeben.'],
    ['fin', 'Toimitus oli nopea ja asentaja oli todella ystävällinen, kiitos!'],
    ['ukr', 'Доставка затрималася на тиждень, і ніхто не відповідає на дзвінки.'],
    ['bel', 'Я ўжо тры тыдні чакаю вяртання грошай.'],
    ['bul', 'Много съм доволна от съдомиялната машина, работи тихо.'],
    ['spa', '¡Me encanta el sofá! Es muy cómodo y llegó a tiempo.'],
    ['jpn', '配送がとても早くて、スタッフも親切でした。'],
    ['kor', '배송이 빠르고 직원도 친절했어요.'],
    ['pol', 'Kurier się spóźnił, ale obsługa była bardzo miła.'],
    // The hardest pairs: Norwegian, Danish vs Swedish; Bulgarian, Serbian vs Russian; Finnish vs Hungarian;
    // Dutch vs English; Latin-script languages with few accents vs Hungarian and English.
    ['nob', 'Leveringen kom for sent, og pakken var ødelagt.'],
    ['nob', 'Jeg har ikke fått pengene tilbake ennå, selv om returen ble godkjent.'],
    ['nno', 'Eg har ikkje fått svar frå kundeservice, og det er ei veke sidan.'],
    ['dan', 'Jeg har ikke hørt noget fra jer, og pakken er stadig ikke kommet.'],
    ['bul', 'Поръчката пристигна след две седмици и никой не ми се обади.'],
    ['srp', 'Поруџбина је стигла касно, али је продавац био љубазан.'],
    ['fin', 'Tilasin astianpesukoneen kolme viikkoa sitten, eikä se ole vieläkään tullut.'],
    ['nld', 'De bezorging was te laat en niemand heeft mij iets laten weten.'],
    ['spa', 'El servicio al cliente fue excelente y el paquete llegó a tiempo.'],
    ['ita', 'Il servizio clienti non ha mai risposto alle mie email.'],
    ['ron', 'Comanda a ajuns târziu și nimeni nu mi-a răspuns la telefon.'],
    ['isl', 'Pakkinn kom of seint og enginn svaraði í símann.'],
  ])('%s', (expected, text) => {
    const result = detector.detect(text);
    expect(result).toMatchObject({ lang: expected, supported: false });
  });

  it('does not take Romanian typed without its accents for Hungarian or English', () => {
    expect(detector.detect('Comanda a ajuns tarziu si nimeni nu mi-a raspuns la telefon.').supported).toBe(false);
  });

  it('reads a Latin i inside a Cyrillic word as і (Belarusian and Ukrainian typed without it)', () => {
    expect(lang('Закон Рэспублiкi Беларусь аб асабiстых гаспадарках')).toBe('bel');
  });

  it.each([
    // Kinds of error the word lists alone left: a neighbour's sentence of words ours share, told apart by the
    // words ours do not write and by spellings (lexicons/neighbours/<code>.spellings.txt).
    ['Bulgarian with no vowel ъ, only words Russian writes too, and се', 'Хората казват, че цената е висока.'],
    ['Bulgarian definite adjectives and -ност', 'Българската сигурност е важна.'],
    ['Belarusian without і or ў: шэ, -нне, -йце', 'Рашэнне прынята, чакайце адказу.'],
    ['Ukrainian without і, ї or є: -ння', 'Замовлення прийшло вчасно'],
    ['Ukrainian цю', 'Прочитайте цю угоду уважно.'],
    ['Norwegian -sjon and hv-', 'Hvorfor var informasjonen feil?'],
    ['Finnish double vowels, no function word', 'Tilaus saapui ajoissa, kiitos'],
    ['Turkish -iyor without ı, ş or ğ', 'Siparis gelmedi, hala bekliyorum'],
    ['German -iert', 'Funktioniert einwandfrei'],
    ['Portuguese -idade', 'Qualidade boa, entrega rapida'],
  ])('%s is not taken for ours', (_kind, text) => {
    expect([text, detector.detect(text).supported]).toEqual([text, false]);
  });

  it('keeps ours where the neighbours write the same words', () => {
    for (const [text, expected] of [
      ['Доставка быстрая, качество хорошее', 'rus'],
      ['Det var bra med den nya kassan', 'swe'],
      ['The team sent the report by email', 'eng'],
    ] as const) {
      expect([text, lang(text)]).toEqual([text, expected]);
    }
  });

  it('gives a confidence between 0 and 1 when every candidate’s letters count against it', () => {
    const result = detector.detect('zu Спасибо zu spät. Спасибо Спасибо ű. Thank łódź rude ő.');
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('is unsure, not confidently wrong, when a neighbour and one of ours tie', () => {
    for (const text of ['Det som er viktig er tenestene.', 'Вкопчват се в един начин.']) {
      const result = detector.detect(text);
      if (result.supported) expect([text, result.confidence]).toEqual([text, expect.any(Number)]);
      if (result.supported) expect(result.confidence).toBeLessThan(0.8);
    }
  });
});

describe('LanguageDetector: tokens without language', () => {
  it.each(['fontsize_dec', 'livejournal.', 'BRENT 57', 'getUserById', 'ERR_CONNECTION_RESET', 'kvitto.pdf', 'console.log(err)', '@anna_k', 'EUR/USD 1.0842', 'qwerty', '#N/A', 'PayPal'])(
    '%j is und',
    (text) => {
      expect(detector.detect(text).lang).toBe('und');
    },
  );
});

describe('LanguageDetector: no language', () => {
  it.each(['', '   ', '👍👍', '😡', '10', '9/10', 'https://lumenhome.se/order/48213', 'info@lumenhome.se', 'LH-2025-88412', '#48213', '...', '?!', 'VX-200B', '+46 8 123 45 67', '<br/>', '&nbsp;'])(
    '%j is und',
    (text) => {
      expect(detector.detect(text)).toMatchObject({ lang: 'und', supported: false, segments: [] });
    },
  );
});

describe('LanguageDetector: mixed-language feedback', () => {
  it.each([
    ['Great hotel and friendly staff. Men frukosten var verkligen dålig och kaffet var kallt.', 'swe', ['eng', 'swe']],
    ['The delivery guys were careful and even took the packaging away. 非常感谢你们！', 'eng', ['eng', 'cmn']],
    ['Доставка быстрая, курьер вежливый, всё отлично. Thanks a lot!', 'rus', ['rus', 'eng']],
    ['Friendly staff in the Budapest store and they explained everything clearly. Köszönöm szépen a segítséget!', 'eng', ['eng', 'hun']],
  ])('%s', (text, dominant, languages) => {
    const result = detector.detect(text);
    expect(result.lang).toBe(dominant);
    expect(result.segments.map((s) => s.lang)).toEqual(languages);
    for (const s of result.segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
    expect(text.slice(result.segments[0]!.start, result.segments[0]!.end).length).toBeGreaterThan(10);
  });

  it('keeps one-language text in one segment spanning it', () => {
    const text = '  Fick ringa tre gånger innan någon svarade. Sen kom paketet till slut.  ';
    const result = detector.detect(text);
    expect(result.segments).toEqual([{ lang: 'swe', confidence: result.confidence, supported: true, start: 2, end: text.length - 2 }]);
  });
});

describe('LanguageDetector: noise does not change the language', () => {
  it.each([
    ['<p>Nagyon &amp; <b>elégedett</b> vagyok!</p>', 'hun'],
    ['[NAME] was very helpful, thanks! Order LH-2025-88412, see https://lumenhome.co.uk/help', 'eng'],
    ['Skrev till kundtjanst@lumenhome.se tre gånger, inget svar', 'swe'],
    ['@lumenhome_ru почему заказ #48213 до сих пор не доставлен???', 'rus'],
  ])('%s', (text, expected) => {
    expect(lang(text)).toBe(expected);
  });

  it('reads decomposed (NFD) letters like composed ones', () => {
    expect(lang('Köszönöm, minden rendben volt'.normalize('NFD'))).toBe('hun');
  });
});

describe('LanguageDetector: lexicon folders without neighbours/', () => {
  // No neighbour to lead: ours lead by their own evidence, not by an infinite margin (which gave NaN).
  const alone = new LanguageDetector({ registry: TOY_REGISTRY, lexiconDirs: [TOY_LEXICONS] });
  it.each(['Dankon pro la rapida liverado!', 'Mi estas tre kontenta pri la servo.'])('%j is epo with a confidence in (0, 1)', (text) => {
    const result = alone.detect(text);
    expect(result.lang).toBe('epo');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(1);
  });
});
