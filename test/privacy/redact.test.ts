import { describe, expect, it } from 'vitest';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { LanguageDetector } from '../../src/language/detect-language.js';
import { ibanValid } from '../../src/privacy/iban-valid.js';
import { luhnValid } from '../../src/privacy/luhn-valid.js';
import { PLACEHOLDERS, redact } from '../../src/privacy/redact.js';
import { redactWithEvidence } from '../../src/privacy/redact-with-evidence.js';

describe('redact: personal data in feedback, in all five languages', () => {
  it.each([
    // Russian
    ['Позвоните мне: +7 912 345-67-89, спасибо!', 'Позвоните мне: [PHONE], спасибо!'],
    ['Мой номер 8 (912) 345-67-89, звоните после шести.', 'Мой номер [PHONE], звоните после шести.'],
    ['Горячая линия 8-800-555-35-35 не отвечает вообще.', 'Горячая линия [PHONE] не отвечает вообще.'],
    ['Напишите на 89123456789 в вотсап', 'Напишите на [PHONE] в вотсап'],
    ['Пишите на иван@почта.рф, жду ответа', 'Пишите на [EMAIL], жду ответа'],
    ['Деньги списали с карты 2200 0000 0000 0004 дважды!', 'Деньги списали с карты [CARD] дважды!'],
    // Swedish
    ['Ring mig på 070-123 45 67', 'Ring mig på [PHONE]'],
    ['Ni når mig på +46 70 123 45 67 eller 08-123 456 78.', 'Ni når mig på [PHONE] eller [PHONE].'],
    ['Skicka kvittot till anna.svensson+kvitto@mail.example.se tack', 'Skicka kvittot till [EMAIL] tack'],
    ['Återbetala till SE45 5000 0000 0583 9825 7466, tack!', 'Återbetala till [IBAN], tack!'],
    ['Betyg 10, ring 0701234567 om ni undrar', 'Betyg 10, ring [PHONE] om ni undrar'],
    // Chinese
    ['请打电话 138 0013 8000', '请打电话 [PHONE]'],
    ['客服电话13800138000一直占线', '客服电话[PHONE]一直占线'],
    ['我的手机是＋８６　１３８　００１３　８０００，谢谢', '我的手机是[PHONE]，谢谢'],
    ['办公室电话 010-1234 5678，邮箱zhang.wei@qq.com谢谢', '办公室电话 [PHONE]，邮箱[EMAIL]谢谢'],
    ['+86 138 0013 8000 是我的号码', '[PHONE] 是我的号码'],
    // Hungarian
    ['Hívjon: +36 30 123 4567', 'Hívjon: [PHONE]'],
    ['Visszahívást kérek a 06 30 123 4567 számra.', 'Visszahívást kérek a [PHONE] számra.'],
    ['Az irodai szám 06-1-234-5678, de senki nem veszi fel.', 'Az irodai szám [PHONE], de senki nem veszi fel.'],
    ['Kérem utalják vissza: HU42 1177 3016 1111 1018 0000 0000', 'Kérem utalják vissza: [IBAN]'],
    ['Írjon a kovacs.eva@freemail.hu címre!', 'Írjon a [EMAIL] címre!'],
    // English
    ['email me at jane.doe@example.co.uk', 'email me at [EMAIL]'],
    ['Call me on (555) 123-4567 or +1 555 123 4567.', 'Call me on [PHONE] or [PHONE].'],
    ['UK office +44 20 7946 0958, mobile 07700 900123', 'UK office [PHONE], mobile [PHONE]'],
    ['They charged my card 4111 1111 1111 1111 twice!', 'They charged my card [CARD] twice!'],
    ['Refund to GB82 WEST 1234 5698 7654 32 OK?', 'Refund to [IBAN] OK?'],
    ['Amex 3782-822463-10005 was declined', 'Amex [CARD] was declined'],
    ['Wire it to DE89370400440532013000 please', 'Wire it to [IBAN] please'],
  ])('%s', (input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  // Issue #11, item 2: "+<country code>" and up to 15 digits fit a phone number and a card's first group.
  it.each([
    ['+7 (912) 345-67-89 4111 1111 1111 1111', '[PHONE] [CARD]'],
    ['Звоните +7 912 345 67 89 4111 1111 1111 1111', 'Звоните [PHONE] [CARD]'],
    ['Hívjon +36 30 123 4567 5555 5555 5555 4444 kártya', 'Hívjon [PHONE] [CARD] kártya'],
    ['Call +1 555 123 4567 4111-1111-1111-1111 asap', 'Call [PHONE] [CARD] asap'],
    ['+46 70 123 45 67 4111111111111111', '[PHONE] [CARD]'],
    ['89123456789 2200 0000 0000 0004', '[PHONE] [CARD]'],
    ['4111 1111 1111 1111 +7 912 345-67-89', '[CARD] [PHONE]'],
    // Found by the leak property (test/cli/redact.property.test.ts): two IBANs side by side.
    ['DE89370400440532013000 SE4550000000058398257466', '[IBAN] [IBAN]'],
    ['DE89 3704 0044 0532 0130 00 SE45 5000 0000 0583 9825 7466 tack', '[IBAN] [IBAN] tack'],
    ['XX12 3456 7890 SE45 5000 0000 0583 9825 7466', 'XX12 3456 7890 [IBAN]'],
    ['SE9500000000000000000000 4000 0000 0000 0002', '[IBAN] [CARD]'],
    ['Återbetala SE45 5000 0000 0583 9825 7466 4111 1111 1111 1111', 'Återbetala [IBAN] [CARD]'],
    ['ärende A320 4111 1111 1111 1111', 'ärende A320 [CARD]'],
  ])('personal data side by side is masked whole: %s', (input, expected) => {
    expect(redact(input).text).toBe(expected);
  });

  it('counts what it replaced, by kind, and says where', () => {
    const text = 'Mail anna@example.se, ring 070-123 45 67 eller 08-123 456 78, kort 4111 1111 1111 1111';
    const result = redact(text);
    expect(result.found).toEqual({ email: 1, phone: 2, card: 1, iban: 0 });
    expect(result.spans.map((s) => text.slice(s.start, s.end))).toEqual(['anna@example.se', '070-123 45 67', '08-123 456 78', '4111 1111 1111 1111']);
  });
});

describe('redact leaves numbers that are not personal data alone', () => {
  it.each([
    ['NPS 9 av 10, tack!'],
    ['Оценка 10/10, всё отлично'],
    ['Beställde 2024-03-15, kom fram 2024-03-21.'],
    ['Заказ от 15.03.2024 пришёл только 28.03.2024'],
    ['Order #123456 never arrived'],
    ['order 12345678 is still missing'],
    ['订单号 20240315 还没到'],
    ['Kostade 1 299 kr, helt okej'],
    ['Отдал 12 000 ₽ за этот пылесос'],
    ['4 990 Ft volt, megérte'],
    ['Jövőre 1 000 000 Ft fölött lesz'],
    ['Öppet 08:30–17:00, men ingen svarade kl 14.30'],
    ['满意度 95%，价格 3999 元'],
    ['After updating to v2.3.1 (build 10.0.19045) the app crashes'],
    ['Ticket LH-2025-88412 closed without an answer'],
    ['A csomag 3-5 munkanap alatt jött, 2 db hiányzott'],
    ['Card 4111 1111 1111 1112 is not valid (Luhn fails)'],
    ['IBAN SE45 5000 0000 0583 9825 7467 has a wrong check digit'],
    ['Kundnummer 0012345678 står på fakturan'],
    ['No @ here, just an @handle and a@b'],
  ])('%s', (input) => {
    expect(redact(input)).toEqual({ text: input, found: { email: 0, phone: 0, card: 0, iban: 0 }, spans: [] });
  });
});

describe('redact on hostile input', () => {
  it.each([
    ['a long word before an @', `${'a'.repeat(50_000)}@${'b'.repeat(50_000)}`],
    ['a long digit run', '7'.repeat(100_000)],
    ['many short digit groups', '12 '.repeat(10_000)],
    ['many IBAN-like starts', 'SE45 '.repeat(20_000)],
    ['many dotted atoms', `${'a.'.repeat(20_000)}@`],
  ])('%s: finishes, finds nothing', (_, text) => {
    expect(redact(text).spans).toEqual([]);
  });
});

describe('Luhn and mod-97 checks', () => {
  it.each([
    ['4111111111111111', true], // Visa test card
    ['4111111111111112', false],
    ['5555555555554444', true], // Mastercard test card
    ['378282246310005', true], // Amex test card
    ['2200000000000004', true], // Mir-style test number
    ['0', true],
    ['12a4', false],
  ])('luhnValid(%s) = %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });

  it.each([
    ['SE4550000000058398257466', true],
    ['HU42117730161111101800000000', true],
    ['GB82WEST12345698765432', true],
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765433', false], // one digit changed
    ['SE455000000005839825746', false], // too short for SE
    ['XX82WEST12345698765432', false], // no such country
    ['gb82west12345698765432', false], // expects capitals
  ])('ibanValid(%s) = %s', (iban, valid) => {
    expect(ibanValid(iban)).toBe(valid);
  });
});

describe('placeholders are noise to the language detector and the tagger', () => {
  const detector = new LanguageDetector();
  const tagger = new EmotionTagger();
  const analyse = (text: string) => {
    const language = detector.detect(text);
    const result = tagger.tag(text, language.segments);
    return { lang: language.lang, emotions: result.emotions.map((e) => e.emotion), polarity: result.polarity };
  };

  it.each([
    ['Позвоните мне: +7 912 345-67-89, спасибо! Очень доволен.'],
    ['Ring mig på 070-123 45 67, jag är jättearg!'],
    ['请打电话 138 0013 8000，我很失望'],
    ['Hívjon: +36 30 123 4567, nagyon elégedett vagyok!'],
    ['Email me at jane.doe@example.co.uk, I am so disappointed.'],
    ['They charged card 4111 1111 1111 1111 twice, furious! Refund to GB82 WEST 1234 5698 7654 32.'],
  ])('%s: same language, emotions and polarity after redaction', (text) => {
    const redacted = redact(text).text;
    expect(redacted).not.toBe(text);
    expect(analyse(redacted)).toEqual(analyse(text));
  });

  it('placeholders alone are no language and no emotion', () => {
    expect(analyse(Object.values(PLACEHOLDERS).join(' '))).toEqual({ lang: 'und', emotions: [], polarity: 0 });
  });
});

describe('redactWithEvidence', () => {
  it('drops evidence inside redactions and moves the rest with the text', () => {
    const text = 'Ring 070-123 45 67, jag är jättearg! Mejla anna@example.se';
    const word = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w });
    const result = redactWithEvidence(text, [word('jättearg'), word('anna'), word('Ring')]);
    expect(result.text).toBe('Ring [PHONE], jag är jättearg! Mejla [EMAIL]');
    expect(result.evidence.map((e) => [e.text, result.text.slice(e.start, e.end)])).toEqual([
      ['jättearg', 'jättearg'],
      ['Ring', 'Ring'],
    ]);
  });
});
