import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../src/lang/registry.js';
import { swedish } from '../../src/lang/swe/language.js';
import { emotionsOf, langOf } from '../helpers/analyse.js';

describe('Swedish (swe)', () => {
  it.each([['swe'], ['sv'], ['sv-SE'], ['sv-FI']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(swedish);
    expect(REGISTRY.nameOf('swe')).toBe('Swedish');
  });

  it.each([
    ['leveransen', 'leveranser'],
    ['besviken', 'besvikelse'],
    ['snabb', 'snabba'],
  ])('stems %s and %s alike', (...words) => {
    expect(new Set(words.map((w) => swedish.stem!(w))).size).toBe(1);
  });

  it.each([
    ['Tack!', 'swe'],
    ['Snabb leverans', 'swe'],
    ['Jättebra service!!!', 'swe'],
    // å and ä point to Swedish among our Latin-script languages.
    ['Små fel på ytan', 'swe'],
    // Norwegian's ø is not Swedish.
    ['Leveringen kom for sent, og pakken var ødelagt', 'nob'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ['Leveransen kom snabbt, tack!', ['ease', 'gratitude']],
    ['Maten var kall och personalen otrevlig', ['anger', 'disappointment']],
    // "inte" follows the verb it negates: Swedish negation reaches two words after the term.
    ['Jag gillade inte maten.', ['disappointment']],
    ['Det var inte bra alls', ['disappointment']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });

  // Feedback from domains beyond shops (rooms, electronics, telecom, food, transport, banking, clothing, utilities, public services): a complaint that the product or service fell short, with no emotion word, is
  // disappointment (waiting or effort frustration, being misled distrust); plain praise by its domain noun;
  // negated complaints and bare facts are traps.
  it.each<[string, string[]]>([
    ['Sängen var obekväm', ['disappointment']],
    ['Samtalen bryts hela tiden', ['disappointment']],
    ['Batteriet tar slut efter några timmar', ['disappointment']],
    ['Uppkopplingen bryter hela tiden', ['disappointment']],
    ['Skärmen sprack efter en vecka', ['disappointment']],
    ['Pizzan var bränd', ['disappointment']],
    ['Portionen var liten', ['disappointment']],
    ['Det var hår i maten', ['disappointment']],
    ['Tåget var inställt', ['disappointment']],
    ['Bussen var överfull', ['disappointment']],
    ['Kortet spärrades utan anledning', ['disappointment']],
    ['Sömmarna gick upp efter första tvätten', ['disappointment']],
    ['Efter uppdateringen fungerar ingenting', ['disappointment']],
    ['Betalningen gick inte igenom', ['frustration']],
    ['Räntan höjdes utan att vi fick veta', ['distrust']],
    ['Kylskåpet kyler inte', ['disappointment']],
    ['Elementen var kalla', ['disappointment']],
    ['Rummet var inte städat', ['disappointment']],
    ['Hissen var ur funktion', ['disappointment']],
    ['Handläggningstiden var lång', ['frustration']],
    ['Räkningen var högre än avtalat', ['distrust']],
    ['Tyget är tunt', ['disappointment']],
    ['Maten var inte god', ['disappointment']],
    ['Mobilappen loggar ut mig hela tiden', ['frustration']],
    ['Batteriet håller inte länge', ['disappointment']],
    ['Rummet var rent och fräscht', ['satisfaction']],
    ['Sängen var skön', ['satisfaction']],
    ['Maten var god', ['satisfaction']],
    ['Batteriet håller länge', ['satisfaction']],
    ['Kaffet var gott', ['satisfaction']],
    ['Hemsidan är överskådlig', ['ease']],
    ['Tyget är mjukt och skönt', ['satisfaction']],
    ['Paketet var välpackat', ['satisfaction']],
    ['Maten var inte kall', []],
    ['Rummet hade en vattenkokare', []],
    ['Paketet kom på tisdagen', []],
    ['Vi bodde på hotellet i tre nätter', []],
    // A delay negated is punctuality, as "Nem volt késés" in Hungarian.
    ['Tåget var inte försenat', ['ease']],
    ['Jag ringde kundtjänst i morse', []],
    ['Jag har inga klagomål', ['satisfaction']],
    ['Surfen tar slut för snabbt', ['disappointment']],
    ['Byter till ett annat bolag.', ['defection']],
    ['Jag byter inte till ett annat bolag.', ['commitment']],
    ['Bindningstiden förlängdes utan att jag godkänt det', ['distrust']],
    ['Vattnet är brunt', ['disappointment']],
    ['Bagaget kom bort', ['disappointment']],
    ['Pastan var överkokt', ['disappointment']],
    ['Sängarna var väldigt obekväma', ['disappointment']],
    ['Sängen var inte skön', ['disappointment']],
    ['Vi fick några vissa rabatter', []],
    ['Salladen var fräsch och god', ['satisfaction']],
    // Being terminated by the provider is not the customer leaving.
    ['Jag blev uppsagd från abonnemanget utan förklaring', ['disappointment']],
    ['Grannrummet var högljutt', ['disappointment']],
    ['Madrassen var lagom hård', ['satisfaction']],
    ['Färgen är precis som på bilden', ['satisfaction']],
  ])('tags feedback %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
