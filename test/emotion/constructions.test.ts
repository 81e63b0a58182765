import { describe, expect, it } from 'vitest';
import { analyse, emotionsOf } from '../helpers/analyse.js';

const tag = (text: string) => analyse(text).tags;

describe('constructions.tsv: a business reply quoted under a review is not the customer\'s', () => {
  it.each([
    ['eng', 'The dress arrived torn and nobody answered my emails.', '\nResponse from the owner: Thank you for your feedback, we are so grateful and delighted to help!'],
    ['eng', 'Cold food, rude waiter.', '\n\nReply from Anna, manager:\nThanks a lot for your review, we love hearing from you!'],
    ['rus', 'Несли час, суп холодный.', '\nОтвет ресторана: Спасибо за отзыв, нам очень приятно, ждём вас снова!'],
    ['rus', 'Ужасно долго ждали заказ.', ' Ответ администрации:\nБлагодарим вас, рады, что вам всё понравилось!'],
    ['swe', 'Paketet kom aldrig fram och kundtjänst svarade inte.', '\nSvar från Bokhandeln AB: Tack för din fina recension, vi är så glada!'],
    ['cmn', '房间很差，隔音不好。', '酒店回复：感谢您的入住，非常满意您的建议，欢迎再次光临！'],
    ['cmn', '送餐太慢了。', '商家回复：谢谢亲的支持，我们会做得更好！'],
    ['hun', 'Hideg volt az étel, a futár késett.', '\nA tulajdonos válasza: Köszönjük a visszajelzést, örülünk, hogy nálunk rendelt!'],
  ])('%s: tags only the customer\'s part, at the same offsets', (_, review, reply) => {
    const alone = tag(review);
    const withReply = tag(review + reply);
    expect(withReply.emotions).toEqual(alone.emotions);
  });

  it.each([
    ['eng', 'Got a reply from them within a day, great service!', 'satisfaction'],
    ['swe', 'Fick svar från kundtjänst direkt, tack!', 'gratitude'],
    ['cmn', '前台很热情的回复说会保留，很满意。', 'satisfaction'],
  ])('%s: a reply mentioned inside the customer\'s own sentence is still tagged: %s', (_, text, expected) => {
    expect(emotionsOf(text)).toContain(expected);
  });
});

describe('constructions.tsv: counterfactual mood is disappointment', () => {
  it.each([
    ['eng', 'This would have been a perfect jacket if the sleeves were shorter.'],
    ['eng', 'A size smaller would have been perfect.'],
    ['eng', 'I just wish they made them more durable and comfortable.'],
    ['rus', 'Было бы отлично, если бы не шум с кухни.'],
    ['swe', 'Det hade varit perfekt om leveransen kom i tid.'],
    ['cmn', '要是房间再大一点就好了'],
    ['hun', 'Tökéletes lett volna, ha melegebb az étel.'],
  ])('%s: %s', (_, text) => {
    const found = emotionsOf(text);
    expect(found).toContain('disappointment');
    expect(found).not.toContain('delight');
    expect(found).not.toContain('satisfaction');
  });
});

describe('constructions.tsv: a contrast marker ends a counterfactual\'s scope', () => {
  it.each([
    ['eng', "All sorted in the end but I wish it hadn't taken three emails.", 'ease'],
    ['swe', 'Maten var mycket god men det hade varit bättre med snabbare leverans.', 'satisfaction'],
  ])('%s: %s', (_, text, expected) => {
    expect(emotionsOf(text)).toContain(expected);
  });
});

describe('constructions.tsv: a positive feeling stated in the past and reversed is not the customer\'s now', () => {
  it.each([
    ['eng', 'We used to love this place, but the portions got tiny.'],
    ['eng', 'At first I liked it. Now it pills after every wash.'],
    ['rus', 'Раньше нравилось, но сейчас стало хуже.'],
    ['swe', 'Förr var det bra, men nu tar leveransen en vecka.'],
    ['cmn', '以前很喜欢，但是现在变差了。'],
    ['hun', 'Régen szerettük, de mostanra romlott a minőség.'],
  ])('%s: %s', (_, text) => {
    const found = emotionsOf(text);
    expect(found).toContain('disappointment');
    expect(found).not.toContain('delight');
    expect(found).not.toContain('satisfaction');
  });

  it.each([
    ['eng', 'I was worried it would be too small, but it fits perfectly.'],
    ['rus', 'Сначала было страшно, но всё прошло отлично.'],
  ])('%s: a worry the text lays to rest is dropped: %s', (_, text) => {
    expect(emotionsOf(text)).not.toContain('anxiety');
  });

  it.each([
    ['eng', 'I used to shop elsewhere, but I love this store.', 'delight'],
    ['rus', 'Раньше ходили в другое место, но здесь очень понравилось.', 'satisfaction'],
  ])('%s: a past fact without a feeling of its own changes nothing: %s', (_, text, expected) => {
    expect(emotionsOf(text)).toContain(expected);
  });
});

describe('constructions.tsv: a negated comparison is utmost praise, not its opposite', () => {
  it.each([
    ['eng', "I couldn't be happier with this dress.", 'delight'],
    ['eng', 'The service could not have been better.', 'delight'],
    ['rus', 'Обслуживание не могло быть лучше.', 'delight'],
    ['swe', 'Kunde inte vara mer nöjd med köpet.', 'delight'],
    ['cmn', '服务再好不过了', 'delight'],
    ['hun', 'Nem is lehetne jobb a kiszolgálás.', 'delight'],
    ['eng', 'No one left unhappy.', 'satisfaction'],
    ['rus', 'Недовольных не осталось.', 'satisfaction'],
  ])('%s: %s → %s', (_, text, expected) => {
    const found = emotionsOf(text);
    expect(found).toContain(expected);
    expect(found).not.toContain('disappointment');
  });

  it('a negative feeling stays what it is: "couldn\'t be more disappointed"', () => {
    expect(emotionsOf("I couldn't be more disappointed.")).toEqual(['disappointment']);
  });
});

describe('constructions.tsv: a staff member\'s feeling is not the customer\'s', () => {
  it.each([
    ['eng', 'The salesman was so happy when I bought it.'],
    ['rus', 'Официант был очень рад нашему приходу.'],
    ['swe', 'Säljaren var väldigt glad över köpet.'],
    ['cmn', '服务员很开心'],
    ['hun', 'Az eladó nagyon boldog volt.'],
  ])('%s: %s', (_, text) => {
    expect(emotionsOf(text)).not.toContain('satisfaction');
    expect(emotionsOf(text)).not.toContain('delight');
  });

  it.each([
    ['rus', 'Спасибо вам огромное! Мама очень довольна чайником.', 'satisfaction'],
    ['eng', 'The waiter was lovely and I was so happy with the food.', 'satisfaction'],
  ])('%s: a gift\'s receiver, or the customer beside the staff, still counts: %s', (_, text, expected) => {
    expect(emotionsOf(text)).toContain(expected);
  });
});

describe('constructions.tsv: sign-offs and wishes carry no feeling', () => {
  it.each([
    ['eng', 'Have a nice summer!'],
    ['eng', 'Have a great weekend, everyone.'],
    ['rus', 'Всего доброго, с уважением, Ольга.'],
    ['swe', 'Ha en trevlig helg! Vänliga hälsningar, Anna'],
    ['cmn', '祝好'],
    ['hun', 'Szép napot! Üdvözlettel, Kata'],
  ])('%s: %s', (_, text) => {
    expect(emotionsOf(text)).toEqual([]);
  });
});

describe('constructions.tsv: evidence says which construction changed a match', () => {
  it('names the counterfactual and the emotion it replaced', () => {
    const text = 'It would have been perfect if it were longer.';
    const [tag0] = tag(text).emotions;
    expect(tag0?.emotion).toBe('disappointment');
    expect(tag0?.evidence[0]).toMatchObject({ text: 'perfect', flippedFrom: 'delight', construction: { kind: 'counterfactual', text: 'would have been' } });
  });
});

describe('constructions.tsv: a negator after a term stays in its own clause (opener)', () => {
  it.each([
    ['swe', 'Maten kändes som skolmat och inte alls som hotellmat.', 'disappointment', 'satisfaction'],
    ['swe', 'Personalen var trevlig utan att tjata.', 'satisfaction', 'disappointment'],
  ])('%s: %s', (_, text, expected, unexpected) => {
    const found = emotionsOf(text);
    expect(found).toContain(expected);
    expect(found).not.toContain(unexpected);
  });

  it('a negator right after the verb still negates it: "gillade inte"', () => {
    expect(emotionsOf('Jag gillade inte maten.')).toContain('disappointment');
  });
});
